#!/usr/bin/env bash
# Coverage-guided fuzzing of article-core with cargo-fuzz (libFuzzer + AddressSanitizer).
#
#   scripts/fuzz.sh [seconds] [target ...]     # default: 60 s each, targets load and search
#
# Targets live in crates/article-core/fuzz (its own workspace, excluded from the root
# one): `load` feeds arbitrary bytes to article_core::load and checks the invariants in
# crates/article-core/fuzz/invariants.rs; `search` checks search::find_all's ranges.
# New inputs go to crates/article-core/fuzz/corpus/<target> (not committed); crashes to
# crates/article-core/fuzz/artifacts/<target>/. Reproduce one with
#   (cd crates/article-core/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run load artifacts/load/crash-…)
# Committed seeds (small, hand-picked from fuzz runs) are in fuzz/seeds/<target>; the
# bounded mutation fuzz in crates/article-core/tests/hostile.rs reuses them.
#
# Works on stable Rust: cargo fuzz passes nightly-only -Z flags (sanitizer, coverage
# passes), which stable rustc accepts with RUSTC_BOOTSTRAP=1. Set FUZZ_SANITIZER=none
# to fuzz without ASan (faster, still catches panics). Not part of the normal tests.
set -euo pipefail

secs="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(load search)
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz_dir="$root/crates/article-core/fuzz"
cargo_fuzz_version="0.13.2"
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"

if ! cargo fuzz --version 2>/dev/null | grep -q "$cargo_fuzz_version"; then
  echo "installing cargo-fuzz $cargo_fuzz_version" >&2
  cargo install cargo-fuzz --version "$cargo_fuzz_version" --locked
fi
if ! rustc --version | grep -q nightly; then
  export RUSTC_BOOTSTRAP=1
fi

cd "$fuzz_dir"
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "seeds/$t"
  dirs=("corpus/$t" "seeds/$t")
  if [ "$t" = load ]; then
    dirs+=("$root/public/articles") # the shipped articles are seeds too (read only)
  fi
  extra=()
  if [ -f "$t.dict" ]; then
    extra+=("-dict=$t.dict")
  fi
  echo "== fuzzing $t for ${secs}s" >&2
  cargo fuzz run --sanitizer "${FUZZ_SANITIZER:-address}" "$t" "${dirs[@]}" -- \
    -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 "${extra[@]}"
done
