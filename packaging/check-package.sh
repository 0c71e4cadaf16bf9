#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The CTest test `package`: builds the Debian package from a built tree and checks it the way a
# user's machine sees it. lintian, desktop-file-validate and appstreamcli judge the files; the
# package is unpacked into an empty root (dpkg -x) and what it installed is run: --version, --list
# --json against a SoftHSM token made here with softhsm2-util/pkcs11-tool, and the window under
# Xvfb with the demo token, screenshotted. Each fact is checked against something other than the
# build's own idea of it (dpkg -S for the libraries, pkcs11-tool for the tokens, identify for the
# icons and the screenshot).
# Usage: check-package.sh BUILD_DIR VERSION
# Leaves the .deb, the lintian report and the screenshot in BUILD_DIR/package-check/.
# shellcheck disable=SC2317 # the GUI part's conditions are called through wait_for
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOFTHSM=/usr/lib/softhsm/libsofthsm2.so
APP_ID=io.github.tokendesk.TokenDesk
ICON_SIZES=(16 22 24 32 48 64 128 256)

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "== [${SECONDS}s] $*"; }

# Polls CONDITION (a command) every 0.2 s until it succeeds or SECONDS have passed.
wait_for() {
    local seconds=$1 what=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        [ $SECONDS -lt $deadline ] || fail "$what: not within $seconds s"
        sleep 0.2
    done
}

# ---- The GUI part, run by xvfb-run (see below): ROOT WORK OUT
if [ "${1:-}" = --under-xvfb ]; then
    ROOT=$2 WORK=$3 OUT=$4
    home="$WORK/gui-home"
    mkdir -p "$home"
    log="$WORK/gui.log"
    HOME="$home" QT_QPA_PLATFORM=xcb "$ROOT/usr/bin/tokendesk" --demo 2>"$log" &
    pid=$!
    trap 'kill -KILL "$pid" 2>/dev/null || true' EXIT
    alive() { kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; fail "the installed tokendesk ended early"; }; }
    window_shown() { alive && xdotool search --onlyvisible --name TokenDesk >/dev/null 2>&1; }
    demo_ready() { alive && grep -q "demo token ready" "$log"; }
    wait_for 60 "the TokenDesk window" window_shown
    wait_for 120 "the demo token (\"demo token ready\" in the log)" demo_ready
    # The tree fills in after the demo token is ready: wait until two screenshots in a row agree.
    settled() {
        import -window root "$WORK/shot-new.png"
        if [ -f "$WORK/shot.png" ] && [ "$(compare -metric AE "$WORK/shot.png" "$WORK/shot-new.png" null: 2>&1)" = 0 ]; then
            return 0
        fi
        mv "$WORK/shot-new.png" "$WORK/shot.png"
        return 1
    }
    wait_for 60 "a settled window" settled
    cp "$WORK/shot.png" "$OUT/screenshot.png"
    kill -TERM "$pid"
    status=0
    wait "$pid" || status=$?
    [ $status -eq 0 ] || { cat "$log" >&2; fail "tokendesk did not quit cleanly on SIGTERM (status $status)"; }
    exit 0
fi

BUILD=$(cd "$1" && pwd)
VERSION=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-package.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
OUT="$BUILD/package-check"
rm -rf "$OUT"
mkdir -p "$OUT"
# Settings, crash records and the demo store of every run below stay in WORK.
export HOME="$WORK/home" LANG=C.UTF-8
unset LC_ALL LANGUAGE XDG_CONFIG_HOME XDG_DATA_HOME
mkdir -p "$HOME"

step "cpack -G DEB"
cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/cpack" >"$WORK/cpack.log" 2>&1 ||
    { cat "$WORK/cpack.log"; fail "cpack failed"; }
DEB="$WORK/cpack/tokendesk_${VERSION}_amd64.deb"
[ -f "$DEB" ] || fail "no tokendesk_${VERSION}_amd64.deb; cpack made: $(ls "$WORK/cpack")"
cp "$DEB" "$OUT/"
dpkg-deb --info "$DEB"

