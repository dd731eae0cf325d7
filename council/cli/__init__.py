"""The operator's command line, `python -m council …`: `main` parses and runs a command; `run_in_app` carries
one out inside the running app, which holds the database meanwhile.

- `main`: the parser, and handing a command to the running app;
- `workspace_commands`: create, demo, version, back up, restore, the recovery code;
- `accounts`, `feedback_import`, `mail`: the commands of their names;
- `console`: what every command shares: printing, reading a password, talking to the running app.
"""

from council.cli.main import main, run_in_app

__all__ = ["main", "run_in_app"]
