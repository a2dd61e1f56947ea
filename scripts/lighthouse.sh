#!/usr/bin/env bash
# Figures, not a test: Lighthouse (desktop and mobile presets) on the list page
# of the release console served by a freshly seeded sandbox. Prints the
# performance scores and FCP / LCP / TBT / CLS.
#   scripts/lighthouse.sh            the console, signed in
#   scripts/lighthouse.sh --floor    the minimal leptos app (tools/minimal-app),
#                                    the floor any console of this kind starts from
#   RUNS=5 scripts/lighthouse.sh …   that many runs of each preset
source "$(dirname "$0")/figures-sandbox.sh"
RUNS=${RUNS:-1}
if [ "${1:-}" = "--floor" ]; then
  scripts/setup.sh --browser
  echo "==> building the minimal app"
  (cd tools/minimal-app && CARGO_TARGET_DIR=../../target/minimal-app trunk build --release --dist ../../target/minimal-dist >/dev/null)
  out=$(mktemp)
  node tools/serve-minimal.mjs target/minimal-dist >"$out" &
  server=$!
  trap 'kill $server 2>/dev/null; rm -f "$out"' EXIT
  URL=$(address_in "$out" "listening ") || { echo "the minimal app's server did not start" >&2; exit 1; }
  echo "==> Lighthouse on the minimal app, $RUNS run(s)"
  for _ in $(seq "$RUNS"); do node tools/lighthouse.mjs "$URL/"; done
  exit 0
fi
start_figures_sandbox
echo "==> Lighthouse on $URL/api-tokens, $RUNS run(s)"
for _ in $(seq "$RUNS"); do node tools/lighthouse.mjs "$URL/" "$TOKEN"; done
