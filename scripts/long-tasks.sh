#!/usr/bin/env bash
# Figures, not a test: the main thread's long tasks during a signed-in reload
# of the release console's list page, Chrome's real 4× CPU throttling.
#   scripts/long-tasks.sh              three reloads, the time over 50 ms of each
#   scripts/long-tasks.sh --detail     and every task over 5 ms among the requests
#   RELOADS=6 scripts/long-tasks.sh …  that many reloads
source "$(dirname "$0")/figures-sandbox.sh"
start_figures_sandbox
echo "==> long tasks of a reload of $URL/api-tokens"
node tools/long-tasks.mjs "$URL/" "$TOKEN" "${RELOADS:-3}" "${1:-}"
