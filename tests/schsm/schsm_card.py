#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A SmartCard-HSM emulation for TokenDesk's tests.

It speaks vpcd's socket protocol (vsmartcard-vpcd): the card connects to the
reader driver over TCP; every message is a 2-byte big-endian length and a
payload. One-byte payloads are power off (0), power on (1), reset (2) and
get-ATR (4); anything longer is a command APDU, answered with data and SW.

The command subset is what OpenSC 0.23's sc-hsm driver, its PKCS#15 emulation,
sc-hsm-tool and TokenDesk use for device status, initialization, DKEK share
import, key generation (GENERATE ASYMMETRIC KEY PAIR: RSA 1024-4096, EC P-256,
P-384, P-521), signing (RSA raw, ECDSA), and key backup: WRAP KEY and UNWRAP KEY
with the key blob of tests/data/schsm/README.md (KCV, key type, algorithm,
allowed algorithms, access conditions, key domain OID, AES-256-CBC under
SHA-256(DKEK || 00000001), AES-CMAC under SHA-256(DKEK || 00000002)). It is written from the behaviour those clients expect (OpenSC's
card-sc-hsm.c, pkcs15-sc-hsm.c, sc-hsm-tool.c) and CardContact's public
description of the command set; where the real device's answer is not
documented, the choice made here is named in a comment.

