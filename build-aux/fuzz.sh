#!/usr/bin/env bash
# CI's fuzz smoke: builds the libFuzzer targets (clang-14, ASan + UBSan)
# and runs each for a short while (30 s by default, two at a time), so that a harness
# that no longer builds or a parser that crashes on its own seeds fails
# CI. Longer runs: fuzz/run.sh TARGET SECONDS.
#   build-aux/fuzz.sh [SECONDS]
# Prints "N passed, N failed, N skipped" (one per target) and exits
# non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash build-aux/deps.sh --fuzz || exit 1

seconds=${1:-30}
dir=build-fuzz
targets=(feed sanitize html-doc rules date opml page)
if [ ! -d "$dir" ]; then
  CC=clang-14 meson setup "$dir" -Dfuzzing=true -Dgui=false -Dui_tests=false \
    -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true \
    -Dbuildtype=debugoptimized >/dev/null || exit 1
fi
ninja -C "$dir" $(printf 'fuzz/fuzz-%s ' "${targets[@]}") || exit 1

# Two targets at a time, one per core: each still runs its full time.
# The run ends itself at max_total_time; the timeout is a backstop for a
# hang the fuzzer cannot see (one stuck input counts as a failure).
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
run_one () {
  timeout $((seconds + 120)) bash fuzz/run.sh "$1" "$seconds" "$dir" > "$logs/$1.log" 2>&1
  echo $? > "$logs/$1.status"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run_one "${targets[i]}" &
  [ $((i + 1)) -lt ${#targets[@]} ] && run_one "${targets[i + 1]}" &
  wait
done

passed=0 failed=0
for t in "${targets[@]}"; do
  echo "== fuzz-$t, $seconds s"
  tail -n 25 "$logs/$t.log"
  if [ "$(cat "$logs/$t.status" 2>/dev/null)" = 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "fuzz-$t FAILED: the input is in $dir/fuzz-artifacts/$t/"
  fi
done
echo "$passed passed, $failed failed, 0 skipped"
[ "$failed" -eq 0 ]
