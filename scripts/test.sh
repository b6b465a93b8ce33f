#!/usr/bin/env bash
# Command two: install what is missing, then run every test: native (src/core and the shipped
# data), browser (wasm-bindgen-test in headless Chromium) and end-to-end (the release build
# served on 127.0.0.1 and driven in Chromium). Ends with each runner's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
# Where the time goes: each step's wall time, printed as a table at the end (and on failure).
: > target/steps.tsv
last_step=""; last_start=$(date +%s)
step() {
  local now; now=$(date +%s)
  [ -z "$last_step" ] || printf '%s\t%s\n' "$last_step" $((now - last_start)) >> target/steps.tsv
  last_step=$1; last_start=$now
  [ -z "$1" ] || printf '\n\033[1m== %s\033[0m\n' "$*"
}
steps_table() {
  step ""
  echo; echo "where the time went (seconds):"
  awk -F'\t' '{ total += $2; printf "  %-60s %5d\n", $1, $2 } END { printf "  %-60s %5d\n", "all", total }' target/steps.tsv
}
trap steps_table EXIT

step "set-up: scripts/setup.sh (installs only what is missing)"
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step "native: cargo test (src/core, shipped data against the seed texts; the build's pruner compiled)"
# With the pruner's feature, so that the release build's post-build finds `src/bin/prune.rs`
# compiled (here both cores compile; there it would wait for the pages' renderer).
cargo test --locked --features prune 2>&1 | tee target/native-tests.log

step "release build: trunk build --release"
trunk build --release

step "browser tests: wasm-bindgen-test in headless Chromium; the benchmarks compiled"
# In the release profile, so that they reuse the crates the release build has just compiled
# for wasm: measured on 4 December, 114 s to compile after it, where the debug profile's build
# of the same tests took 450 s to 1,000 s. Nothing is lost: on wasm32 a panic aborts in either
# profile, and the release profile is what the app ships with (only its overflow checks and
# debug assertions are off, which the native tests of src/core keep).
# The loaders are tested against the real files, served as a host would serve them.
node scripts/static-server.mjs --dir public --port 8098 --cors > /dev/null &
data_server=$!
trap 'kill $data_server 2>/dev/null || true; steps_table' EXIT
TEST_DATA_ORIGIN=http://127.0.0.1:8098 \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_TIMEOUT=180 \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --release --target wasm32-unknown-unknown --features hydrate --test web 2>&1 | tee target/browser-tests.log
kill "$data_server" 2>/dev/null || true
# The benchmarks: compiled, not run (scripts/bench.sh runs them), so they cannot break unseen.
# The browser one in the profile scripts/bench.sh runs it in, whose crates are built by now;
# the native one is compiled by `cargo test` above, as every binary is.
cargo test --locked --release --target wasm32-unknown-unknown --features hydrate --test bench_web --no-run

step "release build for a sub-path"
# The same build for a sub-path, as an agency would host it (tests/e2e/embed.test.mjs). Its
# pages differ (their links and base); its modules do not, so they are taken from dist/.
CE_MODULES_FROM=dist trunk build --release --public-url /social-cohesion/ --dist target/dist-sub
step "end-to-end: the release build, served and driven in Chromium"
# A test that hangs fails after four minutes instead of holding the run.
node --test --test-concurrency=1 --test-timeout=240000 tests/e2e/ 2>&1 | tee target/e2e-tests.log

step "summary"
grep -h '^test result:' target/native-tests.log target/browser-tests.log
grep -E '^# (pass|fail)' target/e2e-tests.log
