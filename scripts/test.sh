#!/usr/bin/env bash
# Runs every check and test: formatting, lints, native unit tests, the
# sandbox's HTTP tests, component tests in headless Chromium, and the
# end-to-end tests (built console + sandbox + Chromium through ChromeDriver).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/setup.sh --browser

# Every test runner's output also goes to a log, summed up at the end.
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

echo "==> formatting and lints"
cargo fmt --all --check
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -p tokens-console --lib --bins --tests -- -D warnings

echo "==> building the sandbox and the console for the end-to-end tests"
cargo build --quiet -p sandbox
trunk build --dist target/e2e-dist
trunk build --dist target/e2e-dist-console --public-url /console/
export E2E_SANDBOX_BIN="$PWD/target/debug/sandbox" E2E_DIST="$PWD/target/e2e-dist" \
  E2E_DIST_CONSOLE="$PWD/target/e2e-dist-console"
CHROMEDRIVER="$(command -v chromedriver)"
export CHROMEDRIVER

echo "==> component tests (wasm_bindgen_test, headless Chromium)"
# Bounded: a hung browser must fail the run, not stall it.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner WASM_BINDGEN_TEST_TIMEOUT=120 \
  timeout 1200 cargo test --target wasm32-unknown-unknown -p tokens-console --test components 2>&1 | tee -a "$LOG"

echo "==> native tests: unit, sandbox HTTP, end-to-end"
timeout 2400 cargo test --workspace --lib --bins --tests 2>&1 | tee -a "$LOG"

echo "==> all tiers"
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "Total: %d passed, %d failed\n", p, f; exit (f > 0 || p == 0) }' "$LOG"
