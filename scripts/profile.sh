#!/usr/bin/env bash
# Figures, not a test: the main thread's time by function and by crate
# (tools/profile.mjs), for the list page's start-up on a 4× slower CPU and for
# Next at 100 rows, on the release console built with its wasm function names
# kept (SPLIT_KEEP_NAMES=1: the same code, larger files) and a sandbox with
# 2,000 more tokens.
export SPLIT_KEEP_NAMES=1 FIGURES_DIST=target/profile-dist
source "$(dirname "$0")/figures-sandbox.sh"
start_figures_sandbox --bulk-tokens 2000
for scenario in ${SCENARIOS:-load next}; do
  echo "==> profiling $scenario on $URL/api-tokens"
  node tools/profile.mjs "$URL/" "$TOKEN" "$scenario"
done
