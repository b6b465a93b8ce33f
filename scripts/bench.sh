#!/usr/bin/env bash
# The benchmark command: the data core natively and in headless Chromium (wasm), beside the
# JavaScript peer (d3-dsv + arquero) in the same browser run, on 10k, 100k and 1M synthetic
# rows; then, on a release build: the page weight against its budgets, a first load per route,
# Lighthouse (mobile, median of three runs) and interaction to next paint at 4x CPU slowdown.
# Prints figures; it does not pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
mkdir -p target/bench

echo "== native"
cargo run --quiet --release --bin bench

echo "== browser (wasm) and the JavaScript peer"
esbuild tests/bench/peer.mjs --bundle --format=esm --platform=browser --minify --outfile=target/bench/peer.js --log-level=warning
node scripts/static-server.mjs --dir target/bench --port 8097 --cors > /dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
BENCH_PEER_URL=http://127.0.0.1:8097/peer.js \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_TIMEOUT=600 \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --release --target wasm32-unknown-unknown --features hydrate --test bench_web -- --nocapture 2>&1 | tee target/bench/browser.log

echo "== page weight (release build)"
trunk build --release > /dev/null 2>&1
node scripts/size-report.mjs
echo "== first load"
node scripts/first-load.mjs
echo "== Lighthouse"
node scripts/lighthouse.mjs --runs 3
echo "== Lighthouse, a fresh browser profile for every run (a first visit)"
node scripts/lighthouse.mjs --runs 3 --fresh
echo "== interaction to next paint"
node scripts/interactions.mjs
echo "== take-over at 4x CPU slowdown"
node scripts/take-over.mjs --runs 3
