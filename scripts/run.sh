#!/usr/bin/env bash
# Builds the console and runs it on the local sandbox:
#   scripts/run.sh                 http://127.0.0.1:8080
#   PORT=9000 scripts/run.sh       another port
#   scripts/run.sh --release       optimised console build
# The sandbox keeps its data in .sandbox/ (delete that folder to start afresh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

RELEASE=()
for arg in "$@"; do
  case "$arg" in
    --release) RELEASE=(--release) ;;
    *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

scripts/setup.sh
echo "==> building the console"
trunk build "${RELEASE[@]}"
echo "==> building the sandbox"
cargo build --quiet -p sandbox --profile tool

# The database (and with it the credentials) lives in .sandbox/, kept out of git.
mkdir -p .sandbox
echo "==> starting the sandbox; sign in to the console with a token printed below (Ctrl+C stops it)"
echo "    Account token: Stark Industries. Admin token: every account (you choose one). User token: a user of two accounts."
exec target/tool/sandbox --listen "127.0.0.1:${PORT:-8080}" --db .sandbox/sandbox.db --dist dist
