// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QByteArray>

// The raw public-key attributes of a PKCS#11 key object, exactly as
// C_GetAttributeValue returned them (empty = not present/unavailable).
// Private-key objects usually carry the RSA ones too; EC private keys carry
// only CKA_EC_PARAMS, which is enough for keyDescription() but not for a key.
struct PublicKeyAttributes {
    CK_KEY_TYPE keyType = CKK_RSA; // CKA_KEY_TYPE: CKK_RSA, CKK_EC, CKK_EC_EDWARDS, CKK_EC_MONTGOMERY
    QByteArray modulus;            // CKA_MODULUS, big-endian (a leading 0x00 is tolerated)
    QByteArray publicExponent;     // CKA_PUBLIC_EXPONENT, big-endian
    QByteArray ecParams;           // CKA_EC_PARAMS: DER namedCurve OID, explicit ECParameters,
                                   // or (EdDSA, PKCS#11 3.0) a PrintableString curve name
    QByteArray ecPoint;            // CKA_EC_POINT: DER OCTET STRING around the point, or the bare point
    QByteArray publicKeyInfo;      // CKA_PUBLIC_KEY_INFO (PKCS#11 2.40+): a DER SubjectPublicKeyInfo
};
