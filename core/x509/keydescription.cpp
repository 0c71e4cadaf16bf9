// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/keydescription.h"

#include "p11/ckrname.h"
#include "x509/ecparams_p.h"
#include "x509/opensslutil_p.h"
#include "x509/publickey.h"
#include "x509/x509error.h"

using namespace x509detail;

QString ecCurveName(const QByteArray &ecParams)
{
    return parseEcParams(ecParams).display;
}

int rsaModulusBits(const QByteArray &modulus)
{
    qsizetype i = 0;
    while (i < modulus.size() && modulus.at(i) == 0)
        ++i;
    if (i == modulus.size())
        return 0;
    int top = 0;
    for (auto b = static_cast<unsigned char>(modulus.at(i)); b; b >>= 1)
        ++top;
    return int(modulus.size() - i - 1) * 8 + top;
}

QString keyDescriptionFromParams(const PublicKeyAttributes &a)
{
    switch (a.keyType) {
    case CKK_RSA: {
        const int bits = rsaModulusBits(a.modulus);
        return bits > 0 ? Tr::tr("RSA %1 bits").arg(bits) : QStringLiteral("RSA");
    }
    case CKK_EC:
    case CKK_EC_EDWARDS:
    case CKK_EC_MONTGOMERY: {
        const bool ec = a.keyType == CKK_EC;
        if (!a.ecParams.isEmpty()) {
            try {
                const EcParams p = parseEcParams(a.ecParams);
                // Edwards/Montgomery curve names already say what the key is.
                return p.family == EcParams::Family::Weierstrass ? Tr::tr("EC %1").arg(p.display) : p.display;
            } catch (const X509Error &) {
                return ec ? Tr::tr("EC (unknown curve)") : ckkName(a.keyType).remove(QStringLiteral("CKK_"));
            }
        }
        if (ec)
            return QStringLiteral("EC");
        // EdDSA without CKA_EC_PARAMS: the raw key length still tells the curve.
        try {
            return PublicKey::fromAttributes(a).algorithmName();
        } catch (const X509Error &) {
            return a.keyType == CKK_EC_EDWARDS ? QStringLiteral("EdDSA") : QStringLiteral("Montgomery");
        }
    }
    default:
        return ckkName(a.keyType).remove(QStringLiteral("CKK_"));
    }
}
