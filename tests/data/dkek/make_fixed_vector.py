#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes fixed-10m.pbe: a DKEK share file made without TokenDesk.

Key and IV come from an EVP_BytesToKey(aes-256-cbc, md5, salt, password, 10,000,000)
written here with hashlib; AES-256-CBC is done by the openssl command line with
that raw key and IV (no key derivation of its own). TokenDesk's core must
reproduce the file byte for byte (tests/dkek/tst_dkek.cpp). Run once; takes ~20 s.
"""
import hashlib
import pathlib
import subprocess

PASSWORD = "TokenDesk fixed vector \u00e9t\u00e9 10M".encode("utf-8")
SALT = bytes.fromhex("a1b2c3d4e5f60718")
SHARE = bytes.fromhex("000102030405060708090a0b0c0d0e0f" "f0e1d2c3b4a5968778695a4b3c2d1e0f")
COUNT = 10_000_000


def bytes_to_key(password, salt, count, need=48):
    out, prev = b"", b""
    while len(out) < need:
        d = hashlib.md5(prev + password + salt).digest()
        for _ in range(count - 1):
            d = hashlib.md5(d).digest()
        out += d
        prev = d
    return out[:32], out[32:48]


def main():
    key, iv = bytes_to_key(PASSWORD, SALT, COUNT)
    ct = subprocess.run(["openssl", "enc", "-aes-256-cbc", "-nosalt", "-K", key.hex(), "-iv", iv.hex()],
                        input=SHARE, capture_output=True, check=True).stdout
    data = b"Salted__" + SALT + ct
    assert len(data) == 64
    here = pathlib.Path(__file__).resolve().parent
    (here / "fixed-10m.pbe").write_bytes(data)
    kcv = hashlib.sha256(SHARE).digest()[:8].hex().upper()
    print("password (utf-8 hex):", PASSWORD.hex())
    print("salt:", SALT.hex())
    print("share:", SHARE.hex())
    print("key:", key.hex(), "iv:", iv.hex())
    print("share KCV:", kcv)
    print("file:", data.hex())


if __name__ == "__main__":
    main()
