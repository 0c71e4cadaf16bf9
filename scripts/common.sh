#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/run and scripts/test: install missing Debian 12 packages, configure, build.
set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$TOP/build"
BUILD_ASAN="$TOP/build-asan"
BUILD_FUZZ="$TOP/build-fuzz"

# Build and runtime dependencies, all from Debian 12. librsvg2-bin: rsvg-convert renders the icon's PNG sizes.
DEPS=(
    g++ cmake make pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    qt6-qpa-plugins qt6-translations-l10n
    libssl-dev openssl libp11-kit-dev p11-kit p11-kit-modules libp11-dev libengine-pkcs11-openssl
    softhsm2 opensc opensc-pkcs11 pcscd libpcsclite-dev
    librsvg2-bin
)
# Only the tests need these oracles and helpers.
# vsmartcard-vpcd + python3-cryptography: the emulated SmartCard-HSM (tests/schsm) behind pcscd;
# poppler-utils: the paper backup test reads the PDF; python3-jsonschema: --list output vs its schema;
# patch: applies tokendesk --setup --dry-run's diff (tests/workstation).
# The package test (packaging/check-package.sh): dpkg-dev (cpack's dpkg-shlibdeps), lintian, desktop-file-utils,
# appstream, xdotool (waits for the window under Xvfb), libqt6svg6 (a Recommends of the package, as apt installs it).
TEST_DEPS=(gnutls-bin libnss3-tools openjdk-17-jdk-headless xvfb xauth imagemagick python3 poppler-utils
           python3-jsonschema vsmartcard-vpcd python3-cryptography openssh-client patch
           dpkg-dev lintian desktop-file-utils appstream xdotool libqt6svg6)
# Only the libFuzzer pass (TOKENDESK_FUZZ=1) needs these.
FUZZ_DEPS=(clang-14 libclang-rt-14-dev)

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep 'install ok installed' >/dev/null || missing+=("$p")
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

# The AddressSanitizer + UndefinedBehaviorSanitizer tree (tests/sanitizers/README.md).
build_asan() {
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    # -O1 -g1 (line tables only): a third less compile time than -O2 -g (ui/mainwindow.cpp 40 s -> 27 s
    # of CPU) with the file:line in every report. No benchmarks: they are not tests.
    cmake -S "$TOP" -B "$BUILD_ASAN" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
        -DTOKENDESK_SANITIZE=ON -DTOKENDESK_BENCHMARKS=OFF "${launcher[@]}" >/dev/null
    cmake --build "$BUILD_ASAN" -j"$(nproc)"
}

# Runs the whole suite in build-asan, less the tests listed in tests/sanitizers/asan-excluded-tests.txt.
test_asan() {
    local supp="$TOP/tests/sanitizers"
    local excluded
    # Also "package": it packs and installs the tree it runs in, and an ASan-linked .deb is not one anybody ships.
    excluded=$( (echo package; sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$supp/asan-excluded-tests.txt") | xargs | tr ' ' '|')
    (
        # No fast_unwind_on_malloc here: the test programs keep ASan's fast unwinder (the full one makes
        # every malloc and free inside OpenSSL cost tens of microseconds; a 2,000,000-round PKCS#12
        # import outlasted Qt Test's 300 s), the tokendesk program they start uses the full one
        # (app/sanitizeroptions.cpp), and so do tests that make SoftHSM leak through OpenSSL in their
        # own process (FULL_UNWIND in tests/CMakeLists.txt): lsan.supp needs the libsofthsm2.so frame.
        export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=0:strict_string_checks=1
        export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
        export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
        cd "$BUILD_ASAN"
        ctest --output-on-failure -j"$(nproc)" --timeout 1800 ${excluded:+-E "^($excluded)\$"} "$@"
    )
}

# libFuzzer targets (tests/fuzz), clang from Debian; only core and the targets are built.
build_fuzz() {
    cmake -S "$TOP" -B "$BUILD_FUZZ" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
        -DTOKENDESK_FUZZ=ON -DTOKENDESK_BENCHMARKS=OFF \
        -DCMAKE_CXX_COMPILER=clang++-14 -DTOKENDESK_FUZZ_RUNS="${TOKENDESK_FUZZ_RUNS:-20000}" >/dev/null
    cmake --build "$BUILD_FUZZ" -j"$(nproc)" --target fuzz_targets
}

test_fuzz() {
    (cd "$BUILD_FUZZ" && ctest --output-on-failure -j"$(nproc)" -L fuzz)
}
