#!/usr/bin/env bash
# Command two: install what is missing, then run every test: native (src/core and the shipped
# data), browser (wasm-bindgen-test in headless Chromium) and end-to-end (the release build
# served on 127.0.0.1 and driven in Chromium). Ends with each runner's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

mkdir -p target
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "native: cargo test (src/core, shipped data against the seed texts)"
cargo test --locked 2>&1 | tee target/native-tests.log

step "browser: wasm-bindgen-test in headless Chromium"
# The loaders are tested against the real files, served as a host would serve them.
node scripts/static-server.mjs --dir public --port 8098 --cors > /dev/null &
data_server=$!
trap 'kill $data_server 2>/dev/null || true' EXIT
TEST_DATA_ORIGIN=http://127.0.0.1:8098 \
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --features hydrate --test web 2>&1 | tee target/browser-tests.log

step "end-to-end: release build, served and driven in Chromium"
trunk build --release
# The same build for a sub-path, as an agency would host it (tests/e2e/embed.test.mjs).
trunk build --release --public-url /social-cohesion/ --dist target/dist-sub
# A test that hangs fails after four minutes instead of holding the run.
node --test --test-concurrency=1 --test-timeout=240000 tests/e2e/ 2>&1 | tee target/e2e-tests.log

step "summary"
grep -h '^test result:' target/native-tests.log target/browser-tests.log
grep -E '^# (pass|fail)' target/e2e-tests.log
