#!/usr/bin/env bash
# THE test command of graphwiz: formatting, lints and all tests of the workspace, run against a
# private D-Bus session with an unlocked GNOME Keyring (real Secret Service) and a virtual X
# display (Xvfb), with HOME and XDG folders in a temporary directory so nothing touches the
# user's real keyring or app data. Cargo/rustup keep using the real CARGO_HOME/RUSTUP_HOME.
# Honours CARGO_TARGET_DIR. Exit code: that of the first failing step (0 if all pass).
# Needs the packages from scripts/install-prereqs.sh.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/scripts/test-all.sh"

say() { printf '\n==== %s ====\n' "$*"; }
die() { printf 'test-all: %s\n' "$*" >&2; exit 2; }

# ---- 0. prerequisites (idempotent; skipped when GRAPHWIZ_SKIP_PREREQS=1) --------------------
if [ -z "${GRAPHWIZ_TEST_IN_DBUS:-}" ] && [ "${GRAPHWIZ_SKIP_PREREQS:-0}" != 1 ]; then
  "$ROOT/scripts/install-prereqs.sh" </dev/null || die "installing the prerequisites failed (see above)"
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi

# ---- 1. private D-Bus session: re-run this script inside dbus-run-session -------------------
if [ -z "${GRAPHWIZ_TEST_IN_DBUS:-}" ]; then
  command -v dbus-run-session >/dev/null 2>&1 \
    || die "dbus-run-session not found (Debian package dbus); run scripts/install-prereqs.sh"
  export GRAPHWIZ_TEST_IN_DBUS=1
  exec dbus-run-session -- bash "$SELF" "$@"
fi

for tool in cargo gnome-keyring-daemon dbus-send Xvfb xdpyinfo; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found; run scripts/install-prereqs.sh"
done

# ---- 2. temporary HOME/XDG, real toolchain ---------------------------------------------------
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/graphwiz-test.XXXXXX")"
export HOME="$WORK/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
export XDG_RUNTIME_DIR="$WORK/run"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

BG_PIDS=()
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  local pid
  for pid in "${BG_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${BG_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

name_has_owner() {
  dbus-send --session --dest=org.freedesktop.DBus --type=method_call --print-reply \
    /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null \
    | grep -q 'boolean true'
}

owner_pid() {
  dbus-send --session --dest=org.freedesktop.DBus --type=method_call --print-reply \
    /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID "string:$1" 2>/dev/null \
    | awk '/uint32/ {print $2}'
}

# ---- 3. GNOME Keyring, unlocked, before anything asks for org.freedesktop.secrets -----------
say "session: D-Bus, keyring, display"
eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
for _ in $(seq 1 50); do
  name_has_owner org.freedesktop.secrets && break
  sleep 0.2
done
name_has_owner org.freedesktop.secrets || die "GNOME Keyring did not take org.freedesktop.secrets within 10 s"
keyring_pid="$(owner_pid org.freedesktop.secrets)"
[ -n "$keyring_pid" ] && BG_PIDS+=("$keyring_pid")
echo "secret service: gnome-keyring-daemon (pid ${keyring_pid:-?}), unlocked"

# gnome-keyring-daemon can abort when a client is killed in the middle of a call (the kill tests
# of rotation and setup do that on purpose); D-Bus then starts a new, locked one on the next
# request. The watchdog puts an unlocked one in its place within a fraction of a second (the
# keyring file and its password are the same), and says so in the log.
keyring_watchdog() {
  local want="$1" pid
  while sleep 0.1; do
    pid="$(owner_pid org.freedesktop.secrets)"
    [ "$pid" = "$want" ] && continue
    eval "$(printf pw | gnome-keyring-daemon --replace --unlock --components=secrets --daemonize 2>/dev/null)" >/dev/null 2>&1
    for _ in $(seq 1 20); do
      want="$(owner_pid org.freedesktop.secrets)"
      [ -n "$want" ] && break
      sleep 0.1
    done
    echo "keyring watchdog: the Secret Service went away; an unlocked one runs again (pid ${want:-?})" >&2
  done
}
keyring_watchdog "$keyring_pid" &
BG_PIDS+=("$!")

# ---- 4. Xvfb on a free display ---------------------------------------------------------------
DISPLAY_NUM=""
for n in $(seq 99 160); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 50); do
    xdpyinfo -display ":$n" >/dev/null 2>&1 && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  if xdpyinfo -display ":$n" >/dev/null 2>&1; then
    DISPLAY_NUM="$n"
    BG_PIDS+=("$xvfb_pid")
    break
  fi
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
done
[ -n "$DISPLAY_NUM" ] || { cat "$WORK/xvfb.log" >&2; die "could not start Xvfb on any display :99-:160"; }
export DISPLAY=":$DISPLAY_NUM"
echo "display: Xvfb $DISPLAY (1280x800x24)"

# A notification server on the session bus, for tests of desktop notifications (optional).
if command -v dunst >/dev/null 2>&1; then
  dunst >"$WORK/dunst.log" 2>&1 &
  BG_PIDS+=("$!")
  for _ in $(seq 1 30); do
    name_has_owner org.freedesktop.Notifications && break
    sleep 0.1
  done
  name_has_owner org.freedesktop.Notifications && echo "notifications: dunst" \
    || echo "notifications: dunst did not start (see tests needing it)"
fi

# ---- 5. the checks -------------------------------------------------------------------------
cd "$ROOT" || die "cannot enter $ROOT"
echo "target dir: ${CARGO_TARGET_DIR:-$ROOT/target}"

