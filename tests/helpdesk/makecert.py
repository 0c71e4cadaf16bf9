#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A self-signed EC P-256 certificate made with python3-cryptography: an independent
tool for the tests of the certificate summary and of `tokendesk --list`.

  makecert.py --cert OUT.der [--key OUT.key.der] [--rdn CN=Alice] [--rdn O=Example]
              [--email a@b] [--upn u@corp] [--dns host] --not-before WHEN --not-after WHEN

WHEN is "now", "now+SECONDS", "now-SECONDS" (this process's clock) or an ISO date
and time in UTC ("2030-01-01T00:00:00Z"). The key is written as DER PKCS#8.
"""
import argparse
import datetime
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID, ObjectIdentifier

OIDS = {"CN": NameOID.COMMON_NAME, "O": NameOID.ORGANIZATION_NAME, "OU": NameOID.ORGANIZATIONAL_UNIT_NAME,
        "C": NameOID.COUNTRY_NAME, "L": NameOID.LOCALITY_NAME, "ST": NameOID.STATE_OR_PROVINCE_NAME,
        "emailAddress": NameOID.EMAIL_ADDRESS, "serialNumber": NameOID.SERIAL_NUMBER}
UPN = ObjectIdentifier("1.3.6.1.4.1.311.20.2.3")


def when(text, now):
    if text == "now":
        return now
    if text.startswith("now+") or text.startswith("now-"):
        seconds = int(text[4:])
        return now + datetime.timedelta(seconds=seconds if text[3] == "+" else -seconds)
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)


def utf8_string(value):
    data = value.encode("utf-8")
    if len(data) >= 128:
        sys.exit("UPN too long for this helper")
    return bytes([0x0C, len(data)]) + data


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cert", required=True)
    p.add_argument("--key")
    p.add_argument("--rdn", action="append", default=[])
    p.add_argument("--email", action="append", default=[])
    p.add_argument("--upn", action="append", default=[])
    p.add_argument("--dns", action="append", default=[])
    p.add_argument("--not-before", required=True)
    p.add_argument("--not-after", required=True)
    a = p.parse_args()
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    name = x509.Name([x509.NameAttribute(OIDS[r.split("=", 1)[0]], r.split("=", 1)[1]) for r in a.rdn])
    key = ec.generate_private_key(ec.SECP256R1())
    b = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
         .serial_number(x509.random_serial_number())
         .not_valid_before(when(a.not_before, now)).not_valid_after(when(a.not_after, now)))
    sans = ([x509.DNSName(d) for d in a.dns] + [x509.OtherName(UPN, utf8_string(u)) for u in a.upn]
            + [x509.RFC822Name(e) for e in a.email])
    if sans:
        b = b.add_extension(x509.SubjectAlternativeName(sans), critical=not a.rdn)
    cert = b.sign(key, hashes.SHA256())
    with open(a.cert, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.DER))
    if a.key:
        with open(a.key, "wb") as f:
            f.write(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))


if __name__ == "__main__":
    main()
