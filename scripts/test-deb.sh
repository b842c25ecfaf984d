#!/usr/bin/env bash
# Tests the .deb that scripts/package-linux.sh made, the way an admin uses it: its control data
# and contents, that its declared dependencies cover every shared library the two binaries load,
# `apt-get install --simulate`, then a real `apt-get install ./graphwiz_….deb`, the CLI and the
# man page from their installed paths, the app started from /usr/bin/graphwiz-app under the X
# display of scripts/test-all.sh until its first step is on screen (GRAPHWIZ_READY_FILE, plus a
# screenshot), and `apt-get purge`, after which none of the package's files may be left (the
# user's data stays). Needs root or sudo for the install part, DISPLAY for the app.
#
#   scripts/test-deb.sh [PATH.deb]     default: the newest under $CARGO_TARGET_DIR/debug/bundle/deb
# Exit code 0 when everything holds; the first failure stops the run (the package is removed).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
DEB="${1:-$(ls -t "$TARGET"/debug/bundle/deb/graphwiz_*.deb 2>/dev/null | head -1)}"
SHOTS="$TARGET/e2e-screenshots"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/graphwiz-deb.XXXXXX")"
APP_PID=""
INSTALLED=0

say() { printf '==> %s\n' "$*"; }
fail() { printf 'test-deb: FAIL: %s\n' "$*" >&2; exit 1; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else return 126; fi
}
APT=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -y -q)

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [ "$INSTALLED" = 1 ]; then
    as_root "${APT[@]}" purge graphwiz >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -n "$DEB" ] && [ -f "$DEB" ] || fail "no .deb found; run scripts/package-linux.sh first"
DEB="$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")"
say "package: $DEB ($(du -h "$DEB" | cut -f1))"
CHECKS=0
ok() { CHECKS=$((CHECKS + 1)); printf '  ok  %s\n' "$*"; }

# ---- 1. control data -----------------------------------------------------------------------
field() { dpkg-deb --field "$DEB" "$1"; }
[ "$(field Package)" = graphwiz ] || fail "Package is '$(field Package)'"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture $(field Architecture)"
DEPENDS="$(field Depends)"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0 libayatana-appindicator3-1 libdbus-1-3; do
  grep -qw -- "$dep" <<<"$DEPENDS" || fail "Depends lacks $dep: $DEPENDS"
done
ok "control: graphwiz $(field Version) $(field Architecture), Depends: $DEPENDS"
grep -q gnome-keyring <<<"$(field Recommends)" || fail "Recommends lacks a Secret Service"
ok "Recommends: $(field Recommends)"

# ---- 2. contents -----------------------------------------------------------------------------
dpkg-deb --contents "$DEB" | awk '{print $6}' | sed 's#^\./#/#; s#^\([^/]\)#/\1#' >"$WORK/contents"
for f in /usr/bin/graphwiz-app /usr/bin/graphwiz /usr/share/applications/graphwiz.desktop \
  /usr/share/bash-completion/completions/graphwiz /usr/share/zsh/vendor-completions/_graphwiz \
  /usr/share/fish/vendor_completions.d/graphwiz.fish /usr/share/man/man1/graphwiz.1.gz \
  /usr/share/man/man1/graphwiz-check.1.gz /usr/share/icons/hicolor/scalable/apps/graphwiz-app.svg; do
  grep -qx -- "$f" "$WORK/contents" || fail "the package lacks $f"
done
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
  grep -qx -- "/usr/share/icons/hicolor/$size/apps/graphwiz-app.png" "$WORK/contents" \
    || fail "no $size icon"
done
ok "contents: app, CLI, desktop entry, icons 16-512 px + SVG, completions (bash, zsh, fish), $(grep -c '/man1/' "$WORK/contents") man pages"
mkdir -p "$WORK/x"
dpkg-deb -x "$DEB" "$WORK/x"
DESKTOP="$WORK/x/usr/share/applications/graphwiz.desktop"
grep -qx 'Exec=graphwiz-app' "$DESKTOP" && grep -qx 'Icon=graphwiz-app' "$DESKTOP" \
  && grep -qx 'Type=Application' "$DESKTOP" || fail "desktop entry: $(cat "$DESKTOP")"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$DESKTOP" || fail "desktop-file-validate"
  ok "desktop entry valid (desktop-file-validate)"
