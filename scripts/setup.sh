#!/usr/bin/env bash
# Installs whatever the project needs and is missing; quick when all is there.
#   scripts/setup.sh            toolchain for building and running the console
#   scripts/setup.sh --browser  also the browsers the tests run in, with their
#                               WebDriver servers: Chromium (ChromeDriver), Firefox ESR
#                               (geckodriver) and WebKitGTK (WebKitWebDriver, MiniBrowser,
#                               on an Xvfb display), and the static servers the hosting
#                               tests run (nginx with brotli_static, Caddy)
# Each step prints how long it took. Debian and npm packages are installed while
# cargo compiles (the compiles themselves run one after another: side by side
# they were slower on two cores); the Rust tools are built with cargo's release
# profile made lighter through its environment overrides (no LTO, 16 codegen
# units; trunk's own profile, fat LTO with one unit, was most of a fresh
# machine's set-up time).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock (pinned in Cargo.toml).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
BROWSER=0
for arg in "$@"; do
  case "$arg" in
    --browser) BROWSER=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { printf '==> %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
SETUP_START=$SECONDS
# Runs a step, then says how long it took.
timed() {
  local name=$1 start=$SECONDS
  shift
  "$@"
  say "$name: $((SECONDS - start)) s"
}
# Background steps: their output goes to a log, shown if they fail.
BACKGROUND=()
background() {
  local name=$1 log
  shift
  log=$(mktemp)
  ( start=$SECONDS; "$@" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }; say "$name: $((SECONDS - start)) s"; rm -f "$log" ) &
  BACKGROUND+=($!)
}

command -v cargo >/dev/null || { echo "setup.sh: cargo (rustup) is required" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  timed "wasm32 target" rustup target add wasm32-unknown-unknown
fi

# Node tools: npm's binaryen for release wasm-opt (Debian's wasm-opt 108 breaks the app at
# run time), esbuild to minify the JS and CSS, axe-core for the e2e accessibility checks,
# Lighthouse for the figures. Reinstalled whenever tools/package.json or
# tools/package-lock.json changes.
LOCK_SUM=$(cat tools/package.json tools/package-lock.json | sha256sum | cut -d' ' -f1)
install_node_tools() {
  npm ci --prefix tools --no-audit --no-fund --loglevel=error
  echo "$LOCK_SUM" > tools/node_modules/.lock-sum
}
if [ "$(cat tools/node_modules/.lock-sum 2>/dev/null)" != "$LOCK_SUM" ]; then
  say "installing node tools (binaryen, esbuild, axe-core, lighthouse), meanwhile"
  background "node tools" install_node_tools
fi

if [ "$BROWSER" = 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  command -v nginx >/dev/null || missing+=(nginx)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  command -v caddy >/dev/null || missing+=(caddy)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (Debian packages), meanwhile"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    # Installing does not start the servers here (no init system; Debian's policy-rc.d).
    background "Debian packages" sh -c "$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ${missing[*]}"
  fi
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  # Its own profile is fat LTO with one codegen unit; opt-level 1 is plenty for
  # what trunk does (it runs cargo, wasm-bindgen and the hook).
  timed "trunk" env CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: one of its locked dependencies is missing from the registry.
  timed "wasm-bindgen-cli" cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force \
    --bin wasm-bindgen --bin wasm-bindgen-test-runner
fi

# wasm-split-cli: the post-build hook splits the wasm by route with it (tools/split.mjs).
# It has no --version; cargo's install list says which is there. Its protocol must
# match the wasm_split_helpers that leptos brings (Cargo.lock).
WASM_SPLIT_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes, once)"
  timed "wasm-split-cli" cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

GECKODRIVER_VERSION=0.37.1
if [ "$BROWSER" = 1 ] && [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (a few minutes, once; Debian has no package)"
  timed "geckodriver" cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

for job in "${BACKGROUND[@]}"; do
  wait "$job" || { echo "setup.sh: an installation failed (above)" >&2; exit 1; }
done
say "toolchain ready ($((SECONDS - SETUP_START)) s)"
