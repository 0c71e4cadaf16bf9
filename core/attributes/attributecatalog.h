// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QString>

// How an attribute's value is shown (PKCS#11 2.40 §4, 3.0 §4).
enum class AttributeKind {
    Bool,                // CK_BBOOL
    Ulong,               // CK_ULONG (a count, a size, flags)
    ObjectClass,         // CK_OBJECT_CLASS
    KeyType,             // CK_KEY_TYPE
    CertificateType,     // CK_CERTIFICATE_TYPE
    CertificateCategory, // CK_ULONG 0…3
    Mechanism,           // CK_MECHANISM_TYPE
    MechanismList,       // CK_MECHANISM_TYPE[]
    Date,                // CK_DATE (YYYYMMDD, ASCII)
    Text,                // UTF-8 string (PKCS#11 calls it "RFC 2279 string")
    DerName,             // DER-encoded X.501 Name
    DerOid,              // DER-encoded OBJECT IDENTIFIER
    EcParams,            // DER ECParameters or a PrintableString curve name
    Integer,             // big-endian big integer
    Template,            // CK_ATTRIBUTE[] (pointers into the module: never followed)
    Bytes,               // anything else: hex
};

struct AttributeInfo {
    CK_ATTRIBUTE_TYPE type;
    const char *name; // "CKA_LABEL"
    AttributeKind kind;
};

// The table of standard attributes that the attribute view asks every object for:
// PKCS#11 has no call that lists an object's attributes.
namespace AttributeCatalog {
const AttributeInfo *begin();
const AttributeInfo *end();
const AttributeInfo *find(CK_ATTRIBUTE_TYPE type);
// "CKA_LABEL", or "CKA_VENDOR_DEFINED+0x12" / "CKA_0x…" for types not in the table.
QString name(CK_ATTRIBUTE_TYPE type);
} // namespace AttributeCatalog
