// SPDX-License-Identifier: GPL-3.0-or-later
#include "attributes/attributecatalog.h"

// PKCS#11 3.0 attributes that p11-kit's header (Debian 12) does not define yet.
#ifndef CKA_UNIQUE_ID
#define CKA_UNIQUE_ID 0x4UL
#endif
#ifndef CKA_PROFILE_ID
#define CKA_PROFILE_ID 0x601UL
#endif

namespace {
// Every standard CKA_* of PKCS#11 2.40 (p11-kit's pkcs11.h, deprecated aliases such as
// CKA_ECDSA_PARAMS left out) and the 3.0 additions above, with how to show the value.
const AttributeInfo kAttributes[] = {
    {CKA_CLASS, "CKA_CLASS", AttributeKind::ObjectClass},
    {CKA_TOKEN, "CKA_TOKEN", AttributeKind::Bool},
    {CKA_PRIVATE, "CKA_PRIVATE", AttributeKind::Bool},
    {CKA_LABEL, "CKA_LABEL", AttributeKind::Text},
    {CKA_UNIQUE_ID, "CKA_UNIQUE_ID", AttributeKind::Text},
    {CKA_APPLICATION, "CKA_APPLICATION", AttributeKind::Text},
    {CKA_VALUE, "CKA_VALUE", AttributeKind::Bytes},
    {CKA_OBJECT_ID, "CKA_OBJECT_ID", AttributeKind::DerOid},
    {CKA_CERTIFICATE_TYPE, "CKA_CERTIFICATE_TYPE", AttributeKind::CertificateType},
    {CKA_ISSUER, "CKA_ISSUER", AttributeKind::DerName},
    {CKA_SERIAL_NUMBER, "CKA_SERIAL_NUMBER", AttributeKind::Bytes},
    {CKA_AC_ISSUER, "CKA_AC_ISSUER", AttributeKind::Bytes},
    {CKA_OWNER, "CKA_OWNER", AttributeKind::Bytes},
    {CKA_ATTR_TYPES, "CKA_ATTR_TYPES", AttributeKind::Bytes},
    {CKA_TRUSTED, "CKA_TRUSTED", AttributeKind::Bool},
    {CKA_CERTIFICATE_CATEGORY, "CKA_CERTIFICATE_CATEGORY", AttributeKind::CertificateCategory},
    {CKA_JAVA_MIDP_SECURITY_DOMAIN, "CKA_JAVA_MIDP_SECURITY_DOMAIN", AttributeKind::Ulong},
    {CKA_URL, "CKA_URL", AttributeKind::Text},
    {CKA_HASH_OF_SUBJECT_PUBLIC_KEY, "CKA_HASH_OF_SUBJECT_PUBLIC_KEY", AttributeKind::Bytes},
    {CKA_HASH_OF_ISSUER_PUBLIC_KEY, "CKA_HASH_OF_ISSUER_PUBLIC_KEY", AttributeKind::Bytes},
    {CKA_NAME_HASH_ALGORITHM, "CKA_NAME_HASH_ALGORITHM", AttributeKind::Mechanism},
    {CKA_CHECK_VALUE, "CKA_CHECK_VALUE", AttributeKind::Bytes},
    {CKA_KEY_TYPE, "CKA_KEY_TYPE", AttributeKind::KeyType},
    {CKA_SUBJECT, "CKA_SUBJECT", AttributeKind::DerName},
    {CKA_ID, "CKA_ID", AttributeKind::Bytes},
    {CKA_SENSITIVE, "CKA_SENSITIVE", AttributeKind::Bool},
    {CKA_ENCRYPT, "CKA_ENCRYPT", AttributeKind::Bool},
    {CKA_DECRYPT, "CKA_DECRYPT", AttributeKind::Bool},
    {CKA_WRAP, "CKA_WRAP", AttributeKind::Bool},
    {CKA_UNWRAP, "CKA_UNWRAP", AttributeKind::Bool},
    {CKA_SIGN, "CKA_SIGN", AttributeKind::Bool},
    {CKA_SIGN_RECOVER, "CKA_SIGN_RECOVER", AttributeKind::Bool},
    {CKA_VERIFY, "CKA_VERIFY", AttributeKind::Bool},
    {CKA_VERIFY_RECOVER, "CKA_VERIFY_RECOVER", AttributeKind::Bool},
    {CKA_DERIVE, "CKA_DERIVE", AttributeKind::Bool},
    {CKA_START_DATE, "CKA_START_DATE", AttributeKind::Date},
    {CKA_END_DATE, "CKA_END_DATE", AttributeKind::Date},
    {CKA_MODULUS, "CKA_MODULUS", AttributeKind::Integer},
    {CKA_MODULUS_BITS, "CKA_MODULUS_BITS", AttributeKind::Ulong},
    {CKA_PUBLIC_EXPONENT, "CKA_PUBLIC_EXPONENT", AttributeKind::Integer},
    {CKA_PRIVATE_EXPONENT, "CKA_PRIVATE_EXPONENT", AttributeKind::Integer},
    {CKA_PRIME_1, "CKA_PRIME_1", AttributeKind::Integer},
    {CKA_PRIME_2, "CKA_PRIME_2", AttributeKind::Integer},
    {CKA_EXPONENT_1, "CKA_EXPONENT_1", AttributeKind::Integer},
    {CKA_EXPONENT_2, "CKA_EXPONENT_2", AttributeKind::Integer},
    {CKA_COEFFICIENT, "CKA_COEFFICIENT", AttributeKind::Integer},
    {CKA_PUBLIC_KEY_INFO, "CKA_PUBLIC_KEY_INFO", AttributeKind::Bytes},
    {CKA_PRIME, "CKA_PRIME", AttributeKind::Integer},
    {CKA_SUBPRIME, "CKA_SUBPRIME", AttributeKind::Integer},
    {CKA_BASE, "CKA_BASE", AttributeKind::Integer},
    {CKA_PRIME_BITS, "CKA_PRIME_BITS", AttributeKind::Ulong},
    {CKA_SUB_PRIME_BITS, "CKA_SUB_PRIME_BITS", AttributeKind::Ulong},
    {CKA_VALUE_BITS, "CKA_VALUE_BITS", AttributeKind::Ulong},
    {CKA_VALUE_LEN, "CKA_VALUE_LEN", AttributeKind::Ulong},
    {CKA_EXTRACTABLE, "CKA_EXTRACTABLE", AttributeKind::Bool},
    {CKA_LOCAL, "CKA_LOCAL", AttributeKind::Bool},
    {CKA_NEVER_EXTRACTABLE, "CKA_NEVER_EXTRACTABLE", AttributeKind::Bool},
    {CKA_ALWAYS_SENSITIVE, "CKA_ALWAYS_SENSITIVE", AttributeKind::Bool},
    {CKA_KEY_GEN_MECHANISM, "CKA_KEY_GEN_MECHANISM", AttributeKind::Mechanism},
    {CKA_MODIFIABLE, "CKA_MODIFIABLE", AttributeKind::Bool},
    {CKA_COPYABLE, "CKA_COPYABLE", AttributeKind::Bool},
    {CKA_DESTROYABLE, "CKA_DESTROYABLE", AttributeKind::Bool},
    {CKA_EC_PARAMS, "CKA_EC_PARAMS", AttributeKind::EcParams},
    {CKA_EC_POINT, "CKA_EC_POINT", AttributeKind::Bytes},
    {CKA_SECONDARY_AUTH, "CKA_SECONDARY_AUTH", AttributeKind::Bool},
    {CKA_AUTH_PIN_FLAGS, "CKA_AUTH_PIN_FLAGS", AttributeKind::Ulong},
    {CKA_ALWAYS_AUTHENTICATE, "CKA_ALWAYS_AUTHENTICATE", AttributeKind::Bool},
    {CKA_WRAP_WITH_TRUSTED, "CKA_WRAP_WITH_TRUSTED", AttributeKind::Bool},
    {CKA_OTP_FORMAT, "CKA_OTP_FORMAT", AttributeKind::Ulong},
    {CKA_OTP_LENGTH, "CKA_OTP_LENGTH", AttributeKind::Ulong},
    {CKA_OTP_TIME_INTERVAL, "CKA_OTP_TIME_INTERVAL", AttributeKind::Ulong},
    {CKA_OTP_USER_FRIENDLY_MODE, "CKA_OTP_USER_FRIENDLY_MODE", AttributeKind::Bool},
    {CKA_OTP_CHALLENGE_REQUIREMENT, "CKA_OTP_CHALLENGE_REQUIREMENT", AttributeKind::Ulong},
    {CKA_OTP_TIME_REQUIREMENT, "CKA_OTP_TIME_REQUIREMENT", AttributeKind::Ulong},
    {CKA_OTP_COUNTER_REQUIREMENT, "CKA_OTP_COUNTER_REQUIREMENT", AttributeKind::Ulong},
    {CKA_OTP_PIN_REQUIREMENT, "CKA_OTP_PIN_REQUIREMENT", AttributeKind::Ulong},
    {CKA_OTP_USER_IDENTIFIER, "CKA_OTP_USER_IDENTIFIER", AttributeKind::Text},
    {CKA_OTP_SERVICE_IDENTIFIER, "CKA_OTP_SERVICE_IDENTIFIER", AttributeKind::Text},
    {CKA_OTP_SERVICE_LOGO, "CKA_OTP_SERVICE_LOGO", AttributeKind::Bytes},
    {CKA_OTP_SERVICE_LOGO_TYPE, "CKA_OTP_SERVICE_LOGO_TYPE", AttributeKind::Text},
    {CKA_OTP_COUNTER, "CKA_OTP_COUNTER", AttributeKind::Bytes},
    {CKA_OTP_TIME, "CKA_OTP_TIME", AttributeKind::Text},
    {CKA_GOSTR3410_PARAMS, "CKA_GOSTR3410_PARAMS", AttributeKind::DerOid},
    {CKA_GOSTR3411_PARAMS, "CKA_GOSTR3411_PARAMS", AttributeKind::DerOid},
    {CKA_GOST28147_PARAMS, "CKA_GOST28147_PARAMS", AttributeKind::DerOid},
    {CKA_HW_FEATURE_TYPE, "CKA_HW_FEATURE_TYPE", AttributeKind::Ulong},
    {CKA_RESET_ON_INIT, "CKA_RESET_ON_INIT", AttributeKind::Bool},
    {CKA_HAS_RESET, "CKA_HAS_RESET", AttributeKind::Bool},
    {CKA_PIXEL_X, "CKA_PIXEL_X", AttributeKind::Ulong},
    {CKA_PIXEL_Y, "CKA_PIXEL_Y", AttributeKind::Ulong},
    {CKA_RESOLUTION, "CKA_RESOLUTION", AttributeKind::Ulong},
    {CKA_CHAR_ROWS, "CKA_CHAR_ROWS", AttributeKind::Ulong},
    {CKA_CHAR_COLUMNS, "CKA_CHAR_COLUMNS", AttributeKind::Ulong},
    {CKA_COLOR, "CKA_COLOR", AttributeKind::Bool},
    {CKA_BITS_PER_PIXEL, "CKA_BITS_PER_PIXEL", AttributeKind::Ulong},
    {CKA_CHAR_SETS, "CKA_CHAR_SETS", AttributeKind::Text},
    {CKA_ENCODING_METHODS, "CKA_ENCODING_METHODS", AttributeKind::Text},
    {CKA_MIME_TYPES, "CKA_MIME_TYPES", AttributeKind::Text},
    {CKA_MECHANISM_TYPE, "CKA_MECHANISM_TYPE", AttributeKind::Mechanism},
    {CKA_REQUIRED_CMS_ATTRIBUTES, "CKA_REQUIRED_CMS_ATTRIBUTES", AttributeKind::Bytes},
    {CKA_DEFAULT_CMS_ATTRIBUTES, "CKA_DEFAULT_CMS_ATTRIBUTES", AttributeKind::Bytes},
    {CKA_SUPPORTED_CMS_ATTRIBUTES, "CKA_SUPPORTED_CMS_ATTRIBUTES", AttributeKind::Bytes},
    {CKA_WRAP_TEMPLATE, "CKA_WRAP_TEMPLATE", AttributeKind::Template},
    {CKA_UNWRAP_TEMPLATE, "CKA_UNWRAP_TEMPLATE", AttributeKind::Template},
    {CKA_DERIVE_TEMPLATE, "CKA_DERIVE_TEMPLATE", AttributeKind::Template},
    {CKA_ALLOWED_MECHANISMS, "CKA_ALLOWED_MECHANISMS", AttributeKind::MechanismList},
    {CKA_PROFILE_ID, "CKA_PROFILE_ID", AttributeKind::Ulong},
};
} // namespace

const AttributeInfo *AttributeCatalog::begin() { return std::begin(kAttributes); }

const AttributeInfo *AttributeCatalog::end() { return std::end(kAttributes); }

const AttributeInfo *AttributeCatalog::find(CK_ATTRIBUTE_TYPE type)
{
    for (const AttributeInfo &a : kAttributes)
        if (a.type == type)
            return &a;
    return nullptr;
}

QString AttributeCatalog::name(CK_ATTRIBUTE_TYPE type)
{
    if (const AttributeInfo *a = find(type))
        return QString::fromLatin1(a->name);
    if (type & CKA_VENDOR_DEFINED)
        return QStringLiteral("CKA_VENDOR_DEFINED+0x%1").arg(type & ~CKA_VENDOR_DEFINED, 0, 16);
    return QStringLiteral("CKA_0x%1").arg(type, 0, 16);
}
