#!/usr/bin/env bash
# Runs the whole benchmark harness headless: builds the release binaries (graphwiz, the desktop
# app, a bare Tauri window, the harness), starts a virtual display for the app part, and writes
# the tables to bench.md (or the file given). Figures and their meaning: BENCHMARKS.md.
# Usage: scripts/bench.sh [OUTPUT.md]     (about 3–5 minutes once built; the first release build
# takes about 14 minutes on 2 cores: fat LTO). Honours CARGO_TARGET_DIR.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench.md}"
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

echo "==> building release binaries"
cargo build --release --locked -p graphwiz -p graphwiz-app -p graphwiz-bench-bare -p graphwiz-bench

XVFB_PID=""
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null 2>&1 || { echo "bench: Xvfb not found; run scripts/install-prereqs.sh" >&2; exit 3; }
  for n in $(seq 120 160); do
    [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    sleep 1
    if kill -0 "$XVFB_PID" 2>/dev/null; then export DISPLAY=":$n"; break; fi
    XVFB_PID=""
  done
  [ -n "${DISPLAY:-}" ] || { echo "bench: could not start Xvfb" >&2; exit 3; }
fi

# A private D-Bus session keeps the app off the user's session bus.
exec_bench() { "${CARGO_TARGET_DIR:-$ROOT/target}/release/graphwiz-bench" --markdown "$OUT"; }
if command -v dbus-run-session >/dev/null 2>&1 && [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  dbus-run-session -- "${CARGO_TARGET_DIR:-$ROOT/target}/release/graphwiz-bench" --markdown "$OUT"
else
  exec_bench
fi
echo "==> tables written to $OUT"
