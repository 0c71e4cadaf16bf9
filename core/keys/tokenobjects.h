// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "p11/pkcs11.h"
#include "x509/publickey.h"

#include <QByteArray>

#include <vector>

class Session;

// Small lookups shared by the key operations. The Session functions make
// PKCS#11 calls (executor only); the ObjectInfo ones are pure.
namespace TokenObjects {
// Objects with this CKA_ID (of any class, or of one class).
std::vector<CK_OBJECT_HANDLE> withId(Session &session, const QByteArray &id);
std::vector<CK_OBJECT_HANDLE> withId(Session &session, CK_OBJECT_CLASS cls, const QByteArray &id);
// Re-reads one object with the attributes the scanner reads for its class.
ObjectInfo read(Session &session, const CK_TOKEN_INFO &token, CK_OBJECT_HANDLE handle);
// The public key an object carries: a certificate's, or a key object's public
// attributes (CKA_PUBLIC_KEY_INFO, RSA modulus/exponent, EC point). Null when the
// object has none (an EC private key usually has no point) or it cannot be decoded.
PublicKey publicKeyOf(const ObjectInfo &object);
// "private key “Web server” (ID 01ab…)": how findings and confirmations name an object.
QString describe(const ObjectInfo &object);
} // namespace TokenObjects