RESULTS=()
FIRST_RC=0
step() {
  local label="$1" start rc
  shift
  say "$label: $*"
  start=$SECONDS
  "$@"
  rc=$?
  if [ "$rc" -eq 0 ]; then
    RESULTS+=("PASS  $label ($((SECONDS - start)) s)")
  else
    RESULTS+=("FAIL  $label (exit $rc, $((SECONDS - start)) s)")
    [ "$FIRST_RC" -eq 0 ] && FIRST_RC=$rc
  fi
}

step "format" cargo fmt --all -- --check
step "clippy" cargo clippy --workspace --all-targets --locked -- -D warnings
# Every emulator in the tests logs each exchange it serves (GRAPHWIZ_CONTRACT_LOG; secrets
# redacted) for the vendor contract step below.
CONTRACT_LOG="$WORK/contract-log"
run_tests() {
  GRAPHWIZ_CONTRACT_LOG="$CONTRACT_LOG" cargo test --workspace --locked 2>&1 | tee "$WORK/tests.log"
}
step "tests" run_tests

# Proof against the vendors' own definitions (docs/vendor-contracts.md): the checker's self-tests,
# every request graphwiz made in the tests and every answer the emulators gave against Genesys
# Cloud's and Microsoft Graph's SDK packages and Entra's protocol pages, then MSAL and the Genesys
# SDK as real clients of the emulator.
run_contracts() {
  "$ROOT/scripts/contracts.sh" self-test || return $?
  "$ROOT/scripts/contracts.sh" check "$CONTRACT_LOG" --json "${CARGO_TARGET_DIR:-$ROOT/target}/vendor-contracts.json" \
    2>&1 | tee "$WORK/contracts.log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || return 1
  "$ROOT/scripts/contracts.sh" clients "${CARGO_TARGET_DIR:-$ROOT/target}/debug/graphwiz-emulator" \
    2>&1 | tee "$WORK/contract-clients.log"
  return "${PIPESTATUS[0]}"
}
step "vendor contracts" run_contracts
# The benchmark harness in its seconds-long smoke mode, so it can't rot (figures: BENCHMARKS.md).
step "benchmark smoke" cargo run --locked -q -p graphwiz-bench -- --smoke

# Coverage-guided fuzzing in its short mode (about 10 s per target; docs/fuzzing.md). Its build
# has its own target dir: fuzz/target, or GRAPHWIZ_FUZZ_TARGET_DIR.
step "fuzz (short)" "$ROOT/scripts/fuzz.sh" short "${GRAPHWIZ_FUZZ_SECS:-10}"

# ---- 6. end to end: the real desktop app through WebDriver ---------------------------------
# tests/e2e is a workspace of its own. Each test starts tauri-driver (which starts Debian's
# WebKitWebDriver and the app) on free ports under this script's Xvfb display and D-Bus session,
# with its own HOME/XDG folders and GRAPHWIZ_HOME. Screenshots of every step go to
# ${CARGO_TARGET_DIR:-target}/e2e-screenshots/. One test at a time: the app is single-instance.
E2E_MANIFEST="$ROOT/tests/e2e/Cargo.toml"
run_e2e() {
  local app="${CARGO_TARGET_DIR:-$ROOT/target}/debug/graphwiz-app" rc
  for tool in tauri-driver WebKitWebDriver; do
    command -v "$tool" >/dev/null 2>&1 || { echo "e2e: $tool not found; run scripts/install-prereqs.sh" >&2; return 3; }
  done
  # The accessibility test runs axe-core (npm, pinned in tests/e2e/package-lock.json) in the app.
  [ -f "$ROOT/tests/e2e/node_modules/axe-core/axe.min.js" ] \
    || { echo "e2e: axe-core not installed in tests/e2e/node_modules; run scripts/install-prereqs.sh" >&2; return 3; }
  cargo fmt --manifest-path "$E2E_MANIFEST" -- --check || return $?
  cargo clippy --manifest-path "$E2E_MANIFEST" --all-targets --locked -- -D warnings || return $?
  cargo build -p graphwiz-app --locked || return $?
  GRAPHWIZ_APP="$app" cargo test --manifest-path "$E2E_MANIFEST" --locked -- --test-threads=1 2>&1 \
    | tee "$WORK/e2e.log"
  rc=${PIPESTATUS[0]}
  echo "screenshots: ${CARGO_TARGET_DIR:-$ROOT/target}/e2e-screenshots/"
  return "$rc"
}
step "e2e" run_e2e

# ---- 7. the Linux packages: .deb and .rpm with the dev profile (scripts/package-linux.sh; the
# release build uses --release), then the .deb installed into this machine with apt-get, the CLI
# and the app used from their installed paths (the app under this Xvfb until its first step is on
# screen; screenshot in e2e-screenshots/) and purged again (scripts/test-deb.sh).
# GRAPHWIZ_SKIP_PACKAGE=1 skips it.
run_package() {
  if [ "${GRAPHWIZ_SKIP_PACKAGE:-0}" = 1 ]; then
    echo "package: skipped (GRAPHWIZ_SKIP_PACKAGE=1)"
    return 0
  fi
  "$ROOT/scripts/package-linux.sh" || return $?
  "$ROOT/scripts/test-deb.sh" 2>&1 | tee "$WORK/deb.log"
  return "${PIPESTATUS[0]}"
}
step "package (.deb)" run_package

say "summary"
printf '  %s\n' "${RESULTS[@]}"
if [ "$FIRST_RC" -eq 0 ]; then
  echo "ALL PASSED"
else
  echo "FAILED (exit $FIRST_RC)"
fi
# One plain total over every test binary.
if [ -f "$WORK/tests.log" ]; then
  cat "$WORK/tests.log" "$WORK/e2e.log" "$WORK/deb.log" "$WORK/contract-clients.log" 2>/dev/null | awk '/^(test result:|deb: [0-9]+ passed)/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { printf "tests: %d passed, %d failed\n", p, f }'
fi
exit "$FIRST_RC"
