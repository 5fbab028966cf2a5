#!/usr/bin/env bash
# Performance benchmark of the release build (prints a table; asserts nothing).
#
#   1. bundle sizes of dist/ (raw, gzip -9, brotli -q 11)
#   2. builds target/bench-site/ = dist/ + a generated ~1 MB article (articles/big.json)
#      + the plain-JavaScript baseline page (bench/plain.html, bench/plain.js)
#   3. drives headless Chromium (crates/e2e/src/bin/bench.rs): load time of the reader vs
#      the baseline, selection latency, memory, layout shift, and where the time goes
#   4. the native core benchmark (crates/article-core/examples/bench.rs)
#
# Run by `./dev bench` after `trunk build --release`. Environment: BENCH_DIST (default
# dist), BENCH_SITE (default target/bench-site), BENCH_PAIRS (6), BENCH_BYTES (1000000),
# BENCH_FIGURES (5000), BENCH_ARGS (extra driver arguments, e.g. --no-analysis).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}
export PATH="/usr/bin:/usr/lib/chromium:$HOME/.cargo/bin:$PATH"   # chromedriver (Debian: chromium-driver)

dist=${BENCH_DIST:-dist}
site=${BENCH_SITE:-target/bench-site}
pairs=${BENCH_PAIRS:-6}
bytes=${BENCH_BYTES:-1000000}
figures=${BENCH_FIGURES:-5000}
t0=$SECONDS

[ -f "$dist/index.html" ] || { echo "bench: $dist/index.html not found: build first (./dev build)" >&2; exit 1; }
for tool in gzip brotli chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "bench: $tool not found (scripts/setup.sh installs it)" >&2; exit 1; }
done

echo "# article-viewer benchmark"
echo "command:  ${BENCH_COMMAND:-bash scripts/bench.sh}  (dist: $dist, pairs: $pairs, big: $bytes text bytes / $figures figures)"
echo "date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')   commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src crates/article-core 2>/dev/null || echo ' (+ local changes)')"
echo "dist:     built $(date -u -r "$dist/index.html" '+%Y-%m-%d %H:%M:%S UTC') (the core below is built from the working tree now)"
echo "machine:  $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "browser:  $(chromium --version 2>/dev/null | head -1)"
echo "rustc:    $(rustc --version)"

