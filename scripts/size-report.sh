#!/usr/bin/env bash
# Builds the release console and prints its first-load size (raw, gzip, brotli), its
# chunks and what reaching each split page costs; and, as a yardstick that holds on
# any machine, the first load of a minimal leptos app built the same way
# (tools/minimal-app), with the console's as a ratio to it.
# Fails if float formatting is back in the main module (read from a names-kept build).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/setup.sh
trunk build --release --dist target/release-dist
(cd tools/minimal-app && CARGO_TARGET_DIR=../../target/minimal-app trunk build --release --dist ../../target/minimal-dist)
echo "== minimal leptos app (tools/minimal-app)"
node tools/size-report.mjs target/minimal-dist | tee target/minimal-size.txt
minimal=$(awk '/^first load total/ {print $NF}' target/minimal-size.txt)
echo "== the console"
node tools/size-report.mjs target/release-dist "$minimal"

# Float formatting once cost 6.4 KiB of first load for one message (issue 25):
# the same build with its function names kept must have none of it in the
# main module (core::fmt::float, core::num::flt2dec).
SPLIT_KEEP_NAMES=1 trunk build --release --dist target/names-dist >/dev/null
main_wasm=$(ls target/names-dist/tokens-console-*_bg.wasm)
floats=$(grep -a -o -E '[0-9a-zA-Z_]*(3fmt5float|flt2dec)[0-9a-zA-Z_]*' "$main_wasm" | sort -u || true)
if [ -n "$floats" ]; then
  echo "float formatting is back in the main module:"
  echo "$floats" | head -20
  exit 1
fi
echo "float formatting in the main module: none"

# Where the main module's bytes go: by section (raw and brotli), then its code by
# crate (the same names-kept build).
node tools/fn-sizes.mjs "$main_wasm" 12
