#!/usr/bin/env bash
# Vendor drift: checks an exchange log against the pinned vendor SDKs and against the NEWEST
# releases on PyPI, then prints what changed in the definitions the log uses (operations, model
# fields, enum values).
#
#   scripts/vendor-drift.sh LOG_DIR
#
# Pinned venv: GRAPHWIZ_CONTRACT_VENV (as scripts/contracts.sh); newest: a temporary venv under
# ${TMPDIR:-/tmp}, removed at exit (GRAPHWIZ_DRIFT_KEEP=1 keeps it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-python3}"
if [[ $# -ne 1 ]]; then
  echo "usage: $0 LOG_DIR" >&2
  exit 2
fi
log="$(cd "$1" && pwd)"
VENV="${GRAPHWIZ_CONTRACT_VENV:-/var/tmp/graphwiz-contract-venv}"

# 1. pinned definitions (builds/reuses the pinned venv)
"$ROOT/scripts/contracts.sh" check "$log" >/dev/null 2>&1 || true
work="$(mktemp -d "${TMPDIR:-/tmp}/graphwiz-drift.XXXXXX")"
if [[ "${GRAPHWIZ_DRIFT_KEEP:-0}" != 1 ]]; then trap 'rm -rf "$work"' EXIT; fi

cd "$ROOT"
set +e
"$VENV/bin/python" tests/contracts/check.py --log "$log" --json "$work/pinned.json" \
  --used-definitions "$work/pinned-used.json" > "$work/pinned.txt" 2>&1
pinned_rc=$?

# 2. newest definitions
"$PY" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check --no-compile \
  --upgrade PureCloudPlatformClientV2 msgraph-sdk
GRAPHWIZ_CONTRACT_CACHE="$work/cache" "$work/venv/bin/python" tests/contracts/check.py --log "$log" \
  --json "$work/newest.json" --used-definitions "$work/newest-used.json" > "$work/newest.txt" 2>&1
newest_rc=$?
set -e

echo "== check with pinned definitions: exit $pinned_rc"
grep -E '^(vendor definitions|violations|- \[)' "$work/pinned.txt" || true
echo "== check with newest definitions: exit $newest_rc"
grep -E '^(vendor definitions|violations|- \[)' "$work/newest.txt" || true
echo "== definition changes among what the log uses"
"$VENV/bin/python" tests/contracts/drift_diff.py "$work/pinned-used.json" "$work/newest-used.json"
