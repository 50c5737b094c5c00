#!/usr/bin/env bash
# Installs what Clippings needs to build, run and test on Debian 12 (as root).
#   build-aux/deps.sh           to build and test
#   build-aux/deps.sh --fuzz    and to build and run the fuzz targets
set -euo pipefail

packages=(
  gcc pkg-config meson ninja-build gettext
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsqlite3-dev libxml2-dev
  libpango1.0-dev libcairo2-dev
  desktop-file-utils appstream appstream-util libglib2.0-bin libgtk-4-bin
  xvfb xauth dbus dbus-x11 at-spi2-core fonts-dejavu-core fonts-noto-core
  python3 python3-dogtail poppler-utils imagemagick xdotool openssl locales
  flatpak flatpak-builder
)

# --fuzz: also what the fuzz targets need (build-aux/fuzz.sh): clang and
# its runtimes (libFuzzer, ASan, UBSan).
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "deps.sh: run as root (or install: ${missing[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
for i in 1 2 3 4 5; do
  apt-get -o DPkg::Lock::Timeout=300 update && break
  echo "apt-get update failed; retrying ($i)" >&2; sleep 10
done
for i in 1 2 3 4 5; do
  apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}" && exit 0
  echo "apt-get install failed; retrying ($i)" >&2; sleep 10
done
exit 1