step "control fields"
field() { dpkg-deb --field "$DEB" "$1"; }
expect_field() {
    local value
    value=$(field "$1")
    [[ $value =~ $2 ]] || fail "$1 is \"$value\", expected to match $2"
}
expect_field Package '^tokendesk$'
expect_field Version "^${VERSION//./\\.}\$"
expect_field Architecture '^amd64$'
expect_field Section '^utils$'
expect_field Priority '^optional$'
expect_field Maintainer '^[^<]+ <[^@>]+@[^>]+>$'
expect_field Homepage '^https://'
synopsis=$(field Description | sed -n 1p)
[[ $synopsis =~ ^[a-z].{9,70}$ ]] || fail "Description's synopsis \"$synopsis\" is not a short lower-case phrase"
[ "$(field Description | wc -l)" -ge 4 ] || fail "Description has no extended description"
# Names only, without versions or alternatives' bars.
# shellcheck disable=SC2020 # the characters , and | both become line breaks
names() { field "$1" | tr ',|' '\n\n' | sed -e 's/(.*)//' -e 's/[[:space:]]//g' -e '/^$/d' | sort -u; }
has() { names "$1" | grep -x "$2" >/dev/null || fail "$1 lacks $2 ($(field "$1"))"; }
# Every library the binary links directly, by the package dpkg says owns it, must be a Depends.
dpkg-deb -x "$DEB" "$WORK/root"
ROOT="$WORK/root"
BIN="$ROOT/usr/bin/tokendesk"
GUI="$ROOT/usr/libexec/tokendesk/tokendesk-gui" # the window; tokendesk execs it (app/entry.h)
[ -x "$BIN" ] || fail "the package has no executable usr/bin/tokendesk"
[ -x "$GUI" ] || fail "the package has no executable usr/libexec/tokendesk/tokendesk-gui"
mapfile -t needed < <(for b in "$BIN" "$GUI"; do readelf -d "$b" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; done | sort -u)
[ ${#needed[@]} -gt 5 ] || fail "readelf found only ${#needed[@]} libraries in the binaries"
# The command line links Qt Core only; the widgets are the window's.
if readelf -d "$BIN" | grep -E 'NEEDED.*libQt6(Gui|Widgets)' >/dev/null; then fail "usr/bin/tokendesk links Qt GUI libraries"; fi
readelf -d "$GUI" | grep 'NEEDED.*libQt6Widgets' >/dev/null || fail "tokendesk-gui does not link Qt Widgets"
# The dynamic loader (a direct NEEDED once Qt Concurrent is linked) is libc6's; ldd names it by its
# full path, not by soname, so it is checked as libc6 instead.
if printf '%s\n' "${needed[@]}" | grep '^ld-linux' >/dev/null; then
    has Depends libc6
    mapfile -t needed < <(printf '%s\n' "${needed[@]}" | grep -v '^ld-linux')
fi
paths=()
for soname in "${needed[@]}"; do
    path=$(ldd "$GUI" "$BIN" | awk -v s="$soname" '$1 == s && !found { print $3; found = 1 }')
    [ -n "$path" ] || fail "ldd cannot resolve $soname"
    # dpkg knows a library under /lib or under /usr/lib, and ldd may say either.
    if [[ $path == /usr/* ]]; then paths+=("$path" "${path#/usr}"); else paths+=("$path" "/usr$path"); fi
done
# One call: dpkg -S reads every package's file list.
owners=$(dpkg -S "${paths[@]}" "$SOFTHSM" 2>/dev/null || true)
for soname in "${needed[@]}"; do
    owner=$(awk -v s="/$soname" 'substr($2, length($2) - length(s) + 1) == s { print $1; exit }' <<<"$owners")
    [ -n "$owner" ] || fail "no package owns $soname"
    has Depends "${owner%%:*}"
done
echo "Depends covers the packages of: ${needed[*]}"
has Depends qt6-qpa-plugins # the platform plugins, loaded at run time
for p in opensc-pkcs11 pcscd p11-kit libqt6svg6 qt6-translations-l10n; do has Recommends "$p"; done
# The demo token dlopens SoftHSM by this path: the package that ships it must be recommended.
softhsm_owner=$(awk -v p="$SOFTHSM" '$2 == p { print $1 }' <<<"$owners")
[ -n "$softhsm_owner" ] || fail "no package owns $SOFTHSM"
has Recommends "${softhsm_owner%%:*}"
# Every name must be a Debian package (a typo would leave a dependency nobody can satisfy):
# installed here (scripts/common.sh installs them all), or else known to apt.
wanted=$(for f in Depends Recommends Suggests; do names "$f"; done | sort -u)
# shellcheck disable=SC2086 # one name per word
known=$( { dpkg-query -W -f '${db:Status-Status} ${Package}\n' $wanted 2>/dev/null | sed -n 's/^installed //p' || true
           apt-cache show --no-all-versions $wanted 2>/dev/null | sed -n 's/^Package: //p' || true; } | sort -u)
unknown=$(comm -23 <(echo "$wanted") <(echo "$known"))
[ -z "$unknown" ] || fail "Depends/Recommends/Suggests name packages neither dpkg nor apt knows: $unknown"

step "files"
expect_file() { [ -s "$ROOT/$1" ] || fail "the package lacks $1"; }
for f in usr/bin/tokendesk usr/libexec/tokendesk/tokendesk-gui usr/share/applications/$APP_ID.desktop usr/share/metainfo/$APP_ID.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/tokendesk.svg usr/share/man/man1/tokendesk.1.gz \
         usr/share/doc/tokendesk/copyright usr/share/doc/tokendesk/changelog.gz usr/share/doc/tokendesk/README.md \
         usr/share/tokendesk/tokendesk-list.schema.json; do
    expect_file "$f"
done
# Help ▸ Manual shows the installed README: every image it names must be next to it.
readme_images=$(grep -oE '\]\([^)]+\.png\)|src="[^"]+\.png"' "$ROOT/usr/share/doc/tokendesk/README.md" |
                sed -E 's/^\]\(//; s/\)$//; s/^src="//; s/"$//' | sort -u)
[ -n "$readme_images" ] || fail "the README names no images (the check would prove nothing)"
while read -r img; do
    expect_file "usr/share/doc/tokendesk/$img"
done <<<"$readme_images"
for size in "${ICON_SIZES[@]}"; do
    png=usr/share/icons/hicolor/${size}x${size}/apps/tokendesk.png
    expect_file "$png"
    [ "$(identify -format '%m %wx%h' "$ROOT/$png")" = "PNG ${size}x${size}" ] || fail "$png is not a ${size}x${size} PNG"
    [ "$(identify -format '%k' "$ROOT/$png")" -gt 8 ] || fail "$png is blank"
done
# The executable is stripped and everything is owned by root, as lintian also checks.
for b in "$BIN" "$GUI"; do
    file "$b" | grep ', stripped' >/dev/null || fail "${b#"$ROOT"/} is not stripped"
done
if dpkg-deb -c "$DEB" | awk '$2 != "root/root"' | grep .; then fail "files not owned by root/root"; fi

step "lintian"
# Errors and warnings fail; each tag kept is explained in packaging/lintian-overrides.
lintian --fail-on error,warning --display-info --info "$DEB" | tee "$OUT/lintian.txt" ||
    fail "lintian found errors or warnings (above)"

step "desktop-file-validate, appstreamcli validate"
desktop-file-validate "$ROOT/usr/share/applications/$APP_ID.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --strict --pedantic "$ROOT/usr/share/metainfo/$APP_ID.metainfo.xml" ||
    fail "appstreamcli validate"
# The tree as a software centre reads it: metainfo, its desktop file and its icon found together.
appstreamcli validate-tree --no-net --strict "$ROOT" || fail "appstreamcli validate-tree"
python3 - "$ROOT" "$APP_ID" "$VERSION" <<'EOF' || fail "metainfo and desktop file disagree"
import configparser, sys, xml.etree.ElementTree as ET
root, app_id, version = sys.argv[1:]
m = ET.parse(f"{root}/usr/share/metainfo/{app_id}.metainfo.xml").getroot()
d = configparser.ConfigParser(interpolation=None)
d.read(f"{root}/usr/share/applications/{app_id}.desktop")
entry = d["Desktop Entry"]
problems = []
if m.findtext("id") != app_id: problems.append(f"metainfo id {m.findtext('id')}")
if m.findtext("launchable") != f"{app_id}.desktop": problems.append(f"launchable {m.findtext('launchable')}")
release = m.find("releases/release")
if release is None or release.get("version") != version: problems.append("newest release is not " + version)
if not m.findall("screenshots/screenshot/image"): problems.append("no screenshots")
if m.find("content_rating") is None: problems.append("no content rating")
if entry.get("Exec", "").split()[0] != "tokendesk": problems.append("Exec is " + entry.get("Exec", ""))
if entry.get("Icon") != "tokendesk": problems.append("Icon is " + entry.get("Icon", ""))
for p in problems: print(p)
sys.exit(1 if problems else 0)
EOF

step "the installed tokendesk: --version, usage error (no display: the command line needs none)"
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
printf -v want 'TokenDesk %s' "$VERSION"
got=$("$BIN" --version)
[ "$got" = "$want" ] || fail "tokendesk --version printed \"$got\", expected \"$want\""
zcat "$ROOT/usr/share/doc/tokendesk/changelog.gz" | sed -n 1p | grep -F "tokendesk ($VERSION)" >/dev/null ||
    fail "changelog.gz does not start with version $VERSION"
status=0
"$BIN" --list --no-such-option 2>/dev/null || status=$?
[ $status -eq 64 ] || fail "an unknown option ended with status $status, not 64"
status=0
"$BIN" --list --module "$WORK/no-such-module.so" >/dev/null || status=$?
[ $status -eq 2 ] || fail "--list with a missing module ended with status $status, not 2"

step "manual page"
man_text="$WORK/tokendesk.1.txt"
warnings=$(zcat "$ROOT/usr/share/man/man1/tokendesk.1.gz" | groff -man -Tutf8 -ww -z 2>&1)
[ -z "$warnings" ] || fail "groff warnings in tokendesk.1: $warnings"
# Plain text (no bold or underline escapes), one line per paragraph as far as the width allows.
zcat "$ROOT/usr/share/man/man1/tokendesk.1.gz" | groff -man -Tutf8 -rLL=200n -P -cbou >"$man_text" 2>/dev/null
# Every option either help text names, in the manual page's OPTIONS.
options=$( { "$BIN" --help; "$BIN" --setup=java --help; } | grep -oE '(^|[ ,])--?[a-z][a-z0-9-]*' | tr -d ' ,' | sort -u)
[ "$(wc -w <<<"$options")" -ge 12 ] || fail "too few options found in --help: $options"
options_section=$(sed -n '/^OPTIONS/,/^EXIT STATUS/p' "$man_text")
for o in $options; do
    grep -qE -- "(^|[ ,])$o([ ,]|\$)" <<<"$options_section" || fail "tokendesk.1 does not describe $o"
done
# Every exit status seen above (0, 2, 64) has its item under EXIT STATUS.
exit_section=$(sed -n '/^EXIT STATUS/,/^ENVIRONMENT/p' "$man_text")
for s in 0 2 64; do
    grep -qE "^ +$s( |\$)" <<<"$exit_section" || fail "tokendesk.1 does not explain exit status $s"
done

step "the installed tokendesk --list --json against a SoftHSM token"
mkdir -p "$WORK/softhsm/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$WORK/softhsm/tokens" \
    >"$WORK/softhsm/softhsm2.conf"
export SOFTHSM2_CONF="$WORK/softhsm/softhsm2.conf"
softhsm2-util --init-token --free --label "Package check" --pin 1234 --so-pin 12345678 >/dev/null
pkcs11-tool --module "$SOFTHSM" --token-label "Package check" --login --pin 1234 \
    --keypairgen --key-type EC:prime256v1 --id 4201 --label "check key" >/dev/null 2>&1 ||
    fail "pkcs11-tool could not generate the check key"
serial=$(pkcs11-tool --module "$SOFTHSM" -L | sed -n 's/^ *serial num *: *//p' | sed -n 1p)
[ -n "$serial" ] || fail "pkcs11-tool shows no token serial"
status=0
"$BIN" --list --json --module "$SOFTHSM" >"$OUT/list.json" || status=$?
[ $status -eq 0 ] || fail "tokendesk --list --json ended with status $status"
python3 - "$OUT/list.json" "$ROOT/usr/share/tokendesk/tokendesk-list.schema.json" "$SOFTHSM" "$serial" <<'EOF' ||
import json, sys, jsonschema
listing, schema, module, serial = sys.argv[1:]
doc = json.load(open(listing))
jsonschema.Draft202012Validator(json.load(open(schema))).validate(doc)
modules = [m for m in doc["modules"] if m["path"].endswith("libsofthsm2.so")]
assert len(modules) == 1, f"{len(doc['modules'])} modules, {len(modules)} SoftHSM"
tokens = [s["token"] for s in modules[0]["slots"] if s.get("token", {}).get("label") == "Package check"]
assert len(tokens) == 1, f"token 'Package check' found {len(tokens)} times"
t = tokens[0]
assert t["serial"] == serial, f"serial {t['serial']} != pkcs11-tool's {serial}"
assert t["initialized"] is True and "login-required" in t["flags"], t["flags"]
keys = [o for o in t["objects"] if o["class"] == "public key"]
assert [(k["label"], k["id"], k["key"]) for k in keys] == [("check key", "4201", "EC P-256 (prime256v1)")], keys
assert t["privateObjectsHidden"] is True, "private objects shown without login"
print(f"listed: {t['label']} serial {t['serial']}, {len(t['objects'])} object(s)")
EOF
    fail "the --list JSON is not what pkcs11-tool made (above)"
unset SOFTHSM2_CONF

step "the installed GUI under Xvfb: the demo token"
xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" "$HERE/check-package.sh" --under-xvfb "$ROOT" "$WORK" "$OUT"
shot="$OUT/screenshot.png"
[ "$(identify -format '%wx%h' "$shot")" = 1280x800 ] || fail "the screenshot is not of the whole screen"
colors=$(identify -format '%k' "$shot")
[ "$colors" -gt 500 ] || fail "the screenshot has only $colors colours: a blank or unpainted window"
# The demo token the installed GUI made, read back by pkcs11-tool from the demo store.
demo_conf="$WORK/gui-home/.local/share/TokenDesk/TokenDesk/demo-softhsm/softhsm2.conf"
[ -f "$demo_conf" ] || fail "the GUI wrote no demo store ($demo_conf)"
SOFTHSM2_CONF="$demo_conf" pkcs11-tool --module "$SOFTHSM" -L | grep 'token label *: TokenDesk Demo' >/dev/null ||
    fail "pkcs11-tool finds no \"TokenDesk Demo\" token in the GUI's demo store"
certs=$(SOFTHSM2_CONF="$demo_conf" pkcs11-tool --module "$SOFTHSM" --token-label "TokenDesk Demo" -O --type cert |
    grep -c '^Certificate Object')
[ "$certs" -ge 2 ] || fail "the demo token has $certs certificates"
echo "screenshot: $shot ($colors colours); demo token with $certs certificates"
echo "PASS: tokendesk_${VERSION}_amd64.deb"
