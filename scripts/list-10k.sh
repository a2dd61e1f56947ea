#!/usr/bin/env bash
# Figures, not a test: the list page of the release console on a sandbox
# holding 10,030 tokens. Prints navigation → rows visible, filter change →
# updated rows, and search → match, over several runs (RUNS, default 5).
source "$(dirname "$0")/figures-sandbox.sh"
start_figures_sandbox --bulk-tokens 10000
echo "==> timing the list page on $URL/api-tokens"
node tools/list-timing.mjs "$URL/" "$TOKEN" "${RUNS:-5}"
