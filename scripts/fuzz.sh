#!/usr/bin/env bash
# Fuzzes every parser for a while (outside CI): scripts/fuzz.sh [seconds per target, default 60]
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the machine's stable toolchain
# provide them (no other toolchain can be fetched here).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
seconds=${1:-60}
for target in observations indicators sdmx frameworks; do
  echo "== $target"
  RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz "$target" -- -max_total_time="$seconds" 2>&1 \
    | grep -E "^Done|stat::number_of_executed_units|SUMMARY|panicked|crash-" || true
done
