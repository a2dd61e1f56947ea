# Sourced by the figures scripts: builds the release console and the sandbox,
# and starts a freshly seeded sandbox serving it on a free port.
#   start_figures_sandbox [sandbox flags…]   sets URL and TOKEN; stopped on exit
#   address_in LOG PREFIX                     what a server wrote after PREFIX
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
FIGURES_DIST=${FIGURES_DIST:-target/figures-dist}

start_figures_sandbox() {
  scripts/setup.sh --browser
  echo "==> building the release console and the sandbox"
  trunk build --release --dist "$FIGURES_DIST" >/dev/null
  cargo build --quiet -p sandbox --profile tool

  FIGURES_WORK=$(mktemp -d)
  TOKEN="figures-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  SANDBOX_ADMIN_TOKEN="$TOKEN" target/tool/sandbox --listen 127.0.0.1:0 --db "$FIGURES_WORK/sandbox.db" \
    --dist "$FIGURES_DIST" "$@" >"$FIGURES_WORK/out.log" 2>&1 &
  FIGURES_PID=$!
  trap 'kill $FIGURES_PID 2>/dev/null; rm -rf "$FIGURES_WORK"' EXIT
  URL=$(address_in "$FIGURES_WORK/out.log" "Sandbox listening on ") ||
    { cat "$FIGURES_WORK/out.log"; echo "the sandbox did not start" >&2; exit 1; }
}

# address_in LOG PREFIX: the rest of the line of LOG that starts with PREFIX,
# once a server has written it (within a minute); fails if it never does.
address_in() {
  local found=""
  for _ in $(seq 600); do
    found=$(sed -n "s/^$2//p" "$1")
    [ -n "$found" ] && break
    sleep 0.1
  done
  [ -n "$found" ] && echo "$found"
}
