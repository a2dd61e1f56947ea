#!/usr/bin/env bash
# Builds the release console and prints its first-load size (raw, gzip, brotli), its
# chunks and what reaching each split page costs; and, as a yardstick that holds on
# any machine, the first load of a minimal leptos app built the same way
# (tools/minimal-app), with the console's as a ratio to it.
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
