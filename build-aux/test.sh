#!/usr/bin/env bash
# Installs what is needed, builds Clippings with warnings as errors and runs
# every test headless (Xvfb + a private D-Bus session).
#   build-aux/test.sh           the suite, in build-test/
#   build-aux/test.sh --asan    the suite under AddressSanitizer + UBSan, in build-asan/
# Prints "N passed, N failed, N skipped" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash build-aux/deps.sh || exit 1

dir=build-test
opts=(-Dwerror=true -Dbuildtype=debugoptimized)
if [ "${1:-}" = "--asan" ]; then
  dir=build-asan
  opts+=(-Db_sanitize=address,undefined -Db_lundef=false)
fi
if [ -d "$dir" ]; then
  meson configure "$dir" "${opts[@]}" >/dev/null || exit 1
else
  meson setup "$dir" "${opts[@]}" >/dev/null || exit 1
fi
ninja -C "$dir" || exit 1

rm -f "$dir/meson-logs/testlog.json"
xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' \
  dbus-run-session -- meson test -C "$dir" --print-errorlogs --num-processes 2
status=$?

python3 - "$dir/meson-logs/testlog.json" <<'PY'
import json, sys
counts = {"passed": 0, "failed": 0, "skipped": 0}
try:
    lines = open(sys.argv[1]).read().splitlines()
except OSError:
    lines = []
for line in lines:
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"):
        counts["passed"] += 1
    elif r == "SKIP":
        counts["skipped"] += 1
    else:
        counts["failed"] += 1
print("%d passed, %d failed, %d skipped" % (counts["passed"], counts["failed"], counts["skipped"]))
PY
exit $status
