#!/usr/bin/env bash
# Installs whatever is missing, and only that: the wasm32 target, Trunk, wasm-bindgen-cli at
# the Cargo.lock version, the project's crates, the npm packages (wasm-opt via binaryen, the
# e2e drivers), and Debian's Chromium and ChromeDriver, Firefox ESR, WebKitGTK's WebDriver and
# Xvfb. Safe to run again: each step checks first.
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

# Downloads overlap the compiles: the crates the project builds, the npm packages and Debian's
# browsers are fetched in the background while Trunk and wasm-bindgen-cli compile in the
# foreground (two cores, both busy compiling; the downloads wait on the network, not on them).
mkdir -p target/setup
background=()
run_bg() { # name, command...: run in the background, its output in target/setup/<name>.log
  local name=$1; shift
  ( "$@" ) > "target/setup/$name.log" 2>&1 &
  background+=("$!:$name")
}

say "fetching the project's crates (Cargo.lock) in the background"
run_bg cargo-fetch cargo fetch --locked

if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "npm packages: present"
else
  say "installing npm packages from package-lock.json in the background"
  run_bg npm npm ci --no-audit --no-fund
fi

# Chromium for every test; Firefox ESR, WebKitGTK's WebDriver and Xvfb for the cross-engine smoke test.
# Chromium with what Debian recommends (its fonts: the tests measure text); the other engines
# without (Firefox's recommends are codecs and the like, which the smoke test never plays).
need_chromium=(); need_others=()
command -v chromium >/dev/null 2>&1 || need_chromium+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_chromium+=(chromium-driver)
command -v firefox-esr >/dev/null 2>&1 || need_others+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || need_others+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null 2>&1 || need_others+=(xvfb xauth)
if [ $(( ${#need_chromium[@]} + ${#need_others[@]} )) -eq 0 ]; then
  say "browsers and drivers: present"
else
  say "installing ${need_chromium[*]} ${need_others[*]} from Debian in the background"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  apt_install() {
    $SUDO apt-get update -qq
    if [ ${#need_chromium[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_chromium[@]}"
    fi
    if [ ${#need_others[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_others[@]}"
    fi
  }
  run_bg apt apt_install
fi

# The tools are built for speed of building, not of running: no LTO and many codegen units cut
# Trunk's compile by about half (its own release profile asks for fat LTO and one unit), and
# neither tool's speed shows in a build, where rustc and wasm-opt do the work. One target folder
# for both, so the crates they share compile once.
tool_build=(env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
  CARGO_PROFILE_RELEASE_OPT_LEVEL=2 CARGO_TARGET_DIR="$PWD/target/setup/tools")
if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION"
  "${tool_build[@]}" cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  # Not --locked: the CLI's own lock file names a crate version the registry lacks.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  "${tool_build[@]}" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

failed=0
for job in "${background[@]}"; do
  pid=${job%%:*}; name=${job#*:}
  if wait "$pid"; then
    say "$name: done"
  else
    echo "setup: $name failed; its output:" >&2
    cat "target/setup/$name.log" >&2
    failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1

# ECharts, bundled with only what the charts use; loaded by the app when a chart is first shown.
mkdir -p target/echarts
if [ target/echarts/echarts.js -nt scripts/echarts-entry.mjs ] && [ target/echarts/echarts.js -nt package-lock.json ]; then
  say "echarts bundle: present"
else
  say "bundling echarts with esbuild"
  esbuild scripts/echarts-entry.mjs --bundle --minify --format=iife --platform=browser --outfile=target/echarts/echarts.js --log-level=warning
fi
say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1), $(chromium --version)"
