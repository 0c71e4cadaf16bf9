// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/objectfacts.h"

#include "p11/ckrname.h"
#include "x509/certificatedecoder.h"
#include "x509/keydescription.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(ObjectFacts) };

// The cases in which an object carries no public key, decided without asking OpenSSL.
bool carriesNoKey(const PublicKeyAttributes &a)
{
    return a.publicKeyInfo.isEmpty()
        && (a.keyType == CK_UNAVAILABLE_INFORMATION
            || ((a.modulus.isEmpty() || a.publicExponent.isEmpty()) && a.ecPoint.isEmpty()));
}

} // namespace

QString ObjectFacts::className(CK_OBJECT_CLASS cls)
{
    switch (cls) {
    case CKO_PRIVATE_KEY: return Tr::tr("private key");
    case CKO_PUBLIC_KEY: return Tr::tr("public key");
    case CKO_SECRET_KEY: return Tr::tr("secret key");
    case CKO_CERTIFICATE: return Tr::tr("certificate");
    case CKO_DATA: return Tr::tr("data object");
    default: return ckoName(cls);
    }
}

QString ObjectFacts::keyTypeName(const ObjectInfo &o)
{
    const auto t = o.attrs.ulong(CKA_KEY_TYPE);
    if (!t)
        return {};
    switch (*t) {
    case CKK_RSA: return QStringLiteral("RSA");
    case CKK_EC: return QStringLiteral("EC");
    case CKK_EC_EDWARDS: return QStringLiteral("EdDSA");
    case CKK_EC_MONTGOMERY: return QStringLiteral("Montgomery");
    case CKK_AES: return QStringLiteral("AES");
    case CKK_DES3: return QStringLiteral("3DES");
    case CKK_GENERIC_SECRET: return QStringLiteral("generic secret");
    default: return ckkName(*t).mid(4);
    }
}

QString ObjectFacts::keyDescription(const ObjectInfo &o)
{
    if (o.cls == CKO_SECRET_KEY) {
        if (!o.attrs.ulong(CKA_KEY_TYPE))
            return {};
        const auto len = o.attrs.ulong(CKA_VALUE_LEN);
        return len ? Tr::tr("%1 %2 bits").arg(keyTypeName(o)).arg(*len * 8) : keyTypeName(o);
    }
    if (o.cls != CKO_PRIVATE_KEY && o.cls != CKO_PUBLIC_KEY)
        return {};
    if (!o.attrs.ulong(CKA_KEY_TYPE))
        return {}; // unknown: never guessed from the other attributes
    return keyDescriptionFromParams(publicKeyAttributes(o));
}

std::optional<CertificateInfo> ObjectFacts::certificate(const ObjectInfo &o, QString *error)
{
    if (o.cls != CKO_CERTIFICATE) {
        if (error)
            *error = Tr::tr("The certificate's value could not be read.");
        return std::nullopt;
    }
    const std::shared_ptr<const DecodedObject> d = decoded(o);
    if (!d->certificate.info && error)
        *error = d->certificate.error;
    return d->certificate.info;
}

QStringList ObjectFacts::keyFlags(const ObjectInfo &o)
{
    QStringList out;
    struct Flag {
        CK_ATTRIBUTE_TYPE type;
        const char *yes;
        const char *no;
    };
    static const Flag flags[] = {
        {CKA_SIGN, "sign", nullptr},           {CKA_VERIFY, "verify", nullptr},
        {CKA_DECRYPT, "decrypt", nullptr},     {CKA_ENCRYPT, "encrypt", nullptr},
        {CKA_UNWRAP, "unwrap", nullptr},       {CKA_WRAP, "wrap", nullptr},
        {CKA_DERIVE, "derive", nullptr},       {CKA_SENSITIVE, "sensitive", "not sensitive"},
        {CKA_EXTRACTABLE, "extractable", "not extractable"},
        {CKA_LOCAL, "generated on the token", "imported"},
        {CKA_ALWAYS_AUTHENTICATE, "PIN for every use", nullptr},
        {CKA_PRIVATE, "private", nullptr},     {CKA_MODIFIABLE, nullptr, "read-only"},
    };
    for (const Flag &f : flags) {
        const auto v = o.attrs.boolean(f.type);
        if (!v)
            continue;
        if (*v && f.yes)
            out << QCoreApplication::translate("ObjectFacts", f.yes);
        else if (!*v && f.no)
            out << QCoreApplication::translate("ObjectFacts", f.no);
    }
    return out;
}

QString ObjectFacts::idHex(const QByteArray &id) { return QString::fromLatin1(id.toHex()); }

PublicKeyAttributes ObjectFacts::publicKeyAttributes(const ObjectInfo &o)
{
    PublicKeyAttributes a;
    // CK_UNAVAILABLE_INFORMATION when the token did not say: no key type is assumed.
    a.keyType = o.attrs.ulong(CKA_KEY_TYPE).value_or(CK_UNAVAILABLE_INFORMATION);
    a.modulus = o.attrs.bytes(CKA_MODULUS);
    a.publicExponent = o.attrs.bytes(CKA_PUBLIC_EXPONENT);
    a.ecParams = o.attrs.bytes(CKA_EC_PARAMS);
    a.ecPoint = o.attrs.bytes(CKA_EC_POINT);
    a.publicKeyInfo = o.attrs.bytes(CKA_PUBLIC_KEY_INFO);
    return a;
}

PublicKey ObjectFacts::publicKey(const ObjectInfo &o)
{
    try {
        if (o.cls == CKO_CERTIFICATE) {
            const QByteArray der = o.attrs.bytes(CKA_VALUE);
            return der.isEmpty() ? PublicKey() : PublicKey::fromCertificate(der);
        }
        if (o.cls != CKO_PRIVATE_KEY && o.cls != CKO_PUBLIC_KEY)
            return {};
        const PublicKeyAttributes a = publicKeyAttributes(o);
        if (carriesNoKey(a))
            return {};
        return PublicKey::fromAttributes(a);
    } catch (const std::exception &) {
        return {}; // not decodable: compared by CKA_ID only
    }
}


DecodedObject ObjectFacts::decode(const ObjectInfo &o)
{
    DecodedObject d;
    if (o.cls == CKO_CERTIFICATE) {
        const QByteArray der = o.attrs.bytes(CKA_VALUE);
        if (der.isEmpty())
            d.certificate.error = Tr::tr("The certificate's value could not be read.");
        else
            d.certificate = decodeCertificateAndKey(der);
        d.key = d.certificate.key;
    } else if (o.cls == CKO_PRIVATE_KEY || o.cls == CKO_PUBLIC_KEY) {
        const PublicKeyAttributes a = publicKeyAttributes(o);
        if (!carriesNoKey(a))
            d.key = ComparableKey::fromAttributes(a);
    }
    return d;
}

std::shared_ptr<const DecodedObject> ObjectFacts::decoded(const ObjectInfo &o)
{
    return o.decoded ? o.decoded : std::make_shared<const DecodedObject>(decode(o));
}

ComparableKey ObjectFacts::comparableKey(const ObjectInfo &o) { return decoded(o)->key; }
