#!/usr/bin/env bash
# The release build for a static host or CDN, into dist/:
#   scripts/build.sh                              served at the site's root
#   scripts/build.sh --public-url /console/       served under a sub-path
# dist/ then holds index.html and config.json (revalidated on every load),
# hashed JS, wasm and CSS (cacheable for ever) with .br and .gz copies, and the
# host files: _headers, _redirects (Netlify, Cloudflare Pages) and
# staticwebapp.config.json (Azure Static Web Apps), which carry the CSP and the
# other security headers. Edit dist/config.json for the environment, then run
# `node tools/post-build.mjs dist --release` so the CSP names its API origin.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

PUBLIC_URL=()
while [ $# -gt 0 ]; do
  case "$1" in
    --public-url) PUBLIC_URL=(--public-url "${2:?--public-url needs a path such as /console/}"); shift 2 ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

scripts/setup.sh
trunk build --release --dist dist "${PUBLIC_URL[@]}"
echo "==> dist/"
(cd dist && find . -type f | sort | sed 's|^\./|  |')
