#!/usr/bin/env bash
# Figures, not a test: input → painted result for the list's interactions (Next,
# sort, status filter, rows per page, row menu) and a details tab, at 10 and 100
# rows per page, on the release console and a sandbox with 2,000 more tokens.
source "$(dirname "$0")/figures-sandbox.sh"
start_figures_sandbox --bulk-tokens 2000
echo "==> timing interactions on $URL/api-tokens"
node tools/interactions.mjs "$URL/" "$TOKEN" "${RUNS:-7}"
