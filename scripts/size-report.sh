#!/usr/bin/env bash
# Builds the release console and prints its first-load size (raw, gzip, brotli).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/setup.sh
trunk build --release --dist target/release-dist
node tools/size-report.mjs target/release-dist
