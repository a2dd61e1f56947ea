#!/usr/bin/env bash
# Installs whatever the project needs and is missing; quick when all is there.
#   scripts/setup.sh            toolchain for building and running the console
#   scripts/setup.sh --browser  also the browsers the tests run in, with their
#                               WebDriver servers: Chromium (ChromeDriver), Firefox ESR
#                               (geckodriver) and WebKitGTK (WebKitWebDriver, MiniBrowser,
#                               on an Xvfb display)
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

command -v cargo >/dev/null || { echo "setup.sh: cargo (rustup) is required" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# wasm-split-cli: the post-build hook splits the wasm by route with it (tools/split.mjs).
# It has no --version; cargo's install list says which is there. Its protocol must
# match the wasm_split_helpers that leptos brings (Cargo.lock).
WASM_SPLIT_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# Node tools: npm's binaryen for release wasm-opt (Debian's wasm-opt 108 breaks the app at
# run time), esbuild to minify the JS and CSS, axe-core for the e2e accessibility checks,
# Lighthouse for the figures. Reinstalled whenever tools/package.json or
# tools/package-lock.json changes.
LOCK_SUM=$(cat tools/package.json tools/package-lock.json | sha256sum | cut -d' ' -f1)
if [ "$(cat tools/node_modules/.lock-sum 2>/dev/null)" != "$LOCK_SUM" ]; then
  say "installing node tools (binaryen, esbuild, axe-core, lighthouse)"
  npm ci --prefix tools --no-audit --no-fund --loglevel=error
  echo "$LOCK_SUM" > tools/node_modules/.lock-sum
fi

GECKODRIVER_VERSION=0.37.1
if [ "$BROWSER" = 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (Debian packages)"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (a few minutes, once; Debian has no package)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
fi

say "toolchain ready"