else
  ok "desktop entry: Exec, Icon, Type"
fi

# ---- 3. declared dependencies cover what the binaries load -----------------------------------
# Each NEEDED library → the package that holds it → must be in the closure of Depends.
read -ra dep_names <<<"$(tr ',|' '  ' <<<"$DEPENDS" | sed 's/([^)]*)//g')"
apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
  --no-replaces --no-enhances "${dep_names[@]}" 2>/dev/null | grep -v '^ ' | sed 's/:.*//' \
  | sort -u >"$WORK/closure"
[ -s "$WORK/closure" ] || fail "apt-cache depends found nothing (run apt-get update?)"
for bin in graphwiz-app graphwiz; do
  for lib in $(objdump -p "$WORK/x/usr/bin/$bin" | awk '/NEEDED/ {print $2}'); do
    path="$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64|x86_64|64bit/ {print $NF; exit}')"
    [ -n "$path" ] || path="$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')"
    [ -n "$path" ] || fail "$bin needs $lib, which this machine does not have"
    real="$(readlink -f "$path")"
    owner="$(dpkg -S "$real" 2>/dev/null || dpkg -S "$path" 2>/dev/null)"
    owner="${owner%%:*}"
    [ -n "$owner" ] || fail "no package holds $lib ($path)"
    grep -qx -- "$owner" "$WORK/closure" || fail "$bin needs $lib from $owner, which Depends does not pull in"
  done
  ok "$bin: every shared library comes from a declared dependency"
done

# ---- 3b. the CLI-only archive beside it ---------------------------------------------------------
TARBALL="$(ls -t "$(dirname "$(dirname "$DEB")")"/cli/graphwiz-cli-*.tar.gz 2>/dev/null | head -1)"
if [ -n "$TARBALL" ]; then
  mkdir -p "$WORK/cli"
  tar -C "$WORK/cli" -xzf "$TARBALL" || fail "cannot unpack $TARBALL"
  top="$(ls "$WORK/cli")"
  for f in graphwiz completions/graphwiz completions/_graphwiz completions/graphwiz.fish man1/graphwiz.1.gz monitoring.md; do
    [ -e "$WORK/cli/$top/$f" ] || fail "$(basename "$TARBALL") lacks $f"
  done
  "$WORK/cli/$top/graphwiz" --version | grep -q "^graphwiz $(field Version) " || fail "the archived CLI does not run"
  ok "CLI-only archive: $(basename "$TARBALL") ($(du -h "$TARBALL" | cut -f1)), its graphwiz runs"
fi

# ---- 4. apt resolves it ----------------------------------------------------------------------
as_root true || { echo "test-deb: no root or sudo: the install part is skipped"; exit 0; }
if dpkg-query -W -f='${Status}' graphwiz 2>/dev/null | grep -q 'install ok installed'; then
  say "removing a graphwiz package left from an earlier run"
  as_root "${APT[@]}" purge graphwiz >/dev/null || fail "could not remove the old graphwiz package"
fi
as_root "${APT[@]}" install --simulate --no-install-recommends "$DEB" >"$WORK/simulate" 2>&1 \
  || { cat "$WORK/simulate"; fail "apt-get install --simulate"; }
grep -q '^Inst graphwiz ' "$WORK/simulate" || { cat "$WORK/simulate"; fail "the simulation installs no graphwiz"; }
ok "apt-get install --simulate: $(grep -c '^Inst ' "$WORK/simulate") package(s) to install"

# ---- 5. install, use, remove (one run at a time on this machine) ------------------------------
LOCK=/var/lock/graphwiz-deb-test.lock
[ -w /var/lock ] || LOCK="${TMPDIR:-/tmp}/graphwiz-deb-test.lock"
exec 9>"$LOCK"
flock -w 600 9 || fail "another test-deb run holds $LOCK"
START=$SECONDS
as_root "${APT[@]}" install --no-install-recommends "$DEB" >"$WORK/install" 2>&1 \
  || { cat "$WORK/install"; fail "apt-get install ./$(basename "$DEB")"; }
