#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml), on the staging directory Trunk is about to publish:
# pin the Content-Security-Policy, then turn the site into static pages (`article site`,
# which adds the hashes of its own pages' inline loader to that policy). One script, so
# the two run in this order.
set -euo pipefail
staging=${TRUNK_STAGING_DIR:-dist}
case "${TRUNK_HTML_FILE:-index.html}" in
  *studio/index.html)
    # The studio (built second, into dist/studio): its policy in its own page only; the
    # site's `_headers` gets its loader's hash from `article site dist` after the build
    # (./dev build runs it), which holds one policy for every page.
    python3 scripts/csp.py "$staging" --no-headers
    # Its copy of the reader's style sheet is one directory down: the fonts are the site's
    # (and the sheet's integrity hash in the page follows the change).
    python3 scripts/studio-fonts.py "$staging"
    ;;
  *)
    python3 scripts/csp.py "$staging"
    cargo run --locked -q -p article-cli --bin article -- site "$staging" ${ARTICLE_SITE_BASE_URL:+--base-url "$ARTICLE_SITE_BASE_URL"}
    ;;
esac
