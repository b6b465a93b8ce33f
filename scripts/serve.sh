#!/usr/bin/env bash
# Command one: install what is missing, build, and serve the app on http://127.0.0.1:8080
# (rebuilding on change; reload the page to see it). Pass --release for the optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# No auto-reload: Trunk would inject an inline script (rewritten per request) that the
# app's Content Security Policy rightly blocks. Trunk still rebuilds on change; reload the page.
exec trunk serve --no-autoreload "$@"
