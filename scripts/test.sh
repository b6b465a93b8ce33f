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

step "native: cargo test (src/core, shipped data against the seed texts)"
cargo test --locked 2>&1 | tee target/native-tests.log

step "release build, with the browser tests alongside: trunk build --release; wasm-bindgen-test in headless Chromium"
# The two overlap, in the hope that the release build's single-threaded stretches (each wasm
# module ends in link-time optimisation with one codegen unit, then wasm-opt) leave a core for
# the browser tests' debug build. Measured on 3 December it did not pay: 1,550 s together
# against 1,535 s one after the other (see the README); it costs nothing either. The browser
# tests build in a target folder of their own: cargo holds a target folder for one build at a
# time, and the two share no compiled crate anyway (another profile). Their output goes to
# target/browser-tests.log, shown when both are done.
browser_tests() {
  # The loaders are tested against the real files, served as a host would serve them.
  node scripts/static-server.mjs --dir public --port 8098 --cors > /dev/null &
  local data_server=$!
  local started; started=$(date +%s)
  local rc=0
  TEST_DATA_ORIGIN=http://127.0.0.1:8098 \
  CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_TIMEOUT=180 \
  CARGO_TARGET_DIR=target/browser \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --target wasm32-unknown-unknown --features hydrate --test web || rc=$?
  kill "$data_server" 2>/dev/null || true
  # The benchmarks: compiled, not run (scripts/bench.sh runs them), so they cannot break
  # unseen. The browser one in the browser tests' profile, whose crates are built by now; the
  # native one is compiled by `cargo test` above, as every binary is.
  if [ "$rc" -eq 0 ]; then
    CARGO_TARGET_DIR=target/browser cargo test --locked --target wasm32-unknown-unknown --features hydrate --test bench_web --no-run || rc=$?
  fi
  echo "browser tests and benchmark compile: $(( $(date +%s) - started )) s, exit $rc"
  return "$rc"
}
browser_tests > target/browser-tests.log 2>&1 &
browser_pid=$!
trap 'kill $browser_pid 2>/dev/null || true; steps_table' EXIT
trunk build --release
echo "release build done; waiting for the browser tests"
browser_rc=0
wait "$browser_pid" || browser_rc=$?
cat target/browser-tests.log
[ "$browser_rc" -eq 0 ] || { echo "the browser tests failed (exit $browser_rc)" >&2; exit "$browser_rc"; }
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
