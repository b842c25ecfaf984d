#!/usr/bin/env bash
# Builds the Linux packages (.deb, and .rpm when the bundler makes it) of graphwiz with the Tauri
# bundler: the desktop app (/usr/bin/graphwiz-app, desktop entry, icons, app id
# app.graphwiz.desktop) and the CLI beside it (/usr/bin/graphwiz) with its completions (bash,
# zsh, fish) and man pages; and the CLI alone as graphwiz-cli-VERSION-TARGET.tar.gz.
#
#   scripts/package-linux.sh            quick: the dev profile (what scripts/test-all.sh tests)
#   scripts/package-linux.sh --release  what ships: the release profile (fat LTO, ~15 min here)
#
# Honours CARGO_TARGET_DIR. Needs the Tauri CLI from scripts/tauri-cli (npm ci there; done by
# scripts/install-prereqs.sh). Prints the path of each package made on its last lines.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
PROFILE=debug
CARGO_FLAGS=()
TAURI_FLAGS=(--debug)
BUNDLES="${GRAPHWIZ_BUNDLES:-deb,rpm}"
if [ "${1:-}" = "--release" ]; then
  PROFILE=release
  CARGO_FLAGS=(--release)
  TAURI_FLAGS=()
fi

say() { printf '==> %s\n' "$*"; }
die() { printf 'package-linux: %s\n' "$*" >&2; exit 1; }

TAURI="$ROOT/scripts/tauri-cli/node_modules/.bin/tauri"
if [ ! -x "$TAURI" ]; then
  command -v npm >/dev/null 2>&1 || die "npm not found; run scripts/install-prereqs.sh"
  say "tauri CLI: npm ci in scripts/tauri-cli"
  (cd "$ROOT/scripts/tauri-cli" && npm ci --no-audit --no-fund) || die "npm ci failed"
fi

# 1. The binaries (the app exactly as `cargo build -p graphwiz-app` makes it; the e2e tests run
#    that same build).
say "build: graphwiz-app and graphwiz ($PROFILE)"
# One package per build, so neither changes the other's dependency features.
cargo build --locked -p graphwiz-app "${CARGO_FLAGS[@]}"
cargo build --locked -p graphwiz "${CARGO_FLAGS[@]}"
CLI="$TARGET/$PROFILE/graphwiz"
[ -x "$CLI" ] || die "no CLI at $CLI"

# 2. What the packages carry beside the app, generated from the CLI's own clap definitions.
EXTRA="$ROOT/src-tauri/bundle-extra"
rm -rf "$EXTRA"
mkdir -p "$EXTRA/completions" "$EXTRA/man1"
install -m 755 "$CLI" "$EXTRA/graphwiz"
[ "$PROFILE" = debug ] && strip --strip-debug "$EXTRA/graphwiz" 2>/dev/null || true
"$CLI" completions bash >"$EXTRA/completions/graphwiz"
"$CLI" completions zsh >"$EXTRA/completions/_graphwiz"
"$CLI" completions fish >"$EXTRA/completions/graphwiz.fish"
"$CLI" man --out-dir "$EXTRA/man1" --lang en
gzip -9n "$EXTRA"/man1/*.1

# 3. The bundles. `tauri bundle` packages what step 1 built (no second build).
say "bundle: $BUNDLES"
OUT="$TARGET/$PROFILE/bundle"
rm -rf "$OUT/deb" "$OUT/rpm"
(cd "$ROOT/src-tauri" && CI=true "$TAURI" bundle "${TAURI_FLAGS[@]}" --bundles "$BUNDLES" --ci)

# 4. The CLI alone, for servers and monitoring hosts: binary, completions, man pages, docs.
VERSION="$("$CLI" --version | awk '{print $2}')"
TRIPLE="$(rustc -vV | awk '/^host:/ {print $2}')"
NAME="graphwiz-cli-$VERSION-$TRIPLE"
rm -rf "$OUT/cli" && mkdir -p "$OUT/cli/$NAME"
cp -r "$EXTRA/." "$OUT/cli/$NAME/"
cp "$ROOT/README.md" "$ROOT/CHANGELOG.md" "$ROOT/docs/monitoring.md" "$OUT/cli/$NAME/"
tar -C "$OUT/cli" -czf "$OUT/cli/$NAME.tar.gz" "$NAME"
rm -rf "${OUT:?}/cli/$NAME"

say "packages"
find "$OUT" -maxdepth 2 \( -name '*.deb' -o -name '*.rpm' -o -name '*.tar.gz' \) -print | sort
