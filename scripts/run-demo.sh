#!/usr/bin/env bash
# Builds and starts the graphwiz desktop app on the demo tenant: installs the prerequisites
# (scripts/install-prereqs.sh), builds the app and the Graph/Entra emulator (the demo tenant),
# then opens the app window. Needs a graphical session (DISPLAY or WAYLAND_DISPLAY).
# Options: --release  build and run the optimised binary (slower to build).
# Honours CARGO_TARGET_DIR (default: target/ in the repository).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROFILE=debug
CARGO_PROFILE_ARGS=()
for arg in "$@"; do
  case "$arg" in
    --release) PROFILE=release; CARGO_PROFILE_ARGS=(--release) ;;
    -h|--help) sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-demo: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

NO_DISPLAY_MSG="run-demo: no graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set.
  Run this from a desktop session, or on a headless machine start a virtual one, e.g.:
    Xvfb :99 -screen 0 1280x800x24 -nolisten tcp &  DISPLAY=:99 scripts/run-demo.sh"
has_display() { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }
if ! has_display; then
  printf '%s\n  (building anyway, so the app is ready.)\n' "$NO_DISPLAY_MSG" >&2
fi

"$ROOT/scripts/install-prereqs.sh"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

cd "$ROOT"
echo "==> building graphwiz-app and graphwiz-emulator ($PROFILE)"
cargo build "${CARGO_PROFILE_ARGS[@]}" -p graphwiz-app -p graphwiz-emulator

APP="${CARGO_TARGET_DIR:-$ROOT/target}/$PROFILE/graphwiz-app"
[ -x "$APP" ] || { echo "run-demo: built, but $APP is missing" >&2; exit 1; }

if ! has_display; then
  printf '%s\n  The app is built: %s\n' "$NO_DISPLAY_MSG" "$APP" >&2
  exit 1
fi

echo "==> starting $APP"
exec "$APP" --demo
