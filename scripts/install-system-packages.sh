#!/usr/bin/env bash
# The Debian/Ubuntu packages hotline needs to build, test and run, installed
# once: a second run that finds them all installed changes nothing and needs
# no network nor root. Used by .ci/run, scripts/install.sh and the README.
#
#   libzstd-dev      the CZstd system-library target (zstd.h, libzstd)
#   zstd             the CLI the tests compare against, with pzstd
#   tzdata           IANA zones read by --tz (/usr/share/zoneinfo)
#   pkg-config       SwiftPM locates libzstd through it
#   libsqlite3-dev   GRDB, the nightly history's SQLite layer, links the system SQLite on Linux
set -euo pipefail

packages=(libzstd-dev zstd tzdata pkg-config libsqlite3-dev)

missing=()
for package in "${packages[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]; then
        missing+=("$package")
    fi
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "system packages: ${packages[*]} already installed"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
echo "system packages: installing ${missing[*]}"
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
