#!/usr/bin/env bash
# End-to-end suite: drives the release build in dist/ with headless Chromium through
# chromedriver (crates/e2e). Builds nothing but the test crate itself; run
# `trunk build --release` (or ./dev build) first. Screenshots land in target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}
TOOLS_DIR=${ARTICLE_VIEWER_TOOLS:-$HOME/.local/article-viewer-tools}
export ARTICLE_VIEWER_TOOLS=$TOOLS_DIR
export PATH="$HOME/.cargo/bin:$PATH:/usr/bin:/usr/lib/chromium"   # chromedriver (Debian: chromium-driver)

dist=${E2E_DIST:-dist}
if [ ! -f "$dist/index.html" ]; then
  echo "e2e: $dist/index.html not found: build the reader first (./dev build, or trunk build --release)" >&2
  exit 1
fi
export E2E_DIST="$(cd "$dist" && pwd)"   # absolute: the tests run in crates/e2e
command -v chromedriver >/dev/null || { echo "e2e: chromedriver not found (apt-get install chromium-driver, or run scripts/setup.sh)" >&2; exit 1; }
[ -f "$TOOLS_DIR/node_modules/axe-core/axe.min.js" ] \
  || { echo "e2e: axe-core not found under $TOOLS_DIR (run scripts/setup.sh)" >&2; exit 1; }

exec cargo test --locked -p e2e -- --test-threads=1 "$@"