# ------------------------------------------------------------------ 1. sizes
echo
echo "## 1. Bundle ($dist/; bytes)"
printf '%-44s %10s %10s %10s\n' file raw "gzip -9" "brotli 11"
declare -A raw gz br
for kind in wasm js css; do raw[$kind]=0; gz[$kind]=0; br[$kind]=0; done
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -f "$f" ] || continue
  kind=${f##*.}
  r=$(stat -c %s "$f"); g=$(gzip -9c "$f" | wc -c); b=$(brotli -q 11 -c "$f" | wc -c)
  raw[$kind]=$((raw[$kind] + r)); gz[$kind]=$((gz[$kind] + g)); br[$kind]=$((br[$kind] + b))
  printf '%-44s %10d %10d %10d\n' "$(basename "$f")" "$r" "$g" "$b"
done
for kind in wasm js css; do
  printf '%-44s %10d %10d %10d\n' "total .$kind" "${raw[$kind]}" "${gz[$kind]}" "${br[$kind]}"
done
code_gz=$((gz[wasm] + gz[js])); code_br=$((br[wasm] + br[js]))
verdict=$([ "$code_gz" -le 120000 ] && echo met || echo "NOT met")
printf 'wasm + JS: %d B gzip (%.1f KB, %.2f× the 120 KB target (stretch 100): %s), %d B brotli (%.1f KB)\n' \
  "$code_gz" "$(echo "$code_gz / 1000" | bc -l)" "$(echo "$code_gz / 120000" | bc -l)" "$verdict" \
  "$code_br" "$(echo "$code_br / 1000" | bc -l)"

for f in "$dist"/studio/*.wasm; do
  [ -f "$f" ] && printf 'studio (its own page, studio/; readers never load it): wasm %d B raw, %d B gzip\n' "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done

echo
echo "## 1b. Where the bytes go (scripts/wasm-sizes.py: the name section of the release build before wasm-opt)"
python3 scripts/wasm-sizes.py target/wasm32-unknown-unknown/release/article-viewer.wasm 15 || true

# ------------------------------------------------------------------ 2. bench site
echo
echo "== building the bench site $site (generated article: cargo run -p article-cli -- generate)" >&2
cargo build --release -q --locked -p article-cli --bin article -p e2e --bin bench
rm -rf "$site"
mkdir -p "$(dirname "$site")"
cp -r "$dist" "$site"
cargo run --release -q --locked -p article-cli --bin article -- generate --bytes "$bytes" --figures "$figures" > "$site/articles/big.json"
cp bench/plain.html bench/plain.js "$site/"
css=$(ls "$dist"/*.css | head -1)
cp "$css" "$site/plain.css"
echo "bench site: $(du -sh "$site" | cut -f1); articles/big.json $(stat -c %s "$site/articles/big.json") bytes" >&2

# ------------------------------------------------------------------ 3. browser
echo
# shellcheck disable=SC2086
cargo run --release -q --locked -p e2e --bin bench -- --site "$site" --pairs "$pairs" ${BENCH_ARGS:-}

# ------------------------------------------------------------------ 3b. lighthouse
echo
echo "## 6b. Lighthouse 12.2.3 (scripts/lighthouse.sh; targets: static page performance ≥ 98, the rest 100, LCP ≤ the plain page's, CLS ≤ 0.01; ?src= the sample TBT ≤ 50 ms, performance ≥ 95)"
bash scripts/lighthouse.sh "$site" || echo "  (lighthouse did not run)"

# ------------------------------------------------------------------ 4. native
echo
echo "## 7. Native core (cargo run --release -p article-core --example bench: $bytes text bytes, $figures figures, median of 7; target anchor ≤ 20 ms)"
cargo run --release -q --locked -p article-core --example bench -- "$bytes" "$figures" | sed 's/^/  /'

# ------------------------------------------------------------------ 5. static site
archive=${BENCH_ARCHIVE:-10000}
echo
echo "## 8. Static site: article site on a publisher's archive of $archive generated articles (3,000 text bytes, 12 figures each, --cards articles; target ≤ 60 s)"
arch=target/bench-archive
rm -rf "$arch"; mkdir -p "$arch/articles"
cp "$dist/index.html" "$arch/"; [ -f "$dist/_headers" ] && cp "$dist/_headers" "$arch/"
mkdir -p "$arch/fonts"; cp "$dist"/fonts/*.ttf "$arch/fonts/" 2>/dev/null || true
cards=target/bench-cards; rm -rf "$cards"; cp -r "$dist" "$cards"
echo "  share cards of the shipped articles (target ≤ 20 ms a card):"
./target/release/article site "$cards" 2>/dev/null | sed 's/^/    /'
./target/release/article generate --bytes 3000 --figures 12 --articles "$archive" --into "$arch/articles" >/dev/null
s0=$(date +%s%N); ./target/release/article site "$arch" --cards articles 2>/dev/null | sed 's/^/  first run:  /'; s1=$(date +%s%N)
./target/release/article site "$arch" --cards articles 2>/dev/null | sed 's/^/  second run: /'; s2=$(date +%s%N)
printf '  wall time: %.1f s first run, %.1f s second run (nothing rewritten); %d static pages, %s\n' \
  "$(echo "($s1 - $s0) / 1000000000" | bc -l)" "$(echo "($s2 - $s1) / 1000000000" | bc -l)" \
  "$(find "$arch/articles" -name index.html | wc -l)" "$(du -sh "$arch" | cut -f1)"

echo
echo "bench: done in $((SECONDS - t0)) s" >&2
