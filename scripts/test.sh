#!/usr/bin/env bash
# Runs every check and test: formatting, lints, native unit tests, the
# sandbox's HTTP tests, component tests in headless Chromium and Firefox, and
# the end-to-end tests (built console + sandbox + real browsers through their
# WebDriver servers): the whole suite in Chromium, the core flows in Firefox
# ESR and WebKit too. Prints how long each tier took.
set -euo pipefail
cd "$(dirname "$0")/.."
# tools/node_modules/.bin: binaryen's wasm-opt for the release builds; /usr/sbin: nginx.
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH:/usr/sbin"

scripts/setup.sh --browser

# Every test runner's output also goes to a log, summed up at the end.
LOG=$(mktemp)
TIMES=$(mktemp)
trap 'rm -f "$LOG" "$TIMES"' EXIT

# One tier: its output logged, its duration noted.
tier() {
  local name=$1 start=$SECONDS
  shift
  echo "==> $name"
  "$@" 2>&1 | tee -a "$LOG"
  printf '%-44s %4d s\n' "$name" $((SECONDS - start)) >> "$TIMES"
}

echo "==> formatting and lints"
cargo fmt --all --check
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -p tokens-console --lib --bins --tests -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -p tokens-console --lib --bins --features split -- -D warnings

echo "==> building the sandbox and the console for the end-to-end tests"
cargo build --quiet -p sandbox
trunk build --dist target/e2e-dist
trunk build --dist target/e2e-dist-console --public-url /console/
# The release build, as deployed: nginx, Caddy and the sandbox serve it in e2e `servers`.
trunk build --release --dist target/e2e-release
trunk build --release --dist target/e2e-release-console --public-url /console/
export E2E_SANDBOX_BIN="$PWD/target/debug/sandbox" E2E_DIST="$PWD/target/e2e-dist" \
  E2E_DIST_CONSOLE="$PWD/target/e2e-dist-console" E2E_RELEASE_DIST="$PWD/target/e2e-release" \
  E2E_RELEASE_DIST_CONSOLE="$PWD/target/e2e-release-console"
CHROMEDRIVER="$(command -v chromedriver)"
GECKODRIVER="$(command -v geckodriver)"
export CHROMEDRIVER GECKODRIVER

# Test runs are bounded: a hung browser must fail the run, not stall it.
COMPONENTS=(env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner WASM_BINDGEN_TEST_TIMEOUT=120
  timeout 1200 cargo test --target wasm32-unknown-unknown -p tokens-console --test components)
tier "component tests, Chromium" env -u GECKODRIVER "${COMPONENTS[@]}"
tier "component tests, Firefox ESR" env -u CHROMEDRIVER "${COMPONENTS[@]}"
tier "native unit tests, layers and sandbox HTTP tests" timeout 1200 cargo test --workspace --lib --bins --test http --test layers
tier "end-to-end, Chromium (the whole suite)" \
  timeout 2400 cargo test --test e2e -- --skip ::firefox --skip webkit
tier "end-to-end, Firefox ESR (core flows)" timeout 1200 cargo test --test e2e -- ::firefox
tier "end-to-end, WebKit (core flows, C locale)" timeout 1200 cargo test --test e2e -- webkit

echo "==> time per tier"
cat "$TIMES"
echo "==> all tiers"
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "Total: %d passed, %d failed\n", p, f; exit (f > 0 || p == 0) }' "$LOG"
