#!/usr/bin/env bash
# The vendor contract tests (docs/vendor-contracts.md), in a Python virtualenv of pinned vendor
# packages from PyPI (tests/contracts/requirements*.txt: Genesys Cloud's SDK
# PureCloudPlatformClientV2, Microsoft Graph's msgraph-sdk, Microsoft's MSAL).
#
#   scripts/contracts.sh check LOG_DIR [--json OUT]   every exchange the emulators logged
#                        (GRAPHWIZ_CONTRACT_LOG=LOG_DIR) against the vendors' definitions
#   scripts/contracts.sh clients EMULATOR_BINARY      MSAL and the Genesys SDK against the emulator
#   scripts/contracts.sh self-test                    the checker's own tests (it catches what it must)
#
# The virtualenv lives outside the clone (GRAPHWIZ_CONTRACT_VENV, default
# /var/tmp/graphwiz-contract-venv) and is rebuilt only when a requirements file changes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${GRAPHWIZ_CONTRACT_VENV:-/var/tmp/graphwiz-contract-venv}"
PY="${PYTHON:-python3}"
REQS=("$ROOT/tests/contracts/requirements.txt" "$ROOT/tests/contracts/requirements-clients.txt")

usage() {
  echo "usage: $0 check LOG_DIR [--json OUT] | clients EMULATOR_BINARY | self-test" >&2
  exit 2
}
[ $# -ge 1 ] || usage

# The venv, once per content of the requirements files; one installer at a time.
want="$(cat "${REQS[@]}" | sha256sum | cut -c1-16)"
stamp="$VENV/.graphwiz-requirements-$want"
mkdir -p "$(dirname "$VENV")"
{
  flock -w 900 9
  if [ ! -f "$stamp" ]; then
    echo "contracts: preparing $VENV (requirements $want)" >&2
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
    pip_args=(--quiet --disable-pip-version-check --no-compile)
    for r in "${REQS[@]}"; do pip_args+=(-r "$r"); done
    timeout 900 "$VENV/bin/pip" install "${pip_args[@]}"
    touch "$stamp"
  fi
} 9>"$VENV.lock"

cd "$ROOT"
cmd="$1"
shift
case "$cmd" in
  check)
    [ $# -ge 1 ] || usage
    log="$1"
    shift
    exec "$VENV/bin/python" tests/contracts/check.py --log "$log" "$@"
    ;;
  clients)
    [ $# -eq 1 ] || usage
    [ -x "$1" ] || { echo "contracts: no emulator binary at $1 (cargo build -p graphwiz-emulator)" >&2; exit 2; }
    # run_clients.py bounds itself (300 s) and always stops the emulator; the outer timeout is
    # the last resort.
    exec timeout --kill-after=15 420 "$VENV/bin/python" tests/contracts/clients/run_clients.py "$1"
    ;;
  self-test)
    exec "$VENV/bin/python" -m unittest discover -s tests/contracts -p 'test_*.py'
    ;;
  *) usage ;;
esac
