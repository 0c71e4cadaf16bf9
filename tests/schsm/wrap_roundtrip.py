#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""SmartCard-HSM key backup and restore on the emulated card (issue 13), run by
with_card.sh (SCHSM_CONTROL, SCHSM_READER). Every step goes through the real
clients: pkcs11-tool generates, deletes and signs, sc-hsm-tool wraps and unwraps,
opensc-tool sends the raw APDUs whose status words are checked, openssl verifies,
and the backup files are read by `tokendesk --check-backup` (password on a file
descriptor) and by tests/keybackup/unwrap_blob.py.

  wrap_roundtrip.py --tokendesk EXE --data tests/data --unwrap-blob unwrap_blob.py

Table-driven over the key types in CASES; then the third-party vectors in
tests/data/schsm; then the refusals (DKEK without shares, DKEK not complete,
blob of another DKEK, changed blob, key reference taken).
"""

import argparse
import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile

from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.cmac import CMAC

from schsm_card import parse_ber_tlv  # DER/BER lengths only; the checks use other readers

MODULE = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"
SO_PIN = "3537363231383830"
PIN = "648219"          # test value: pkcs11-tool and sc-hsm-tool take it on argv only
AID = "E82B0601040181C31F0201"
# tests/data/dkek: fixed-10m.pbe's share (its README) and both passwords. With one share
# the DKEK is the share.
FIXED_SHARE = "fixed-10m.pbe"
FIXED_PASSWORD = "TokenDesk fixed vector été 10M"
FIXED_DKEK = "000102030405060708090a0b0c0d0e0ff0e1d2c3b4a5968778695a4b3c2d1e0f"
VECTOR_SHARE = "share-password.pbe"
VECTOR_PASSWORD = "TokenDesk vector one"

# name, pkcs11-tool --key-type, CKA_ID, pkcs11-tool mechanism, public key reader.
# pkcs11-tool 0.23 --read-object cannot export a P-384 public key from any module ("cannot
# create EVP_PKEY", SoftHSM too), so that one is read by GnuTLS's p11tool.
CASES = [
    ("EC P-256", "EC:prime256v1", "51", "ECDSA-SHA256", "pkcs11-tool"),
    ("EC P-384", "EC:secp384r1", "52", "ECDSA-SHA256", "p11tool"),
    ("RSA-2048", "rsa:2048", "53", "SHA256-RSA-PKCS", "pkcs11-tool"),
    ("RSA-3072", "rsa:3072", "54", "SHA256-RSA-PKCS", "pkcs11-tool"),
]

failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)
    return ok


def run(args, stdin=None, pass_fds=()):
    r = subprocess.run(args, input=stdin, capture_output=True, pass_fds=pass_fds)
    return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")


def control(line):
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(os.environ["SCHSM_CONTROL"])
        s.sendall(line.encode() + b"\n")
        reply = s.makefile().readline().strip()
    if not reply.startswith("ok"):
        raise RuntimeError("control %s: %s" % (line, reply))
    return reply[3:]


def card_state():
    return json.loads(control("state"))


def p11(*args, login=True):
    base = ["pkcs11-tool", "--module", MODULE]
    if login:
        base += ["--login", "--pin", PIN]
    return run(base + list(args))


def hsm(*args):
    return run(["sc-hsm-tool", "--reader", os.environ["SCHSM_READER"]] + list(args))


def apdus(*commands):
    """Status words of the APDUs, sent in one opensc-tool session after SELECT and VERIFY."""
    args = ["opensc-tool", "--reader", os.environ["SCHSM_READER"],
            "-s", "00A4040C0B" + AID, "-s", "0020008106" + PIN.encode().hex()]
    for c in commands:
        args += ["-s", c]
    rc, out, err = run(args)
    sws = ["%s%s" % m for m in re.findall(r"SW1=0x([0-9A-Fa-f]{2}), SW2=0x([0-9A-Fa-f]{2})", out)]
    sws = [s.upper() for s in sws]
    if sws[:2] != ["9000", "9000"]:
        raise RuntimeError("SELECT/VERIFY failed: %s %s" % (out, err))
    return sws[2:]


def ext_apdu(header, data=b"", le=False):
    """An extended-length APDU in hex (opensc-tool -s)."""
    out = header
    if data:
        out += "00" + len(data).to_bytes(2, "big").hex() + data.hex()
    if le:
        out += "0000" if data else "000000"
    return out


def initialize(shares):
    control("factory")
    args = ["--initialize", "--so-pin", SO_PIN, "--pin", PIN, "--label", "wraptest"]
    if shares:
        args += ["--dkek-shares", str(shares)]
    rc, out, err = hsm(*args)
    if rc != 0:
        raise RuntimeError("initialize: %s %s" % (out, err))


def import_share(data, name, password):
    rc, out, err = hsm("--import-dkek-share", os.path.join(data, "dkek", name), "--password", password)
    if rc != 0 or "DKEK share imported" not in out:
        raise RuntimeError("import %s: %s %s" % (name, out, err))


def generate(key_type, cka_id):
    """Generates a key with pkcs11-tool; its device key reference (from the card's state)."""
    before = set(card_state()["keys"])
    rc, out, err = p11("--keypairgen", "--key-type", key_type, "--id", cka_id, "--label", "k" + cka_id)
    if rc != 0:
        raise RuntimeError("keypairgen %s: %s %s" % (key_type, out, err))
    new = set(card_state()["keys"]) - before
    if len(new) != 1:
        raise RuntimeError("keypairgen %s made keys %s" % (key_type, new))
    return new.pop()


def read_pubkey(cka_id, path, reader="pkcs11-tool"):
    """The public key under CKA_ID as SubjectPublicKeyInfo DER, read without login."""
    if os.path.exists(path):
        os.unlink(path)
    if reader == "p11tool":
        rc, out, err = run(["p11tool", "--provider", MODULE, "--export", "--outder", "--outfile", path,
                            "pkcs11:id=%" + cka_id + ";type=public"])
    else:
        rc, out, err = p11("--read-object", "--type", "pubkey", "--id", cka_id, "-o", path, login=False)
    return rc == 0 and os.path.exists(path)


def sign_verifies(cka_id, mechanism, pub, work, tag):
    """pkcs11-tool signs on the card; openssl pkeyutl verifies with pub (DER); a changed
    message must not verify (the verification is not vacuous)."""
    msg = os.path.join(work, tag + ".msg")
    sig = os.path.join(work, tag + ".sig")
    with open(msg, "wb") as f:
        f.write(b"TokenDesk key backup test " + tag.encode())
    if os.path.exists(sig):
        os.unlink(sig)
    args = ["--sign", "--id", cka_id, "-m", mechanism, "-i", msg, "-o", sig]
    if mechanism.startswith("ECDSA"):
        args += ["--signature-format", "openssl"]
    if p11(*args)[0] != 0:
        return False
    verify = ["openssl", "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", pub, "-rawin",
              "-digest", "sha256", "-sigfile", sig, "-in"]
    good = run(verify + [msg])[0] == 0
    with open(msg, "ab") as f:
        f.write(b"!")
    changed = run(verify + [msg])[0] == 0
    return good and not changed


def tokendesk_check(exe, files, share_file, password):
    """tokendesk --check-backup with the password on a pipe's file descriptor, never on argv."""
    r, w = os.pipe()
    os.write(w, password.encode() + b"\n")
    os.close(w)
    try:
        args = [exe, "--check-backup"] + files + ["--dkek-share", share_file, "--password-fd", str(r)]
        return run(args, pass_fds=(r,))
    finally:
        os.close(r)


def fingerprint(der_path):
    with open(der_path, "rb") as f:
        return ":".join("%02X" % b for b in hashlib.sha256(f.read()).digest())


def unwrap_blob_spki(script, path, dkek):
    rc, out, err = run([sys.executable, script, path], stdin=dkek.encode())
    return rc, out.strip()


def roundtrip(args, work):
    print("== backup and restore, one DKEK share (%s)" % FIXED_SHARE)
    initialize(1)
    import_share(args.data, FIXED_SHARE, FIXED_PASSWORD)
    keys = []
    for name, key_type, cka_id, mech, reader in CASES:
        ref = generate(key_type, cka_id)
        pub = os.path.join(work, "before-%s.der" % cka_id)
        check(read_pubkey(cka_id, pub, reader), "%s: public key read before the backup (%s)" % (name, reader))
        backup = os.path.join(work, "key-%s.wrap" % cka_id)
        rc, out, err = hsm("--wrap-key", backup, "--key-reference", str(ref), "--pin", PIN)
        check(rc == 0 and os.path.getsize(backup) > 0, "%s: sc-hsm-tool --wrap-key (key reference %d)" % (name, ref))
        rc, spki = unwrap_blob_spki(args.unwrap_blob, backup, FIXED_DKEK)
        check(rc == 0 and bytes.fromhex(spki) == open(pub, "rb").read(),
              "%s: unwrap_blob.py opens the backup and finds the public key read before" % name)
        keys.append((name, cka_id, mech, ref, pub, backup, reader))

    files = [k[5] for k in keys]
    rc, out, err = tokendesk_check(args.tokendesk, files, os.path.join(args.data, "dkek", FIXED_SHARE),
                                   FIXED_PASSWORD)
    check(rc == 0, "tokendesk --check-backup opens every backup with %s (exit %d)" % (FIXED_SHARE, rc))
    for name, cka_id, _, _, pub, backup, _ in keys:
        section = out.split(backup + "\n", 1)[-1].split("\n\n", 1)[0]
        check("Result:      opens" in section and fingerprint(pub) in section and "CKA_ID:      %s" % cka_id in section,
              "%s: tokendesk names the backup's key by the fingerprint of the public key read before" % name)
    rc, out, err = tokendesk_check(args.tokendesk, files, os.path.join(args.data, "dkek", VECTOR_SHARE),
                                   VECTOR_PASSWORD)
    check(rc == 1 and out.count("FAILS") == len(files), "tokendesk --check-backup refuses them with another share")
    rc, _ = unwrap_blob_spki(args.unwrap_blob, files[0], "11" * 32)
    check(rc == 2, "unwrap_blob.py refuses a backup with another DKEK")

    for name, cka_id, mech, ref, pub, backup, reader in keys:
        rc, out, err = p11("--delete-object", "--type", "privkey", "--id", cka_id)
        check(rc == 0 and ref not in card_state()["keys"], "%s: key deleted on the card" % name)
        check(not sign_verifies(cka_id, mech, pub, work, "gone-" + cka_id), "%s: no signature without the key" % name)
        new_ref = ref + 16  # a free reference: restore need not reuse the old one
        rc, out, err = hsm("--unwrap-key", backup, "--key-reference", str(new_ref), "--pin", PIN)
        check(rc == 0 and "Key successfully imported" in out and new_ref in card_state()["keys"],
              "%s: sc-hsm-tool --unwrap-key into key reference %d" % (name, new_ref))
        after = os.path.join(work, "after-%s.der" % cka_id)
        check(read_pubkey(cka_id, after, reader) and open(after, "rb").read() == open(pub, "rb").read(),
              "%s: restored key shows the same public key under CKA_ID %s" % (name, cka_id))
        check(sign_verifies(cka_id, mech, pub, work, "restored-" + cka_id),
              "%s: restored key signs; openssl verifies with the public key read before the backup" % name)

    # A key whose allowed algorithms leave out key wrapping (92) is not exported: the
    # EC P-256 backup with that list in its header and the CMAC made again under the DKEK.
    blob = octet_string(open(keys[0][5], "rb").read())
    for ref, allowed, sw in ((30, b"\x70", "6985"), (31, b"\x70\x92", "9000")):
        check(apdus(ext_apdu("8074%02X93" % ref, with_allowed(blob, allowed, FIXED_DKEK))) == ["9000"],
              "UNWRAP KEY of a blob allowing algorithms %s" % allowed.hex())
        check(apdus(ext_apdu("8072%02X92" % ref, le=True)) == [sw],
              "WRAP KEY of the key allowing algorithms %s answers %s" % (allowed.hex(), sw))
    return keys


def with_allowed(blob, allowed, dkek):
    """blob with its (empty) allowed algorithms field set to allowed, CMAC made again."""
    at = 9 + 2 + int.from_bytes(blob[9:11], "big")
    assert blob[at:at + 2] == b"\0\0"
    body = blob[:at] + len(allowed).to_bytes(2, "big") + allowed + blob[at + 2:-16]
    mac = CMAC(algorithms.AES(hashlib.sha256(bytes.fromhex(dkek) + b"\0\0\0\2").digest()))
    mac.update(body)
    return body + mac.finalize()


def vectors(args, work, fixed_backup):
    print("== third-party vectors (tests/data/schsm) with %s" % VECTOR_SHARE)
    initialize(1)
    import_share(args.data, VECTOR_SHARE, VECTOR_PASSWORD)
    for ref, stem, cka_id, mech in ((1, "ec1", "01", "ECDSA-SHA256"), (2, "rsa1", "02", "SHA256-RSA-PKCS")):
        wrap = os.path.join(args.data, "schsm", stem + ".wrap")
        expected = os.path.join(args.data, "schsm", stem + ".pub.der")
        rc, out, err = hsm("--unwrap-key", wrap, "--key-reference", str(ref), "--pin", PIN)
        check(rc == 0 and ref in card_state()["keys"], "%s.wrap: sc-hsm-tool --unwrap-key" % stem)
        got = os.path.join(work, stem + ".pub.der")
        check(read_pubkey(cka_id, got) and open(got, "rb").read() == open(expected, "rb").read(),
              "%s.wrap: pkcs11-tool shows %s.pub.der under CKA_ID %s" % (stem, stem, cka_id))
        check(sign_verifies(cka_id, mech, expected, work, stem),
              "%s.wrap: the unwrapped key signs; openssl verifies with %s.pub.der" % (stem, stem))

    print("== refusals on unwrap")
    state = card_state()
    rc, out, err = hsm("--unwrap-key", fixed_backup, "--key-reference", "5", "--pin", PIN)
    after = card_state()
    check(rc != 0 and "successfully" not in out and after["keys"] == state["keys"] and "C405" not in after["files"],
          "a backup of another DKEK: sc-hsm-tool --unwrap-key fails, nothing written")
    blob = octet_string(open(fixed_backup, "rb").read())
    check(apdus(ext_apdu("80740593", blob)) == ["6A80"], "a backup of another DKEK: UNWRAP KEY answers 6A80")
    vector = octet_string(open(os.path.join(args.data, "schsm", "ec1.wrap"), "rb").read())
    for at, what in ((8, "the key type"), (40, "the encrypted key"), (len(vector) - 1, "the CMAC")):
        changed = bytearray(vector)
        changed[at] ^= 0x01
        check(apdus(ext_apdu("80740693", bytes(changed))) == ["6A80"],
              "ec1.wrap with one bit changed in %s: UNWRAP KEY answers 6A80" % what)
    check(apdus(ext_apdu("80740693", vector)) == ["9000"] and 6 in card_state()["keys"],
          "ec1.wrap unchanged: UNWRAP KEY answers 9000 (the changed ones failed for the change)")
    check(apdus(ext_apdu("80740193", vector)) == ["6A89"], "UNWRAP KEY onto a taken key reference answers 6A89")


def octet_string(wrap):
    """The key blob (the OCTET STRING) of an sc-hsm-tool --wrap-key file."""
    tag, body, _ = parse_ber_tlv(wrap, 0)
    tag2, blob, _ = parse_ber_tlv(body, 0)
    assert tag == 0x30 and tag2 == 0x04
    return blob


def wrap_refusals(args, work):
    print("== refusals on wrap")
    for shares, imported, what in ((0, 0, "initialized without DKEK shares"), (2, 1, "1 of 2 DKEK shares imported")):
        initialize(shares)
        if imported:
            import_share(args.data, FIXED_SHARE, FIXED_PASSWORD)
        ref = generate("EC:prime256v1", "61")
        out_file = os.path.join(work, "refused-%d.wrap" % shares)
        rc, out, err = hsm("--wrap-key", out_file, "--key-reference", str(ref), "--pin", PIN)
        check(rc != 0 and not os.path.exists(out_file), "%s: sc-hsm-tool --wrap-key fails, no file" % what)
        check(apdus(ext_apdu("8072%02X92" % ref, le=True)) == ["6985"], "%s: WRAP KEY answers 6985" % what)
    # The last card misses one share: with it the same key wraps (the refusal was the DKEK's).
    import_share(args.data, VECTOR_SHARE, VECTOR_PASSWORD)
    out_file = os.path.join(work, "complete.wrap")
    rc, out, err = hsm("--wrap-key", out_file, "--key-reference", str(ref), "--pin", PIN)
    check(rc == 0 and os.path.exists(out_file), "2 of 2 DKEK shares imported: the same key wraps")
    check(apdus(ext_apdu("8072%02X92" % 0x7E, le=True)) == ["6A88"], "WRAP KEY of a missing key answers 6A88")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tokendesk", required=True)
    p.add_argument("--data", required=True, help="tests/data")
    p.add_argument("--unwrap-blob", required=True, help="tests/keybackup/unwrap_blob.py")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="wrap-roundtrip.") as work:
        keys = roundtrip(args, work)
        vectors(args, work, keys[0][5])
        wrap_refusals(args, work)
    if failures:
        print("%d check(s) failed:\n  %s" % (len(failures), "\n  ".join(failures)))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
