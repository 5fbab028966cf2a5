#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, mobile preset) on the built site, gzip on as any host
# serves it: the static article page, the reader's ?src= and ?article= addresses, and the
# plain JavaScript page, each run 3 times; prints the median of each measure side by side.
#
#   scripts/lighthouse.sh SITE_DIR     (the bench site: dist/ plus bench/plain.*)
#
# Part of ./dev bench, not of the tests. Lighthouse 12.2.3 is pinned: newer ones need
# Node 22. Installed on first use into the tools directory.
set -euo pipefail
cd "$(dirname "$0")/.."
site=${1:?site directory}
TOOLS_DIR=${ARTICLE_VIEWER_TOOLS:-$HOME/.local/article-viewer-tools}
LH_VERSION=12.2.3
lh="$TOOLS_DIR/lighthouse/node_modules/.bin/lighthouse"
if ! "$lh" --version 2>/dev/null | grep -q "$LH_VERSION"; then
  echo "== lighthouse: npm install lighthouse@$LH_VERSION" >&2
  mkdir -p "$TOOLS_DIR/lighthouse"
  npm install --prefix "$TOOLS_DIR/lighthouse" --no-audit --no-fund --silent "lighthouse@$LH_VERSION" >&2
fi
port=${LIGHTHOUSE_PORT:-8123}
# Canonical URLs must be absolute for search engines: give the site its address here.
cargo run --release -q --locked -p article-cli --bin article -- site "$site" --base-url "http://127.0.0.1:$port/" >/dev/null 2>&1 \
  || echo "lighthouse: article site --base-url failed" >&2
python3 scripts/gzip-server.py "$site" "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
id=cam-pha-2016-11-29
out=$(mktemp -d)
flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
run() { # name url → one JSON report per run
  for i in 1 2 3; do
    CHROME_PATH=/usr/bin/chromium "$lh" "$2" --quiet --output=json --output-path="$out/$1-$i.json" \
      --chrome-flags="$flags --user-data-dir=$out/profile-$1-$i" \
      --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1 || echo "lighthouse: $1 run $i failed" >&2
  done
}
run static "http://127.0.0.1:$port/articles/$id/"
run src "http://127.0.0.1:$port/?src=articles/$id.json"
run reader "http://127.0.0.1:$port/?article=$id"
run plain "http://127.0.0.1:$port/plain.html?article=$id"
python3 - "$out" <<'PY'
import json, statistics, sys, glob, os
out = sys.argv[1]
rows = [("performance", lambda r: r["categories"]["performance"]["score"] * 100, "{:.0f}"),
        ("accessibility", lambda r: r["categories"]["accessibility"]["score"] * 100, "{:.0f}"),
        ("best practices", lambda r: r["categories"]["best-practices"]["score"] * 100, "{:.0f}"),
        ("SEO", lambda r: r["categories"]["seo"]["score"] * 100, "{:.0f}"),
        ("largest contentful paint (ms)", lambda r: r["audits"]["largest-contentful-paint"]["numericValue"], "{:.0f}"),
        ("cumulative layout shift", lambda r: r["audits"]["cumulative-layout-shift"]["numericValue"], "{:.3f}"),
        ("total blocking time (ms)", lambda r: r["audits"]["total-blocking-time"]["numericValue"], "{:.0f}")]
pages = ["static", "src", "reader", "plain"]
reports = {p: [json.load(open(f)) for f in sorted(glob.glob(os.path.join(out, p + "-*.json")))] for p in pages}
def med(p, get):
    vals = []
    for r in reports[p]:
        try:
            vals.append(get(r))
        except (KeyError, TypeError):
            pass
    return statistics.median(vals) if vals else float("nan")
print(f"  {'median of 3 (mobile preset, gzip)':34} {'static page':>12} {'?src=':>12} {'?article=':>12} {'plain page':>12}")
for name, get, fmt in rows:
    print(f"  {name:34} " + " ".join(f"{fmt.format(med(p, get)):>12}" for p in pages))
lcp = lambda r: r["audits"]["largest-contentful-paint"]["numericValue"]
print(f"  LCP ratio static / plain: {med('static', lcp) / med('plain', lcp):.2f} (target ≤ 1.0)")
tbt = med("src", lambda r: r["audits"]["total-blocking-time"]["numericValue"])
perf = med("src", lambda r: r["categories"]["performance"]["score"] * 100)
print(f"  ?src= the sample: total blocking time {tbt:.0f} ms (target ≤ 50: {'met' if tbt <= 50 else 'NOT met'}), "
      f"performance {perf:.0f} (target ≥ 95: {'met' if perf >= 95 else 'NOT met'})")
PY
