// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/keyid.h"

#include "x509/opensslutil_p.h"

#include <QCryptographicHash>

using namespace x509detail;

namespace {

QByteArray sha1(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha1);
}

QByteArray subjectPublicKeyBits(const PublicKey &key)
{
    const QByteArray spki = key.subjectPublicKeyInfo();
    const unsigned char *p = bytes(spki);
    OsslPtr<X509_PUBKEY> pub(d2i_X509_PUBKEY(nullptr, &p, long(spki.size())));
    const unsigned char *bits = nullptr;
    int len = 0;
    if (!pub || !X509_PUBKEY_get0_param(nullptr, &bits, &len, nullptr, pub.get())) {
        takeOpensslErrors();
        return {};
    }
    return toByteArray(bits, len);
}

} // namespace

QByteArray defaultKeyId(const PublicKey &key, KeyIdStyle style)
{
    if (key.isNull())
        return {};
    if (style == KeyIdStyle::SubjectKeyIdentifier)
        return sha1(subjectPublicKeyBits(key));

    switch (key.algorithm()) {
    case PublicKey::Algorithm::Rsa:
        return sha1(key.rsaModulus());
    case PublicKey::Algorithm::Ec: {
        const QByteArray point = key.rawPublicKey(); // 04 ‖ X ‖ Y
        if (point.size() < 3 || point.at(0) != 0x04)
            return {};
        return sha1(point.mid(1, (point.size() - 1) / 2));
    }
    case PublicKey::Algorithm::Other:
    case PublicKey::Algorithm::None:
        return sha1(subjectPublicKeyBits(key));
    default:
        return sha1(key.rawPublicKey());
    }
}
