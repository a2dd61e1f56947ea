#!/usr/bin/env bash
# Figures, not a test: Lighthouse (desktop and mobile presets) on the list page
# of the release console served by a freshly seeded sandbox. Prints the
# performance scores and FCP / LCP / TBT / CLS.
source "$(dirname "$0")/figures-sandbox.sh"
start_figures_sandbox
echo "==> Lighthouse on $URL/api-tokens"
node tools/lighthouse.mjs "$URL/" "$TOKEN"
