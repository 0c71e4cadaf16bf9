#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command with an emulated SmartCard-HSM behind a private pcscd:
#   with_card.sh [--state fresh|nitrokey] -- COMMAND ARGS...
#
# Debian 12's pcscd listens on a fixed socket (/run/pcscd/pcscd.comm), so the
# script re-runs itself in a private mount namespace with a tmpfs over
# /run/pcscd: the command, pcscd and the card share that namespace and a
# system pcscd (if one runs) is never stopped, reconfigured or even reached.
# pcscd reads only our own reader.conf.d (vpcd on a free port).
#
# The command sees SCHSM_CONTROL (the card's control socket, see
# schsm_card.py), SCHSM_READER (the reader's PC/SC name), SCHSM_WORKDIR.
# Needs root (or unprivileged user namespaces) for unshare and mount.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VPCD_DRIVER=/usr/lib/pcsc/drivers/serial/libifdvpcd.so
# Debian's own python3: only it sees Debian's python3-cryptography.
PYTHON=/usr/bin/python3

if [ -z "${SCHSM_IN_NAMESPACE:-}" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        exec env SCHSM_IN_NAMESPACE=1 unshare --map-root-user --mount --propagation private "$0" "$@"
    fi
    exec env SCHSM_IN_NAMESPACE=1 unshare --mount --propagation private "$0" "$@"
fi

state=fresh
while [ $# -gt 0 ]; do
    case "$1" in
        --state) state=$2; shift 2 ;;
        --) shift; break ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--state fresh|nitrokey] -- COMMAND..." >&2; exit 2; }

for tool in pcscd "$PYTHON" opensc-tool; do
    command -v "$tool" >/dev/null || { echo "with_card.sh: $tool is missing" >&2; exit 2; }
done
[ -e "$VPCD_DRIVER" ] || { echo "with_card.sh: $VPCD_DRIVER is missing (package vsmartcard-vpcd)" >&2; exit 2; }

# The mount point must exist; on a machine without pcscd's runtime directory
# an empty one is created (the directory pcscd itself would create).
mkdir -p /run/pcscd
mount -t tmpfs -o mode=0755 tmpfs /run/pcscd

work=$(mktemp -d "${TMPDIR:-/tmp}/schsm.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

# vpcd listens on PORT (slot 0) and PORT+1 (slot 1): find two free ones.
port=$("$PYTHON" - <<'EOF'
import socket
for _ in range(200):
    a = socket.socket(); a.bind(("127.0.0.1", 0)); p = a.getsockname()[1]
    try:
        b = socket.socket(); b.bind(("127.0.0.1", p + 1)); b.close()
    except OSError:
        a.close(); continue
    a.close(); print(p); break
EOF
)
mkdir -p "$work/reader.conf.d"
cat > "$work/reader.conf.d/vpcd" <<EOF
FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:$port
LIBPATH      $VPCD_DRIVER
CHANNELID    $port
EOF

pcscd --foreground --config "$work/reader.conf.d" >"$work/pcscd.log" 2>&1 &
pids+=($!)
"$PYTHON" "$HERE/schsm_card.py" --port "$port" --control "$work/control" --state "$state" \
    --log "$work/card.log" &
pids+=($!)

# Wait until PC/SC reports the card (bounded; pcsc_scan-free: opensc-tool -l).
ready=0
for _ in $(seq 1 400); do
    if opensc-tool --list-readers 2>/dev/null | grep -Eq "Yes.*Virtual PCD"; then ready=1; break; fi
    if ! kill -0 "${pids[0]}" 2>/dev/null || ! kill -0 "${pids[1]}" 2>/dev/null; then break; fi
    sleep 0.05
done
if [ "$ready" -ne 1 ]; then
    echo "with_card.sh: the emulated card did not appear" >&2
    cat "$work/pcscd.log" "$work/card.log" >&2 2>/dev/null || true
    exit 3
fi

export SCHSM_CONTROL="$work/control" SCHSM_WORKDIR="$work"
SCHSM_READER=$(opensc-tool --list-readers | sed -n "s/^ *[0-9][0-9]* *Yes *//p" | sed "s/^ *//" | sed -n 1p)
export SCHSM_READER
set +e
"$@"
rc=$?
set -e
if [ "$rc" -ne 0 ] && [ -n "${SCHSM_SHOW_LOGS:-1}" ]; then
    echo "---- card log" >&2; cat "$work/card.log" >&2 2>/dev/null || true
fi
exit "$rc"
