#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# A second reader of SmartCard-HSM key backups for the tests, independent of TokenDesk's
# C++ (Python's `cryptography`, written from the format as the vectors show it): reads the
# DKEK (hex) on stdin, checks the blob's KCV and CMAC, decrypts it, rebuilds the private
# key from its components and prints the public key's SubjectPublicKeyInfo DER in hex.
# Exit 2 with a reason on stderr when anything does not fit.
import hashlib
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC


def fail(reason):
    print(reason, file=sys.stderr)
    sys.exit(2)


def der_item(b, i):
    tag = b[i]
    length = b[i + 1]
    i += 2
    if length & 0x80:
        n = length & 0x7F
        length = int.from_bytes(b[i:i + n], 'big')
        i += n
    return tag, b[i:i + length], i + length


def main():
    dkek = bytes.fromhex(sys.stdin.read().strip())
    data = open(sys.argv[1], 'rb').read()
    tag, body, _ = der_item(data, 0)
    if tag != 0x30:
        fail('no SEQUENCE')
    tag, blob, _ = der_item(body, 0)
    if tag != 0x04:
        fail('no OCTET STRING')
    if blob[:8] != hashlib.sha256(dkek).digest()[:8]:
        fail('KCV differs')
    mac = CMAC(algorithms.AES(hashlib.sha256(dkek + b'\0\0\0\2').digest()))
    mac.update(blob[:-16])
    mac.verify(blob[-16:])
    key_type = blob[8]
    pos = 9
    for _ in range(4):
        pos += 2 + int.from_bytes(blob[pos:pos + 2], 'big')
    dec = Cipher(algorithms.AES(hashlib.sha256(dkek + b'\0\0\0\1').digest()), modes.CBC(bytes(16))).decryptor()
    plain = dec.update(blob[pos:-16]) + dec.finalize()
    parts = []
    pos = 10
    while pos + 2 <= len(plain):
        n = int.from_bytes(plain[pos:pos + 2], 'big')
        if pos + 2 + n > len(plain) or (n == 0 and parts and key_type != 12):
            break
        parts.append(plain[pos + 2:pos + 2 + n])
        pos += 2 + n
    num = lambda b: int.from_bytes(b, 'big')
    if key_type == 5:
        d, n, e = (num(x) for x in parts[:3])
        if pow(pow(2, e, n), d, n) != 2:
            fail('D does not belong to N')
        public = rsa.RSAPublicNumbers(e, n).public_key()
    elif key_type == 12:
        curves = {ec.SECP256R1: 'ffffffff00000001000000000000000000000000ffffffffffffffffffffffff',
                  ec.SECP384R1: 'ff' * 31 + 'fe' + 'ff' * 4 + '00' * 8 + 'ff' * 4,
                  ec.SECP521R1: '01' + 'ff' * 65}
        prime = parts[2].hex().lstrip('0')
        curve = next((c for c, p in curves.items() if p.lstrip('0') == prime), None)
        if curve is None:
            fail('unknown curve')
        private = ec.derive_private_key(num(parts[5]), curve())
        public = private.public_key()
        stated = parts[6]
        if stated and stated != public.public_bytes(serialization.Encoding.X962,
                                                    serialization.PublicFormat.UncompressedPoint):
            fail('Q does not belong to d')
    else:
        fail('key type %d' % key_type)
    print(public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo).hex())


main()
