"""`python -m council …`: the operator's command line."""

import sys

from council.cli import main

sys.exit(main())
