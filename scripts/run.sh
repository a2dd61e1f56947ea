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

# A stable admin token across restarts, kept out of git with the database.
mkdir -p .sandbox
if [ -z "${SANDBOX_ADMIN_TOKEN:-}" ]; then
  [ -s .sandbox/admin-token ] || { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | sed 's/^/sandbox-admin-/' > .sandbox/admin-token; }
  SANDBOX_ADMIN_TOKEN=$(cat .sandbox/admin-token)
  export SANDBOX_ADMIN_TOKEN
fi

echo "==> starting the sandbox; sign in to the console with the admin token below (Ctrl+C stops it)"
exec target/tool/sandbox --listen "127.0.0.1:${PORT:-8080}" --db .sandbox/sandbox.db --dist dist
