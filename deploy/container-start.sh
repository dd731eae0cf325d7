#!/bin/sh
# Start the workspace in the container: a first workspace file on an empty volume, then the app.
set -eu
if [ ! -f "$COUNCIL_CONFIG" ]; then
    sed -e 's/^sign_in: demo/sign_in: accounts/' -e 's/^demo_data: true/demo_data: false/' \
        "${COUNCIL_EXAMPLE_CONFIG:-/app/example/workspace.yaml}" > "$COUNCIL_CONFIG"
    echo "A new workspace file is at $COUNCIL_CONFIG: set your organisation in it, then restart." >&2
fi
exec streamlit run app.py \
    --server.port "${COUNCIL_PORT:-8501}" --server.address 0.0.0.0 --server.headless true \
    --server.fileWatcherType none --browser.gatherUsageStats false \
    --server.baseUrlPath "${COUNCIL_BASE_PATH:-}"
