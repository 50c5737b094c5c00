#!/usr/bin/env bash
# Installs what is needed, builds Clippings and starts it from the build
# tree (the archive is the user's: $XDG_DATA_HOME/clippings).
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-aux/deps.sh
[ -d build ] || meson setup build
ninja -C build
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
exec ./build/src/ui/clippings "$@"
