#!/usr/bin/env bash
# Installs what graphwiz needs to build and test on Debian/Ubuntu: system packages (build and
# headless-test deps), checks for a Rust toolchain, and installs tauri-driver (WebDriver for the
# desktop app, used by the end-to-end tests), cargo-fuzz (the short fuzz runs), the Tauri CLI
# (npm, into scripts/tauri-cli; the .deb bundler) and axe-core (npm, into tests/e2e; the
# accessibility test). Idempotent: safe to run again; installed parts are
# skipped. Runs as root, or as a user with sudo.
set -euo pipefail

BUILD_PKGS=(
  build-essential pkg-config curl file libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev
  libsoup-3.0-dev libxdo-dev libdbus-1-dev
)
TEST_PKGS=(
  xvfb xauth webkit2gtk-driver gnome-keyring gcr libsecret-tools dbus dbus-x11 dunst
  libnotify-bin x11-utils xdotool xclip imagemagick at-spi2-core fonts-dejavu-core
  desktop-file-utils man-db binutils python3 python3-venv
)

say() { printf '==> %s\n' "$*"; }
die() { printf 'install-prereqs: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root or sudo to run: $*"
  fi
}

install_system_packages() {
  command -v apt-get >/dev/null 2>&1 \
    || die "apt-get not found: this script supports Debian/Ubuntu only. Install the equivalents of: ${BUILD_PKGS[*]} ${TEST_PKGS[*]}"
  local missing=() pkg
  for pkg in "${BUILD_PKGS[@]}" "${TEST_PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "system packages: all present"
    return
  fi
  say "system packages: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update
  as_root apt-get install -y --no-install-recommends "${missing[@]}"
}

check_rust() {
  # rustup installs into ~/.cargo/bin, which a non-login shell may not have on PATH yet.
  if ! command -v cargo >/dev/null 2>&1 && [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo" ]; then
    export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    cat >&2 <<'MSG'
install-prereqs: cargo (Rust) is not installed. Install Rust with rustup, then run this again:
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
  . "$HOME/.cargo/env"
MSG
    exit 1
  fi
  say "rust: $(cargo --version)"
  local comp
  for comp in clippy rustfmt; do
    if ! cargo "${comp/rustfmt/fmt}" --version >/dev/null 2>&1; then
      if command -v rustup >/dev/null 2>&1; then
        say "rust: adding component $comp"
        rustup component add "$comp"
      else
        die "cargo ${comp/rustfmt/fmt} is missing and rustup is not available to add it"
      fi
    fi
  done
}

install_tauri_driver() {
  if command -v tauri-driver >/dev/null 2>&1; then
    say "tauri-driver: present ($(command -v tauri-driver))"
    return
  fi
  say "tauri-driver: installing with cargo (about a minute)"
  cargo install tauri-driver --locked
}

# cargo-fuzz drives the coverage-guided fuzz targets in fuzz/ (scripts/fuzz.sh, docs/fuzzing.md).
install_cargo_fuzz() {
  if cargo fuzz --version >/dev/null 2>&1; then
    say "cargo-fuzz: present ($(cargo fuzz --version))"
    return
  fi
  say "cargo-fuzz: installing with cargo (about two minutes)"
  cargo install cargo-fuzz --locked
}

# The Tauri CLI (bundler of the .deb/.rpm, scripts/package-linux.sh): the npm package, whose
# prebuilt binary ships inside it, at the version pinned by scripts/tauri-cli/package-lock.json.
install_tauri_cli() {
  local dir tauri want have
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/tauri-cli"
  tauri="$dir/node_modules/.bin/tauri"
  want="$(sed -n 's/.*"@tauri-apps\/cli": "\([0-9.]*\)".*/\1/p' "$dir/package.json")"
  have="$("$tauri" --version 2>/dev/null | awk '{print $2}' || true)"
  if [ -n "$want" ] && [ "$have" = "$want" ]; then
    say "tauri CLI: present ($have)"
    return
  fi
  ensure_npm
  say "tauri CLI: npm ci in scripts/tauri-cli (${want:-pinned version})"
  (cd "$dir" && npm ci --no-audit --no-fund)
}

ensure_npm() {
  if ! command -v npm >/dev/null 2>&1; then
    say "npm: installing nodejs and npm (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update
    as_root apt-get install -y --no-install-recommends nodejs npm
  fi
}

# axe-core, which the accessibility test (tests/e2e/tests/a11y.rs) runs inside the app's web view:
# the npm package at the version pinned by tests/e2e/package-lock.json, into tests/e2e/node_modules.
install_axe_core() {
  local dir want have
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../tests/e2e" && pwd)"
  want="$(sed -n 's/.*"axe-core": "\([0-9.]*\)".*/\1/p' "$dir/package.json")"
  have="$(sed -n 's/^  "version": "\([0-9.]*\)".*/\1/p' "$dir/node_modules/axe-core/package.json" 2>/dev/null || true)"
  if [ -n "$want" ] && [ "$have" = "$want" ] && [ -f "$dir/node_modules/axe-core/axe.min.js" ]; then
    say "axe-core: present ($have)"
    return
  fi
  ensure_npm
  say "axe-core: npm ci in tests/e2e (${want:-pinned version})"
  (cd "$dir" && npm ci --no-audit --no-fund)
}

install_system_packages
install_tauri_cli
install_axe_core
check_rust
install_tauri_driver
install_cargo_fuzz
say "prerequisites ready"