A control socket (a UNIX socket, one line per command, answered "ok" or
"error ...") lets a test remove and insert the card, arm a fault, reset the
device to its factory state or read its state for diagnostics. Faults:
vanish-on-import N (the card leaves during the N-th IMPORT DKEK SHARE),
refuse-import N SW (the N-th share is answered with SW and not taken),
corrupt-next-import, hold-import (the next share waits until "release";
"holding" answers "ok yes" meanwhile).
"""

import argparse
import hashlib
import json
import os
import secrets
import socket
import struct
import sys
import threading
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

AID = bytes.fromhex("E82B0601040181C31F0201")
# The ATR of the standard SmartCard-HSM (OpenSC matches it by ATR).
ATR = bytes.fromhex("3BFE1800008131FE458031815448534D31738021408107FA")
# The SO-PIN a Nitrokey HSM leaves the factory with (vendor documentation).
VENDOR_DEFAULT_SO_PIN = bytes.fromhex("3537363231383830")
VENDOR_DEFAULT_USER_PIN = b"648219"
FIRMWARE = (3, 5)
SO_PIN_TRIES = 15
DEVICE_CERT_FID = 0x2F02
RRC_ENABLED = 0x0001      # INITIALIZE option: the SO-PIN may reset the user PIN
TRANSPORT_PIN = 0x0002    # INITIALIZE option: user PIN must be changed before use

# Domain parameters of the curves the device generates and unwraps keys on, in the
# CV public key's tags: 81 prime, 82 A, 83 B, 84 G, 85 order, 87 cofactor (86 is Q).
CURVES = {
    "secp256r1": (ec.SECP256R1, {
        0x81: "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF",
        0x82: "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC",
        0x83: "5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B",
        0x84: "046B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
              "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5",
        0x85: "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551",
        0x87: "01",
    }),
    "secp384r1": (ec.SECP384R1, {
        0x81: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF",
        0x82: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFC",
        0x83: "B3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF",
        0x84: "04AA87CA22BE8B05378EB1C71EF320AD746E1D3B628BA79B9859F741E082542A385502F25DBF55296C3A545E3872760AB7"
              "3617DE4A96262C6F5D9E98BF9292DC29F8F41DBD289A147CE9DA3113B5F0B8C00A60B1CE1D7E819D7A431D7C90EA0E5F",
        0x85: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973",
        0x87: "01",
    }),
    "secp521r1": (ec.SECP521R1, {
        0x81: "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
        0x82: "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC",
        0x83: "0051953EB9618E1C9A1F929A21A0B68540EEA2DA725B99B315F3B8B489918EF109E156193951EC7E937B1652C0BD3BB1BF073573DF883D2C34F1EF451FD46B503F00",
        0x84: "0400C6858E06B70404E9CD9E3ECB662395B4429C648139053FB521F828AF606B4D3DBAA14B5E77EFE75928FE1DC127A2FFA8DE3348B3C1856A429BF97E7E31C2E5BD66"
              "011839296A789A3BC0045C8A5FB42C7D1BD998F54449579B446817AFBD17273E662C97EE72995EF42640C550B9013FAD0761353C7086A272C24088BE94769FD16650",
        0x85: "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409",
        0x87: "01",
    }),
}
P256 = CURVES["secp256r1"][1]
# id-TA-ECDSA-SHA-256 and id-TA-RSA-v1-5-SHA-256 (BSI TR-03110): what OpenSC puts in a
# key generation request, and the algorithm field of a key blob.
TA_ECDSA_SHA256 = bytes.fromhex("04007F00070202020203")
TA_RSA_V15_SHA256 = bytes.fromhex("04007F00070202020102")
# Key blob key types (the byte after the DKEK check value).
BLOB_RSA = 5          # RSA as key size, D, N, E
BLOB_EC = 12          # EC as key size, A, B, prime, order, G, D, Q
# Algorithm identifiers of SIGN (P2) and the key blob's "allowed algorithms" list.
ALG_RSA_RAW = 0x20
ALG_EC_RAW = 0x70
ALG_EC_HASH = {0x71: hashes.SHA1, 0x72: hashes.SHA224, 0x73: hashes.SHA256}
ALG_WRAP = 0x92
ALG_UNWRAP = 0x93
KEY_PREFIX = 0xCC


class CardError(Exception):
    def __init__(self, sw):
        super().__init__("SW %04X" % sw)
        self.sw = sw


class EndOfFile(CardError):
    """Fewer bytes than asked for: the data travels with SW 6282."""
    def __init__(self, chunk):
        super().__init__(0x6282)
        self.chunk = chunk


def tlv(tag, value):
    tag_bytes = tag.to_bytes(2, "big") if tag > 0xFF else bytes([tag])
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n < 0x100:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82]) + n.to_bytes(2, "big")
    return tag_bytes + length + value


def parse_simple_tlv(data):
    """One-byte tags and lengths below 0x80 (INITIALIZE DEVICE's data)."""
    out = {}
    i = 0
    while i < len(data):
        if i + 2 > len(data):
            raise CardError(0x6A80)
        tag, n = data[i], data[i + 1]
        if n >= 0x80 or i + 2 + n > len(data):
            raise CardError(0x6A80)
        out[tag] = data[i + 2:i + 2 + n]
        i += 2 + n
    return out


def parse_ber_tlv(data, i):
    """(tag, value, next index) of a BER-TLV with 1- or 2-byte tag at data[i]."""
    if i >= len(data):
        raise CardError(0x6A80)
    tag = data[i]
    i += 1
    if tag & 0x1F == 0x1F:
        if i >= len(data):
            raise CardError(0x6A80)
        tag = (tag << 8) | data[i]
        i += 1
    if i >= len(data):
        raise CardError(0x6A80)
    n = data[i]
    i += 1
    if n == 0x81:
        if i >= len(data):
            raise CardError(0x6A80)
        n = data[i]
        i += 1
    elif n == 0x82:
        if i + 2 > len(data):
            raise CardError(0x6A80)
        n = int.from_bytes(data[i:i + 2], "big")
        i += 2
    elif n >= 0x80:
        raise CardError(0x6A80)
    if i + n > len(data):
        raise CardError(0x6A80)
    return tag, data[i:i + n], i + n


class Apdu:
    """A parsed command APDU (short or extended length); raises 6700 if malformed."""

    def __init__(self, raw):
        if len(raw) < 4:
            raise CardError(0x6700)
        self.cla, self.ins, self.p1, self.p2 = raw[0], raw[1], raw[2], raw[3]
        body = raw[4:]
        self.data = b""
        self.ne = 0
        if not body:
            return
        if len(body) == 1:
            self.ne = body[0] or 256
            return
        if body[0] != 0:
            lc = body[0]
            if len(body) == 1 + lc:
                self.data = body[1:]
            elif len(body) == 2 + lc:
                self.data = body[1:1 + lc]
                self.ne = body[-1] or 256
            else:
                raise CardError(0x6700)
            return
        if len(body) == 3:
            self.ne = int.from_bytes(body[1:3], "big") or 65536
            return
        lc = int.from_bytes(body[1:3], "big")
        if lc == 0:
            raise CardError(0x6700)
        if len(body) == 3 + lc:
            self.data = body[3:]
        elif len(body) == 5 + lc:
            self.data = body[3:3 + lc]
            self.ne = int.from_bytes(body[-2:], "big") or 65536
        else:
            raise CardError(0x6700)


class Pin:
    def __init__(self, value, tries):
        self.value = value
        self.max = tries
        self.left = tries

    def check(self, candidate):
        """SW for a VERIFY with candidate; updates the retry counter."""
        if self.left == 0:
            raise CardError(0x6983)
        if secrets.compare_digest(candidate, self.value):
            self.left = self.max
            return True
        self.left -= 1
        raise CardError(0x63C0 | self.left)


def int_bytes(value, size=None):
    return value.to_bytes(size or max(1, (value.bit_length() + 7) // 8), "big")


def children(data):
    """The TLVs of a constructed value as {tag: value}; 6A80 when malformed."""
    out = {}
    i = 0
    while i < len(data):
        tag, value, i = parse_ber_tlv(data, i)
        out[tag] = value
    return out


def cv_signature(key, body):
    """A CV signature over body: r ‖ s for ECDSA (TR-03110), PKCS #1 v1.5 for RSA."""
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(body, padding.PKCS1v15(), hashes.SHA256())
    r, s = utils.decode_dss_signature(key.sign(body, ec.ECDSA(hashes.SHA256())))
    size = (key.curve.key_size + 7) // 8
    return int_bytes(r, size) + int_bytes(s, size)


def curve_by_prime(prime):
    value = int.from_bytes(prime, "big")
    for name, (_, params) in CURVES.items():
        if int(params[0x81], 16) == value:
            return name
    return None


class DeviceKey:
    """A private key on the device with the attributes a key blob carries."""

    def __init__(self, private, algorithm, allowed=b"", access=b"", key_oid=b""):
        self.private = private
        self.algorithm = algorithm      # the CV algorithm OID (blob field 1)
        self.allowed = allowed          # allowed algorithms; empty: any
        self.access = access            # access conditions (kept, not enforced)
        self.key_oid = key_oid          # key domain OID (kept, not enforced)

    def is_ec(self):
        return isinstance(self.private, ec.EllipticCurvePrivateKey)

    def curve_params(self):
        return CURVES[self.private.curve.name][1]

    def allows(self, alg):
        return not self.allowed or alg in self.allowed

    def public_cv(self):
        """The CV public key (7F49) as GENERATE ASYMMETRIC KEY PAIR returns it."""
        if self.is_ec():
            params = self.curve_params()
            point = self.private.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
            body = tlv(0x06, self.algorithm)
            for tag in (0x81, 0x82, 0x83, 0x84, 0x85):
                body += tlv(tag, bytes.fromhex(params[tag]))
            return tlv(0x7F49, body + tlv(0x86, point) + tlv(0x87, bytes.fromhex(params[0x87])))
        pub = self.private.public_key().public_numbers()
        return tlv(0x7F49, tlv(0x06, self.algorithm) + tlv(0x81, int_bytes(pub.n)) + tlv(0x82, int_bytes(pub.e)))

    def components(self):
        """(blob key type, key size, components) of the plain key blob."""
        if self.is_ec():
            params = self.curve_params()
            size = self.private.curve.key_size
            order_len = len(bytes.fromhex(params[0x85]))
            d = self.private.private_numbers().private_value
            q = self.private.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
            return BLOB_EC, size, [bytes.fromhex(params[t]) for t in (0x82, 0x83, 0x81, 0x85, 0x84)] + [
                int_bytes(d, order_len), q]
        numbers = self.private.private_numbers()
        n = numbers.public_numbers.n
        size = n.bit_length()
        return BLOB_RSA, size, [int_bytes(numbers.d, (size + 7) // 8), int_bytes(n, (size + 7) // 8),
                                int_bytes(numbers.public_numbers.e)]


def blob_keys(dkek):
    return (hashlib.sha256(dkek + b"\0\0\0\1").digest(), hashlib.sha256(dkek + b"\0\0\0\2").digest())


def wrap_blob(dkek, key):
    """The key blob of key under dkek: KCV ‖ type ‖ 4 length-prefixed fields ‖
    AES-256-CBC(random 8 ‖ key size ‖ components ‖ 80 00..) ‖ AES-CMAC."""
    enc_key, mac_key = blob_keys(dkek)
    key_type, size, parts = key.components()
    plain = secrets.token_bytes(8) + size.to_bytes(2, "big")
    for part in parts:
        plain += len(part).to_bytes(2, "big") + part
    plain += b"\x80" + bytes(-(len(plain) + 1) % 16)
    enc = Cipher(algorithms.AES(enc_key), modes.CBC(bytes(16))).encryptor()
    blob = hashlib.sha256(dkek).digest()[:8] + bytes([key_type])
    for field in (key.algorithm, key.allowed, key.access, key.key_oid):
        blob += len(field).to_bytes(2, "big") + field
    blob += enc.update(plain) + enc.finalize()
    mac = CMAC(algorithms.AES(mac_key))
    mac.update(blob)
    return blob + mac.finalize()


def unwrap_blob(dkek, blob):
    """The DeviceKey in blob; CardError 6A80 when it was not made under dkek, was
    changed, or holds a key that does not fit together (emulation choice: the
    device's status word for these cases is not documented)."""
    enc_key, mac_key = blob_keys(dkek)
    if len(blob) < 8 + 1 + 8 + 16 + 16:
        raise CardError(0x6A80)
    if not secrets.compare_digest(blob[:8], hashlib.sha256(dkek).digest()[:8]):
        raise CardError(0x6A80)
    mac = CMAC(algorithms.AES(mac_key))
    mac.update(blob[:-16])
    try:
        mac.verify(blob[-16:])
    except InvalidSignature:
        raise CardError(0x6A80) from None
    key_type = blob[8]
    pos = 9
    fields = []
    for _ in range(4):
        if pos + 2 > len(blob) - 16:
            raise CardError(0x6A80)
        n = int.from_bytes(blob[pos:pos + 2], "big")
        if pos + 2 + n > len(blob) - 16:
            raise CardError(0x6A80)
        fields.append(blob[pos + 2:pos + 2 + n])
        pos += 2 + n
    encrypted = blob[pos:-16]
    if not encrypted or len(encrypted) % 16:
        raise CardError(0x6A80)
    dec = Cipher(algorithms.AES(enc_key), modes.CBC(bytes(16))).decryptor()
    plain = dec.update(encrypted) + dec.finalize()
    pos = 10
    parts = []
    want = {BLOB_RSA: 3, BLOB_EC: 7}.get(key_type)
    if want is None:
        raise CardError(0x6A80)  # RSA with CRT (type 6) and AES keys: not emulated
    while len(parts) < want:
        if pos + 2 > len(plain):
            raise CardError(0x6A80)
        n = int.from_bytes(plain[pos:pos + 2], "big")
        if pos + 2 + n > len(plain):
            raise CardError(0x6A80)
        parts.append(plain[pos + 2:pos + 2 + n])
        pos += 2 + n
    num = lambda b: int.from_bytes(b, "big")
    try:
        if key_type == BLOB_RSA:
            d, n, e = (num(x) for x in parts)
            if n < 3 or pow(pow(2, e, n), d, n) != 2:
                raise CardError(0x6A80)
            p, q = rsa.rsa_recover_prime_factors(n, e, d)
            private = rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q),
                                            rsa.rsa_crt_iqmp(p, q), rsa.RSAPublicNumbers(e, n)).private_key()
        else:
            name = curve_by_prime(parts[2])
            if name is None:
                raise CardError(0x6A80)
            private = ec.derive_private_key(num(parts[5]), CURVES[name][0]())
            point = private.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
            if parts[6] and parts[6] != point:
                raise CardError(0x6A80)
    except ValueError:
        raise CardError(0x6A80) from None
    return DeviceKey(private, fields[0], fields[1], fields[2], fields[3])


class Device:
    """The card's persistent state and the volatile state of one power cycle."""

    def __init__(self, serial):
        self.serial = serial
        self.device_key = ec.generate_private_key(ec.SECP256R1())
        self.issuer_key = ec.generate_private_key(ec.SECP256R1())
        self.factory_reset()

    # --- persistent state -------------------------------------------------
    def factory_reset(self, vendor_default=False):
        """Never initialized, or (vendor_default) as a Nitrokey HSM leaves the factory."""
        self.initialized = False
        self.so_pin = None
        self.user_pin = None
        self.transport_pin = False
        self.options = 0
        self.dkek_total = 0
        self.dkek_outstanding = 0
        self.dkek = bytes(32)
        self.dkek_initialized = False
        # Key domains 1..n (INITIALIZE tag 97 gives n; domain 0 is the DKEK above):
        # None when not set up, else {"total", "outstanding", "dkek"}.
        self.key_domains = []
        self.files = {DEVICE_CERT_FID: self.device_certificate()}
        self.keys = {}
        self.power_cycle()
        if vendor_default:
            self.initialize({0x80: RRC_ENABLED.to_bytes(2, "big"), 0x81: VENDOR_DEFAULT_USER_PIN,
                             0x82: VENDOR_DEFAULT_SO_PIN, 0x91: b"\x03"})
            self.power_cycle()

    def power_cycle(self):
        self.selected = False
        self.user_verified = False
        self.current_ef = None

    def device_certificate(self):
        """EF.C_DevAut: the device's CV certificate (its CHR carries the serial)."""
        point = self.device_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        pub = tlv(0x06, TA_ECDSA_SHA256)
        for tag in (0x81, 0x82, 0x83, 0x84, 0x85):
            pub += tlv(tag, bytes.fromhex(P256[tag]))
        pub += tlv(0x86, point) + tlv(0x87, bytes.fromhex(P256[0x87]))
        chr_ = (self.serial + "00001").encode()
        body = tlv(0x7F4E, tlv(0x5F29, b"\x00") + tlv(0x42, b"DETDICA00001")
                   + tlv(0x7F49, pub) + tlv(0x5F20, chr_))
        der = self.issuer_key.sign(body, ec.ECDSA(hashes.SHA256()))
        r, s = utils.decode_dss_signature(der)
        return tlv(0x7F21, body + tlv(0x5F37, r.to_bytes(32, "big") + s.to_bytes(32, "big")))

    def dkek_kcv(self):
        return hashlib.sha256(self.dkek).digest()[:8]

    def dkek_complete(self):
        """Keys leave and enter the device only under a DKEK made of shares, all of
        them imported (OpenSC: "Use with --dkek-shares to enable key wrap / unwrap")."""
        return self.dkek_total > 0 and self.dkek_outstanding == 0

    def initialize(self, fields):
        if 0x81 not in fields or 0x82 not in fields or len(fields[0x82]) != 8:
            raise CardError(0x6A80)
        if self.initialized:
            self.so_pin.check(fields[0x82])
        user_pin = fields[0x81]
        retry = fields.get(0x91, b"\x03")
        if not 6 <= len(user_pin) <= 16 or len(retry) != 1 or not 1 <= retry[0] <= 10:
            raise CardError(0x6A80)
        options = int.from_bytes(fields.get(0x80, b"\x00\x01"), "big")
        if 0x93 in fields or 0x95 in fields or 0x96 in fields:
            raise CardError(0x6A80)  # public key authentication, biometrics: not emulated
        shares = fields.get(0x92)
        if shares is not None and (len(shares) != 1 or shares[0] > 16):
            raise CardError(0x6A80)
        domains = fields.get(0x97, b"\x00")
        if len(domains) != 1 or domains[0] > 16:
            raise CardError(0x6A80)
        self.initialized = True
        self.so_pin = Pin(fields[0x82], SO_PIN_TRIES)
        self.user_pin = Pin(user_pin, retry[0])
        self.options = options
        self.transport_pin = bool(options & TRANSPORT_PIN)
        self.files = {DEVICE_CERT_FID: self.files[DEVICE_CERT_FID]}
        self.keys = {}
        self.key_domains = [None] * domains[0]
        # Emulation choice: without shares (tag absent or 0) the device draws a
        # DKEK nobody knows, and WRAP/UNWRAP KEY are refused (dkek_complete()).
        if shares and shares[0] > 0:
            self.dkek_total = self.dkek_outstanding = shares[0]
            self.dkek = bytes(32)
        else:
            self.dkek_total = self.dkek_outstanding = 0
            self.dkek = secrets.token_bytes(32)
        self.user_verified = False


class Card:
    """Dispatches APDUs against a Device."""

    def __init__(self, device, log):
        self.dev = device
        self.log = log
        self.lock = threading.Lock()
        self.vanish_on_import = 0   # >0: drop the connection on the n-th IMPORT DKEK SHARE
        self.corrupt_next_import = False  # flip a bit of the next share (a faulty device)
        self.refuse_import = (0, 0)  # (n, sw): answer the n-th IMPORT DKEK SHARE with sw, share not taken
        self.hold_import = False     # the next IMPORT DKEK SHARE waits for "release" (a slow device)
        self.holding = threading.Event()
        self.released = threading.Event()
        self.vanished = threading.Event()

    def dispatch(self, a):
        d = self.dev
        if a.ins == 0xA4:
            return self.select(a)
        if a.ins == 0x84:
            return secrets.token_bytes(a.ne or 8)
        if not d.selected:
            raise CardError(0x6D00)
        handler = {
            (0x00, 0x20): self.verify,
            (0x00, 0x24): self.change_reference_data,
            (0x00, 0x2C): self.reset_retry_counter,
            (0x80, 0x50): self.initialize,
            (0x80, 0x52): self.import_dkek_share,
            (0x80, 0x58): self.enumerate_objects,
            (0x00, 0xB1): self.read_binary,
            (0x00, 0xD7): self.update_binary,
            (0x00, 0xE4): self.delete_file,
            (0x00, 0x46): self.generate_key_pair,
            (0x80, 0x68): self.sign,
            (0x80, 0x72): self.wrap_key,
            (0x80, 0x74): self.unwrap_key,
        }.get((a.cla, a.ins))
        if handler is None:
            raise CardError(0x6D00)
        return handler(a)

    # --- SELECT ------------------------------------------------------------
    def select(self, a):
        d = self.dev
        if a.p1 == 0x04:
            if a.data != AID:
                raise CardError(0x6A82)
            # Selecting the application ends any PIN verification (OpenSC
            # caches the FCP to avoid re-selecting for that reason).
            d.selected = True
            d.current_ef = None
            d.user_verified = False
            prop = d.options.to_bytes(2, "big") + bytes([0xFF, FIRMWARE[0], FIRMWARE[1]])
            fcp = tlv(0x62, tlv(0x82, b"\x38") + tlv(0x85, prop))
            return b"" if a.p2 == 0x0C else fcp
        if not d.selected:
            raise CardError(0x6A82)
        if a.p1 == 0x00 and len(a.data) == 2:
            fid = int.from_bytes(a.data, "big")
            if fid not in d.files:
                raise CardError(0x6A82)
            d.current_ef = fid
            size = len(d.files[fid])
            fcp = tlv(0x62, tlv(0x80, size.to_bytes(2, "big")) + tlv(0x82, b"\x01")
                      + tlv(0x83, a.data))
            return b"" if a.p2 == 0x0C else fcp
        raise CardError(0x6A82)

    # --- PINs --------------------------------------------------------------
    def pin_for(self, ref):
        d = self.dev
        if ref == 0x81:
            if not d.initialized:
                raise CardError(0x6A88)
            return d.user_pin
        if ref == 0x88:
            if not d.initialized:
                raise CardError(0x6A88)
            return d.so_pin
        raise CardError(0x6A88)  # 0x85/0x86 (biometric templates): none here

    def verify(self, a):
        d = self.dev
        if a.p1 != 0x00:
            raise CardError(0x6A86)
        pin = self.pin_for(a.p2)
        if not a.data:
            # Status only: tries left, never a PIN.
            if pin.left == 0:
                raise CardError(0x6983)
            if a.p2 == 0x81 and d.transport_pin:
                raise CardError(0x6984)
            if a.p2 == 0x81 and d.user_verified:
                return b""
            raise CardError(0x63C0 | pin.left)
        if a.p2 == 0x81 and d.transport_pin:
            raise CardError(0x6984)
        try:
            pin.check(a.data)
        except CardError:
            if a.p2 == 0x81:
                d.user_verified = False
            raise
        if a.p2 == 0x81:
            d.user_verified = True
        return b""

    def change_reference_data(self, a):
        d = self.dev
        if a.p1 != 0x00:
            raise CardError(0x6A86)
        pin = self.pin_for(a.p2)
        old_len = len(pin.value)
        if len(a.data) <= old_len:
            raise CardError(0x6700)
        old, new = a.data[:old_len], a.data[old_len:]
        if a.p2 == 0x88 and len(new) != 8:
            raise CardError(0x6700)
        if a.p2 == 0x81 and not 6 <= len(new) <= 16:
            raise CardError(0x6700)
        pin.check(old)
        pin.value = new
        if a.p2 == 0x81:
            d.transport_pin = False
            d.user_verified = True
        return b""

    def reset_retry_counter(self, a):
        d = self.dev
        if a.p2 != 0x81 or a.p1 not in (0x00, 0x01):
            raise CardError(0x6A86)
        if not d.initialized:
            raise CardError(0x6A88)
        if not d.options & RRC_ENABLED:
            raise CardError(0x6985)
        if len(a.data) < 8 or (a.p1 == 0x01 and len(a.data) != 8):
            raise CardError(0x6700)
        new = a.data[8:]
        if a.p1 == 0x00 and not 6 <= len(new) <= 16:
            raise CardError(0x6700)
        d.so_pin.check(a.data[:8])
        if a.p1 == 0x00:
            d.user_pin.value = new
        d.user_pin.left = d.user_pin.max
        return b""

    # --- device management -------------------------------------------------
    def initialize(self, a):
        if a.p1 != 0 or a.p2 != 0:
            raise CardError(0x6A86)
        self.dev.initialize(parse_simple_tlv(a.data))
        self.log("initialized: %d DKEK share(s), options %04X" % (self.dev.dkek_total, self.dev.options))
        return b""

    def key_domain(self, a):
        """MANAGE KEY DOMAIN for domains 1..n: status (P1 00, no data), a share
        (P1 00 with 32 bytes), or set up with n shares (P1 01, one byte); the
        two that change something need the user PIN. XKEK domains: not emulated."""
        d = self.dev
        if a.p2 == 0 or a.p2 > len(d.key_domains) or a.p1 not in (0x00, 0x01):
            raise CardError(0x6A86)
        kd = d.key_domains[a.p2 - 1]
        if a.data and not d.user_verified:
            raise CardError(0x6982)
        if a.p1 == 0x01:
            if kd is not None:
                raise CardError(0x6A86)
            if len(a.data) != 1 or not 1 <= a.data[0] <= 16:
                raise CardError(0x6700)
            kd = d.key_domains[a.p2 - 1] = {"total": a.data[0], "outstanding": a.data[0], "dkek": bytes(32)}
            self.log("key domain %d set up for %d share(s)" % (a.p2, a.data[0]))
        elif kd is None:
            raise CardError(0x6A88)
        elif a.data:
            if len(a.data) != 32:
                raise CardError(0x6700)
            if kd["outstanding"] == 0:
                raise CardError(0x6985)
            kd["dkek"] = bytes(x ^ y for x, y in zip(kd["dkek"], a.data))
            kd["outstanding"] -= 1
        return bytes([kd["total"], kd["outstanding"]]) + hashlib.sha256(kd["dkek"]).digest()[:8]

    def import_dkek_share(self, a):
        d = self.dev
        if not d.initialized:
            raise CardError(0x6985)
        if a.p1 != 0x00 or a.p2 != 0x00:
            return self.key_domain(a)
        if a.data:
            if self.hold_import:
                self.hold_import = False
                self.holding.set()
                self.log("IMPORT DKEK SHARE held (fault armed by the test)")
                self.released.wait()
                self.released.clear()
                self.holding.clear()
            n, sw = self.refuse_import
            if n > 0:
                self.refuse_import = (n - 1, sw)
                if n == 1:
                    self.log("IMPORT DKEK SHARE refused with %04X (fault armed by the test)" % sw)
                    raise CardError(sw)
            if self.vanish_on_import > 0:
                self.vanish_on_import -= 1
                if self.vanish_on_import == 0:
                    self.log("card removed during IMPORT DKEK SHARE (fault armed by the test)")
                    self.vanished.set()
                    raise ConnectionAbortedError("vanish")
            if len(a.data) != 32:
                raise CardError(0x6700)
            if d.dkek_outstanding == 0:
                raise CardError(0x6985)
            share = a.data
            if self.corrupt_next_import:
                self.corrupt_next_import = False
                share = bytes([share[0] ^ 0x01]) + share[1:]
                self.log("DKEK share corrupted on purpose (fault armed by the test)")
            d.dkek = bytes(x ^ y for x, y in zip(d.dkek, share))
            d.dkek_outstanding -= 1
            self.log("DKEK share imported, %d outstanding" % d.dkek_outstanding)
        return bytes([d.dkek_total, d.dkek_outstanding]) + d.dkek_kcv()

    def enumerate_objects(self, a):
        d = self.dev
        # CC00 is the device authentication key (EF.C_DevAut's key): always there,
        # and it keeps OpenSC's search for a free key reference from taking 0.
        fids = sorted(set(d.files) | {KEY_PREFIX << 8} | {(KEY_PREFIX << 8) | k for k in d.keys})
        return b"".join(f.to_bytes(2, "big") for f in fids)

    def read_binary(self, a):
        d = self.dev
        fid = (a.p1 << 8) | a.p2
        if fid == 0:
            fid = d.current_ef
        if fid is None or fid not in d.files:
            raise CardError(0x6A82)
        _, off, _ = parse_ber_tlv(a.data, 0)
        offset = int.from_bytes(off, "big")
        content = d.files[fid]
        if offset > len(content):
            raise CardError(0x6B00)
        chunk = content[offset:offset + (a.ne or 256)]
        d.current_ef = fid
        if len(chunk) < (a.ne or 256):
            # End of file before Le bytes: the data with 6282, as OpenSC's driver expects.
            raise EndOfFile(chunk)
        return chunk

    def update_binary(self, a):
        d = self.dev
        if not d.user_verified:
            raise CardError(0x6982)
        fid = (a.p1 << 8) | a.p2
        if fid == 0:
            fid = d.current_ef
        if fid is None or fid == DEVICE_CERT_FID:
            raise CardError(0x6982)
        tag, off, i = parse_ber_tlv(a.data, 0)
        if tag != 0x54:
            raise CardError(0x6A80)
        tag, value, i = parse_ber_tlv(a.data, i)
        if tag != 0x53:
            raise CardError(0x6A80)
        offset = int.from_bytes(off, "big")
        content = bytearray(d.files.get(fid, b""))
        if offset > len(content):
            raise CardError(0x6B00)
        content[offset:offset + len(value)] = value
        d.files[fid] = bytes(content)
        d.current_ef = fid
        return b""

    def delete_file(self, a):
        d = self.dev
        if not d.user_verified:
            raise CardError(0x6982)
        if a.p1 != 0x02 or len(a.data) != 2:
            raise CardError(0x6A86)
        fid = int.from_bytes(a.data, "big")
        if fid >> 8 == KEY_PREFIX and fid & 0xFF in d.keys:
            del d.keys[fid & 0xFF]
            self.log("key %d deleted" % (fid & 0xFF))
            return b""
        if fid not in d.files or fid == DEVICE_CERT_FID:
            raise CardError(0x6A82)
        del d.files[fid]
        return b""


    # --- keys --------------------------------------------------------------
    def key_for(self, a):
        d = self.dev
        if not d.user_verified:
            raise CardError(0x6982)
        key = d.keys.get(a.p1)
        if key is None:
            raise CardError(0x6A88)
        return key

    def generate_key_pair(self, a):
        """GENERATE ASYMMETRIC KEY PAIR: P1 the key reference, data the CV request
        template (5F29, 42 CAR, 7F49 with the algorithm OID and either RSA's 82
        exponent and 02 size or the curve's 81..87, 5F20 CHR; 91 the allowed
        algorithms). Answers the authenticated CV request (67) the way OpenSC's
        keygen stores it in EF CExx: inner request signed by the new key, outer
        signature by the device key."""
        d = self.dev
        if not d.user_verified:
            raise CardError(0x6982)
        if a.p1 == 0 or a.p2 != 0:
            raise CardError(0x6A86)
        fields = children(a.data)
        if 0x7F49 not in fields:
            raise CardError(0x6A80)
        pub = children(fields[0x7F49])
        oid = pub.get(0x06, b"")
        if 0x81 in pub:
            name = curve_by_prime(pub[0x81])
            if name is None or oid != TA_ECDSA_SHA256:
                raise CardError(0x6A80)
            private = ec.generate_private_key(CURVES[name][0]())
        else:
            size = int.from_bytes(pub.get(0x02, b""), "big")
            exponent = int.from_bytes(pub.get(0x82, b"\x01\x00\x01"), "big")
            if not 1024 <= size <= 4096 or size % 256 or exponent != 65537 or oid != TA_RSA_V15_SHA256:
                raise CardError(0x6A80)
            private = rsa.generate_private_key(public_exponent=exponent, key_size=size)
        key = DeviceKey(private, oid, allowed=fields.get(0x91, b""))
        d.keys[a.p1] = key
        body = tlv(0x7F4E, tlv(0x5F29, fields.get(0x5F29, b"\x00")) + tlv(0x42, fields.get(0x42, b"UTCA00001"))
                   + key.public_cv() + tlv(0x5F20, fields.get(0x5F20, b"UTTM00001")))
        inner = tlv(0x7F21, body + tlv(0x5F37, cv_signature(private, body)))
        outer_car = tlv(0x42, (d.serial + "00001").encode())
        outer = inner + outer_car
        self.log("key %d generated (%s)" % (a.p1, "EC " + private.curve.name if key.is_ec()
                                             else "RSA %d" % private.key_size))
        return tlv(0x67, outer + tlv(0x5F37, cv_signature(d.device_key, outer)))

    def sign(self, a):
        """SIGN: P1 the key, P2 the algorithm (20 RSA raw, 70 ECDSA of a hash,
        71..73 ECDSA with SHA-1/224/256 on the device). ECDSA answers DER."""
        key = self.key_for(a)
        if not key.allows(a.p2):
            raise CardError(0x6985)
        if a.p2 == ALG_RSA_RAW and not key.is_ec():
            numbers = key.private.private_numbers()
            n = numbers.public_numbers.n
            size = (n.bit_length() + 7) // 8
            m = int.from_bytes(a.data, "big")
            if len(a.data) != size or m >= n:
                raise CardError(0x6A80)
            return int_bytes(pow(m, numbers.d, n), size)
        if a.p2 == ALG_EC_RAW and key.is_ec():
            hash_for = {20: hashes.SHA1, 28: hashes.SHA224, 32: hashes.SHA256, 48: hashes.SHA384,
                        64: hashes.SHA512}.get(len(a.data))
            if hash_for is None:
                raise CardError(0x6A80)
            return key.private.sign(a.data, ec.ECDSA(utils.Prehashed(hash_for())))
        if a.p2 in ALG_EC_HASH and key.is_ec():
            return key.private.sign(a.data, ec.ECDSA(ALG_EC_HASH[a.p2]()))
        raise CardError(0x6A81)

    def wrap_key(self, a):
        """WRAP KEY (P2 92): the key blob under the DKEK. Refused with 6985 while
        the DKEK is not complete and for a key whose allowed algorithms leave out
        key wrapping (emulation choice for the SW: "conditions of use not satisfied")."""
        d = self.dev
        if a.p2 != ALG_WRAP:
            raise CardError(0x6A86)
        key = self.key_for(a)
        if not d.dkek_complete() or not key.allows(ALG_WRAP):
            raise CardError(0x6985)
        self.log("key %d wrapped" % a.p1)
        return wrap_blob(d.dkek, key)

    def unwrap_key(self, a):
        """UNWRAP KEY (P2 93): a key blob made under this device's DKEK becomes key
        P1. 6985 while the DKEK is not complete, 6A89 when P1 holds a key
        (sc-hsm-tool --force deletes it first), 6A80 for a blob of another DKEK."""
        d = self.dev
        if a.p2 != ALG_UNWRAP or a.p1 == 0:
            raise CardError(0x6A86)
        if not d.user_verified:
            raise CardError(0x6982)
        if not d.dkek_complete():
            raise CardError(0x6985)
        if a.p1 in d.keys:
            raise CardError(0x6A89)
        d.keys[a.p1] = unwrap_blob(d.dkek, a.data)
        self.log("key %d unwrapped" % a.p1)
        return b""

def process_apdu(card, raw):
    with card.lock:
        try:
            apdu = Apdu(raw)
            data = card.dispatch(apdu)
            if apdu.ne and len(data) > apdu.ne:
                data = data[:apdu.ne]
            return data + b"\x90\x00"
        except EndOfFile as e:
            return e.chunk + b"\x62\x82"
        except CardError as e:
            return e.sw.to_bytes(2, "big")


class Reader:
    """The vpcd connection: inserted while connected, removed otherwise."""

    def __init__(self, card, host, port, log):
        self.card = card
        self.host = host
        self.port = port
        self.log = log
        self.inserted = threading.Event()
        self.inserted.set()
        self.sock = None
        self.sock_lock = threading.Lock()

    def remove(self):
        self.inserted.clear()
        self.drop()

    def drop(self):
        with self.sock_lock:
            if self.sock is not None:
                try:
                    self.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def connect(self):
        while True:
            try:
                return socket.create_connection((self.host, self.port))
            except OSError:
                time.sleep(0.05)  # vpcd not listening yet: pcscd is still starting

    def recv_exact(self, s, n):
        buf = b""
        while len(buf) < n:
            chunk = s.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("closed")
            buf += chunk
        return buf

    def run(self):
        while True:
            self.inserted.wait()
            s = self.connect()
            with self.sock_lock:
                self.sock = s
            self.log("card inserted")
            try:
                while True:
                    n = struct.unpack(">H", self.recv_exact(s, 2))[0]
                    msg = self.recv_exact(s, n)
                    if n == 1:
                        if msg[0] in (0, 1, 2):
                            with self.card.lock:
                                self.card.dev.power_cycle()
                        elif msg[0] == 4:
                            s.sendall(struct.pack(">H", len(ATR)) + ATR)
                        continue
                    resp = process_apdu(self.card, msg)
                    s.sendall(struct.pack(">H", len(resp)) + resp)
            except (ConnectionError, OSError):
                # A card that vanished on purpose stays out until the test inserts it;
                # decided before the socket closes, so no "insert" can come earlier.
                if self.card.vanished.is_set():
                    self.card.vanished.clear()
                    self.inserted.clear()
            finally:
                with self.sock_lock:
                    self.sock = None
                s.close()
            with self.card.lock:
                self.card.dev.power_cycle()
            self.log("card removed")


def state_json(dev):
    return json.dumps({
        "initialized": dev.initialized,
        "so_tries": dev.so_pin.left if dev.so_pin else None,
        "user_tries": dev.user_pin.left if dev.user_pin else None,
        "options": dev.options,
        "dkek_total": dev.dkek_total,
        "dkek_outstanding": dev.dkek_outstanding,
        "key_domains": [None if k is None else [k["total"], k["outstanding"]] for k in dev.key_domains],
        "files": sorted("%04X" % f for f in dev.files),
        "keys": sorted(dev.keys),
    })


def control_loop(path, card, reader, log):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(4)
    while True:
        conn, _ = srv.accept()
        with conn, conn.makefile("rw") as f:
            for line in f:
                words = line.split()
                reply = "ok"
                try:
                    if not words:
                        continue
                    cmd = words[0]
                    if cmd == "remove":
                        reader.remove()
                    elif cmd == "insert":
                        reader.inserted.set()
                    elif cmd == "vanish-on-import":
                        with card.lock:
                            card.vanish_on_import = int(words[1])
                    elif cmd == "corrupt-next-import":
                        with card.lock:
                            card.corrupt_next_import = True
                    elif cmd == "refuse-import":
                        with card.lock:
                            card.refuse_import = (int(words[1]), int(words[2], 16))
                    elif cmd == "hold-import":
                        with card.lock:
                            card.released.clear()  # a "release" sent earlier does not count
                            card.hold_import = True
                    elif cmd == "holding":
                        # No card.lock: the held command owns it.
                        reply = "ok " + ("yes" if card.holding.is_set() else "no")
                    elif cmd == "release":
                        card.released.set()
                    elif cmd == "factory":
                        with card.lock:
                            card.dev.factory_reset(vendor_default=len(words) > 1 and words[1] == "nitrokey")
                    elif cmd == "file":
                        with card.lock:
                            reply = "ok " + card.dev.files.get(int(words[1], 16), b"").hex().upper()
                    elif cmd == "state":
                        with card.lock:
                            reply = "ok " + state_json(card.dev)
                    else:
                        reply = "error unknown command"
                except (IndexError, ValueError) as e:
                    reply = "error %s" % e
                log("control: %s -> %s" % (line.strip(), reply.split(" ")[0]))
                f.write(reply + "\n")
                f.flush()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True, help="vpcd's port (its reader.conf DEVICENAME)")
    p.add_argument("--control", required=True, help="path of the control socket")
    p.add_argument("--serial", default="DETD0000042", help="device serial (the CHR without its sequence number)")
    p.add_argument("--state", choices=["fresh", "nitrokey"], default="fresh",
                   help="never initialized, or as a Nitrokey HSM leaves the factory")
    p.add_argument("--log", help="append a line per event to this file")
    args = p.parse_args()

    log_file = open(args.log, "a", buffering=1) if args.log else None

    def log(msg):
        if log_file:
            log_file.write("schsm_card: %s\n" % msg)

    dev = Device(args.serial)
    if args.state == "nitrokey":
        dev.factory_reset(vendor_default=True)
    card = Card(dev, log)
    reader = Reader(card, args.host, args.port, log)
    threading.Thread(target=control_loop, args=(args.control, card, reader, log), daemon=True).start()
    try:
        reader.run()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
