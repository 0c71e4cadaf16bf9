#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a self-signed EC P-256 certificate with fixed validity dates, for the
tree's expiry tests (OpenSSL 3.0's `req -x509` cannot set both dates).

usage: make_dated_cert.py OUT_PREFIX COMMON_NAME NOT_BEFORE NOT_AFTER SERIAL [ISSUER_CN]
  dates as 2030-06-15T12:00:00Z; writes OUT_PREFIX.crt.der, .key.der (PKCS#8), .pub.der (SPKI)
"""
import datetime
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def when(s):
    return datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")


def main():
    prefix, cn, not_before, not_after, serial = sys.argv[1:6]
    issuer_cn = sys.argv[6] if len(sys.argv) > 6 else cn
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "TokenDesk Tests"),
                         x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    issuer = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "TokenDesk Tests"),
                        x509.NameAttribute(NameOID.COMMON_NAME, issuer_cn)])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
            .public_key(key.public_key()).serial_number(int(serial, 16))
            .not_valid_before(when(not_before)).not_valid_after(when(not_after))
            .sign(key, hashes.SHA256()))
    with open(prefix + ".crt.der", "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.DER))
    with open(prefix + ".key.der", "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    with open(prefix + ".pub.der", "wb") as f:
        f.write(key.public_key().public_bytes(serialization.Encoding.DER,
                                              serialization.PublicFormat.SubjectPublicKeyInfo))


if __name__ == "__main__":
    main()
