#!/usr/bin/env bash
# Figures, not a test: a signed-in reload of the release console's list page
# on a slow network (150 ms round trips), navigation → first rows, five runs,
# and the API requests a reload makes.
source "$(dirname "$0")/figures-sandbox.sh"
start_figures_sandbox
echo "==> reload → first rows on $URL/api-tokens"
node tools/reload-timing.mjs "$URL/" "$TOKEN" "${RUNS:-5}"
