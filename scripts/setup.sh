#!/usr/bin/env bash
# Idempotent install of everything the reader needs to build, serve, test and benchmark,
# on Debian 12 where only crates.io, apt, npm and PyPI are reachable.
# Every step is skipped when the tool is already there at the pinned version.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14          # 0.22 needs rustc >= 1.96.1
WASM_BINDGEN_VERSION=0.2.130   # must equal `wasm-bindgen = "=..."` in Cargo.toml
WASM_PACK_VERSION=0.15.1
BINARYEN_VERSION=132.0.0       # npm; Debian's binaryen 108 emits wasm that does not run
AXE_VERSION=4.10.3             # npm axe-core, injected by the end-to-end suite
FONT_VERSION=5.3.0             # npm @fontsource/be-vietnam-pro (SIL OFL 1.1)
TOOLS_DIR=${ARTICLE_VIEWER_TOOLS:-$HOME/.local/article-viewer-tools}
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}

say() { printf '== setup: %s\n' "$*"; }
has() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qw -- "$2"; }

rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || { say "rust target wasm32"; rustup target add wasm32-unknown-unknown; }
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

if ! dpkg -s chromium chromium-driver brotli >/dev/null 2>&1; then
  say "apt: chromium chromium-driver brotli"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver brotli
fi

has trunk "$TRUNK_VERSION" || { say "trunk $TRUNK_VERSION"; cargo install --locked trunk --version "$TRUNK_VERSION"; }
# No --locked: the CLI's lockfile wants a webpki-roots the registry mirror lacks.
{ has wasm-bindgen "$WASM_BINDGEN_VERSION" && has wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; } \
  || { say "wasm-bindgen-cli $WASM_BINDGEN_VERSION"; cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"; }
has wasm-pack "$WASM_PACK_VERSION" || { say "wasm-pack $WASM_PACK_VERSION"; cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"; }

if ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version_${BINARYEN_VERSION%%.*}" \
   || [ ! -f "$TOOLS_DIR/node_modules/axe-core/axe.min.js" ] \
   || ! grep -q "\"version\": \"$AXE_VERSION\"" "$TOOLS_DIR/node_modules/axe-core/package.json" \
   || ! grep -q "\"version\": \"$FONT_VERSION\"" "$TOOLS_DIR/node_modules/@fontsource/be-vietnam-pro/package.json" 2>/dev/null; then
  say "npm: binaryen@$BINARYEN_VERSION axe-core@$AXE_VERSION @fontsource/be-vietnam-pro@$FONT_VERSION"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" "axe-core@$AXE_VERSION" "@fontsource/be-vietnam-pro@$FONT_VERSION"
fi

# The reader's font: Vietnamese and Latin subsets, three weights, with the licence, copied
# into public/fonts (ignored by git) for Trunk to ship.
font_src="$TOOLS_DIR/node_modules/@fontsource/be-vietnam-pro"
mkdir -p public/fonts
for subset in vietnamese latin; do
  for weight in 400 600 700; do
    f="be-vietnam-pro-$subset-$weight-normal.woff2"
    cmp -s "$font_src/files/$f" "public/fonts/$f" || cp "$font_src/files/$f" "public/fonts/$f"
  done
done
cp "$font_src/LICENSE" public/fonts/LICENSE.txt

# The same family as TrueType, for the share cards `article site` draws (resvg reads TTF,
# not WOFF2): npm @expo-google-fonts/be-vietnam-pro, SIL OFL 1.1. In public/fonts so the
# built site carries the font its cards are drawn with (the reader never loads these).
CARD_FONT_VERSION=0.4.1
card_src="$TOOLS_DIR/node_modules/@expo-google-fonts/be-vietnam-pro"
if ! grep -q "\"version\": \"$CARD_FONT_VERSION\"" "$card_src/package.json" 2>/dev/null; then
  say "npm: @expo-google-fonts/be-vietnam-pro@$CARD_FONT_VERSION"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --silent "@expo-google-fonts/be-vietnam-pro@$CARD_FONT_VERSION"
fi
for weight in 400Regular 600SemiBold 700Bold; do
  f="BeVietnamPro_$weight.ttf"
  cmp -s "$card_src/$weight/$f" "public/fonts/$f" || cp "$card_src/$weight/$f" "public/fonts/$f"
done
say "tools ready ($TOOLS_DIR)"
