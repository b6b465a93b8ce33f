#!/usr/bin/env bash
# Installs whatever is missing, and only that: the wasm32 target, Trunk, wasm-bindgen-cli at
# the Cargo.lock version, the npm packages (wasm-opt via binaryen, the e2e driver), and
# Debian's Chromium and ChromeDriver. Safe to run again: each step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml \
  || { echo "setup: Trunk.toml's [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" (the Cargo.lock version)" >&2; exit 1; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION (about 5 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  # Not --locked: the CLI's own lock file names a crate version the registry lacks.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "npm packages: present"
else
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -eq 0 ]; then
  say "chromium and chromedriver: present"
else
  say "installing ${need_apt[*]} from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

# ECharts, bundled with only what the charts use; loaded by the app when a chart is first shown.
mkdir -p target/echarts
if [ target/echarts/echarts.js -nt scripts/echarts-entry.mjs ] && [ target/echarts/echarts.js -nt package-lock.json ]; then
  say "echarts bundle: present"
else
  say "bundling echarts with esbuild"
  esbuild scripts/echarts-entry.mjs --bundle --minify --format=iife --platform=browser --outfile=target/echarts/echarts.js --log-level=warning
fi
say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1), $(chromium --version)"