INSTALLED=1
ok "apt-get install ./$(basename "$DEB") ($((SECONDS - START)) s)"
dpkg -L graphwiz | sort >"$WORK/files"

version="$(/usr/bin/graphwiz --version)" || fail "/usr/bin/graphwiz --version"
grep -q "^graphwiz $(field Version) (commit " <<<"$version" || fail "version: $version"
ok "/usr/bin/graphwiz --version: $version"
man -w graphwiz 2>/dev/null | grep -q '/usr/share/man/man1/graphwiz.1.gz' || fail "man -w graphwiz"
MANPAGER=cat MANWIDTH=90 man graphwiz 2>/dev/null | grep -q 'live-test' || fail "man graphwiz does not render"
ok "man graphwiz"
bash -c '. /usr/share/bash-completion/completions/graphwiz && complete -p graphwiz' >/dev/null \
  || fail "bash completion does not load"
ok "bash completion loads"

if [ -z "${DISPLAY:-}" ]; then
  fail "no DISPLAY for the app (run this from scripts/test-all.sh, or under Xvfb)"
fi
APP_HOME="$WORK/home"
mkdir -p "$APP_HOME" "$SHOTS"
READY="$WORK/ready"
(
  cd "$APP_HOME" || exit 1
  exec env HOME="$APP_HOME" XDG_DATA_HOME="$APP_HOME/.local/share" XDG_CONFIG_HOME="$APP_HOME/.config" \
    XDG_CACHE_HOME="$APP_HOME/.cache" GRAPHWIZ_READY_FILE="$READY" /usr/bin/graphwiz-app
) >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  [ -s "$READY" ] && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; fail "the installed app exited before its first step was on screen"; }
  sleep 0.1
done
[ -s "$READY" ] || { cat "$WORK/app.log"; fail "the installed app did not show its first step within 60 s"; }
ok "the installed app, started as /usr/bin/graphwiz-app, showed its first step (GRAPHWIZ_READY_FILE)"
sleep 0.5
SHOT="$SHOTS/deb-installed-first-step.png"
if command -v import >/dev/null 2>&1; then
  import -window root "$SHOT" 2>/dev/null || fail "screenshot"
  colours="$(convert "$SHOT" -format '%k' info: 2>/dev/null || echo 0)"
  [ "${colours:-0}" -gt 50 ] || fail "the screenshot is nearly blank ($colours colours): $SHOT"
  ok "screenshot: $SHOT ($colours colours)"
fi
if command -v xdotool >/dev/null 2>&1; then
  xdotool search --sync --onlyvisible --name '^graphwiz$' >/dev/null 2>&1 || fail "no visible window titled graphwiz"
  ok "a visible window titled graphwiz"
fi
kill "$APP_PID" 2>/dev/null
wait "$APP_PID" 2>/dev/null
APP_PID=""

START=$SECONDS
as_root "${APT[@]}" purge graphwiz >"$WORK/remove" 2>&1 || { cat "$WORK/remove"; fail "apt-get purge graphwiz"; }
INSTALLED=0
left=""
while read -r f; do
  [ -f "$f" ] || [ -L "$f" ] && left="$left $f"
done <"$WORK/files"
[ -z "$left" ] || fail "left behind after purge:$left"
for d in /usr/share/doc/graphwiz /usr/share/icons/hicolor/512x512/apps/graphwiz-app.png; do
  [ ! -e "$d" ] || fail "left behind after purge: $d"
done
ok "apt-get purge graphwiz ($((SECONDS - START)) s): none of its $(wc -l <"$WORK/files") paths left"
if [ -d "$APP_HOME/.local/share/app.graphwiz.desktop" ]; then
  ok "the user's data stays: $APP_HOME/.local/share/app.graphwiz.desktop"
fi
echo "deb: $CHECKS passed, 0 failed"
