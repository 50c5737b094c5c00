#!/usr/bin/env bash
# Runs one fuzz target for as long as asked, under ASan + UBSan:
#   fuzz/run.sh TARGET SECONDS [BUILD_DIR]
# TARGET: feed, sanitize, html-doc, rules, date, opml or page. BUILD_DIR (default
# build-fuzz) is set up when missing:
#   CC=clang-14 meson setup build-fuzz -Dfuzzing=true -Dgui=false \
#     -Db_sanitize=address,undefined -Db_lundef=false
# One fuzzing process, in the foreground (these machines have 2 cores).
# The corpus grows in BUILD_DIR/fuzz-corpus/TARGET, seeded from tests/data;
# an input that breaks something is written to BUILD_DIR/fuzz-artifacts/
# TARGET/ and the run stops with status 1. Copy it into tests/data/fuzz/
# TARGET/ with the fix: the normal suite replays it (test fuzz-TARGET).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ]; then
  echo "usage: fuzz/run.sh TARGET SECONDS [BUILD_DIR]" >&2
  exit 2
fi
target=$1
seconds=$2
build=${3:-build-fuzz}

case "$target" in
  feed|sanitize) max_len=65536; seeds=(tests/data/feeds) ;;
  html-doc) max_len=65536; seeds=(tests/data/feeds tests/data/page) ;;
  rules) max_len=4096; seeds=(tests/data/rules) ;;
  date) max_len=160; seeds=() ;;
  opml) max_len=65536; seeds=(tests/data/opml tests/data/ui) ;;
  page) max_len=262144; seeds=(tests/data/page) ;;
  *) echo "fuzz/run.sh: unknown target “$target”" >&2; exit 2 ;;
esac
seeds+=("tests/data/fuzz/$target")

if [ ! -d "$build" ]; then
  CC=${CC:-clang-14} meson setup "$build" -Dfuzzing=true -Dgui=false -Dui_tests=false \
    -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true >/dev/null
fi
ninja -C "$build" "fuzz/fuzz-$target" >/dev/null

corpus=$build/fuzz-corpus/$target
artifacts=$build/fuzz-artifacts/$target
mkdir -p "$corpus" "$artifacts"
dict=()
[ -f "fuzz/$target.dict" ] && dict=("-dict=fuzz/$target.dict")

# halt_on_error: UBSan's findings are findings. LeakSanitizer stays on.
# FUZZ_TIMEOUT: seconds one input may take (10; more on a loaded machine,
# where a starved process passes 10 s of wall time on a fast input).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
exec "$build/fuzz/fuzz-$target" "$corpus" "${seeds[@]}" "${dict[@]}" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts/" -print_final_stats=1
