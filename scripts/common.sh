#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/run and scripts/test: install missing Debian 12 packages, configure, build.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$TOP/build"

# Build and runtime dependencies, all from Debian 12.
DEPS=(
    g++ cmake make pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    qt6-qpa-plugins
    libssl-dev openssl libp11-kit-dev p11-kit libp11-dev libengine-pkcs11-openssl
    softhsm2 opensc opensc-pkcs11 pcscd libpcsclite-dev
)
# Only the tests need these oracles and helpers.
# vsmartcard-vpcd + python3-cryptography: the emulated SmartCard-HSM (tests/schsm) behind pcscd;
# poppler-utils: the paper backup test reads the PDF; python3-jsonschema: --list output vs its schema.
TEST_DEPS=(gnutls-bin libnss3-tools openjdk-17-jdk-headless xvfb xauth imagemagick python3 poppler-utils
           python3-jsonschema vsmartcard-vpcd python3-cryptography)

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    local type=${1:-RelWithDebInfo}
    cmake -S "$TOP" -B "$BUILD" -DCMAKE_BUILD_TYPE="$type" >/dev/null
    cmake --build "$BUILD" -j"$(nproc)"
}
