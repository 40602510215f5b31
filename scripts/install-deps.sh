#!/bin/sh
# Installs exactly the Debian 12 packages that building and testing akte need.
# Idempotent: installs nothing when everything is present; runs `apt-get update`
# only when a package is unknown to the local package lists.
set -eu

packages="
  g++ cmake ninja-build pkg-config
  libsqlite3-dev libssl-dev libarchive-dev libcsv-dev libicu-dev libical-dev
  libxapian-dev libpoppler-cpp-dev libpugixml-dev libgmime-3.0-dev
  libuchardet-dev libmagic-dev libxml2-dev zlib1g-dev libcld2-dev wngerman libcurl4-openssl-dev
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libfmt-dev catch2 openssl
  chromium chromium-driver python3
"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages:$missing (run as root to install them)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
for p in $missing; do
  if ! apt-cache show "$p" >/dev/null 2>&1; then
    apt-get update -q
    break
  fi
done
apt-get install -y -q --no-install-recommends $missing
