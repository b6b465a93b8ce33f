#!/usr/bin/env bash
# Command one: install what is missing, build, and serve the app on http://127.0.0.1:8080
# (rebuilding on change). Pass --release for the optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve "$@"
