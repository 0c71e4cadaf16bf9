// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "x509/certificatedecoder.h"
#include "x509/certificateinfo.h"
#include "x509/comparablekey.h"
#include "x509/publickey.h"

#include <memory>
#include <optional>

// What an object's attributes decode to, computed once per distinct value (see
// ObjectDecoder) and shared, read-only, by every snapshot and thread that lists it.
struct DecodedObject {
    CertificateDecoding certificate; // certificates only
    ComparableKey key;               // the public key a certificate or key object carries; null when none
};

// Facts derived from an object's attributes, shared by the detail pane and --list.
namespace ObjectFacts {
QString className(CK_OBJECT_CLASS cls);      // "private key", "certificate" …
QString keyTypeName(const ObjectInfo &o);    // "RSA", "EC", "AES" …; empty when CKA_KEY_TYPE is unknown
// "RSA 2048 bits", "EC P-256 (prime256v1)", "AES 256 bits"; empty when unknown
// (never a default: a key whose CKA_KEY_TYPE could not be read is not "RSA").
QString keyDescription(const ObjectInfo &o);
// The decoded certificate, or nullopt with *error set.
std::optional<CertificateInfo> certificate(const ObjectInfo &o, QString *error = nullptr);
// Key usage flags set on a key object: "sign", "decrypt", "sensitive" …, and the
// ones explicitly false, so "not extractable" can be shown.
QStringList keyFlags(const ObjectInfo &o);
QString idHex(const QByteArray &id);
// The key attributes as read (CKA_MODULUS, CKA_EC_POINT, …), for x509's key helpers.
PublicKeyAttributes publicKeyAttributes(const ObjectInfo &o);
// The public key a key or certificate object carries; null when it carries none
// (an EC private key has no point) or it cannot be decoded. An OpenSSL key, built
// anew on each call: for signing and export. Pairing uses comparableKey().
PublicKey publicKey(const ObjectInfo &o);
// The object's decoded facts: o.decoded, or decoded now when the object was read
// without them.
std::shared_ptr<const DecodedObject> decoded(const ObjectInfo &o);
// Decodes one object (certificate value, public key attributes) without any cache.
DecodedObject decode(const ObjectInfo &o);
// The public key of publicKey(o) in comparable form (same null cases).
ComparableKey comparableKey(const ObjectInfo &o);
} // namespace ObjectFacts
