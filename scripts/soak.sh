#!/usr/bin/env bash
# Figures, not a test: a long session on the release console. The e2e soak
# test (tests/e2e/soak.rs) runs SOAK_ROUNDS rounds (default 300 here) of:
# next page and back, open a token, every tab, back to the list; then prints
# the JS heap, the wasm memory, DOM nodes and event listeners before and
# after (garbage collected), and fails if any grew beyond its bound.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/setup.sh --browser
echo "==> building the release console and the sandbox"
trunk build --release --dist target/figures-dist >/dev/null
cargo build --quiet -p sandbox
CHROMEDRIVER="$(command -v chromedriver)"
export CHROMEDRIVER E2E_SANDBOX_BIN="$PWD/target/debug/sandbox" E2E_DIST="$PWD/target/figures-dist"
echo "==> ${SOAK_ROUNDS:=300} rounds"
SOAK_ROUNDS="$SOAK_ROUNDS" cargo test --quiet --test e2e soak -- --nocapture 2>&1 | grep -E '^soak:|panicked|FAILED' || true
