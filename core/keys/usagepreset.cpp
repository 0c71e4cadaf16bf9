// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/usagepreset.h"

QString UsageExtensions::keyUsageConf() const
{
    if (keyUsage.isEmpty())
        return {};
    return (keyUsageCritical ? QStringLiteral("critical,") : QString()) + keyUsage.join(QLatin1Char(','));
}

QString UsageExtensions::extendedKeyUsageConf() const { return extendedKeyUsage.join(QLatin1Char(',')); }

UsageExtensions UsageExtensions::forPreset(UsagePreset preset, PublicKey::Algorithm alg)
{
    const bool rsa = alg == PublicKey::Algorithm::Rsa;
    const bool ec = alg == PublicKey::Algorithm::Ec;
    const QString ds = QStringLiteral("digitalSignature");
    UsageExtensions u;
    switch (preset) {
    case UsagePreset::TlsClient:
        u.keyUsage = {ds};
        u.extendedKeyUsage = {QStringLiteral("clientAuth")};
        break;
    case UsagePreset::TlsServer:
        u.keyUsage = {ds};
        if (rsa)
            u.keyUsage << QStringLiteral("keyEncipherment"); // RSA key transport (TLS 1.2 and older)
        u.extendedKeyUsage = {QStringLiteral("serverAuth")};
        break;
    case UsagePreset::EmailProtection:
        u.keyUsage = {ds, QStringLiteral("nonRepudiation")};
        if (rsa)
            u.keyUsage << QStringLiteral("keyEncipherment");
        else if (ec)
            u.keyUsage << QStringLiteral("keyAgreement"); // S/MIME with EC encrypts through ECDH
        u.extendedKeyUsage = {QStringLiteral("emailProtection")};
        break;
    case UsagePreset::CodeSigning:
        u.keyUsage = {ds};
        u.extendedKeyUsage = {QStringLiteral("codeSigning")};
        break;
    case UsagePreset::None:
    case UsagePreset::Custom: break;
    }
    return u;
}

const QStringList &UsageExtensions::knownKeyUsages()
{
    static const QStringList names{QStringLiteral("digitalSignature"), QStringLiteral("nonRepudiation"),
                                   QStringLiteral("keyEncipherment"),  QStringLiteral("dataEncipherment"),
                                   QStringLiteral("keyAgreement"),     QStringLiteral("keyCertSign"),
                                   QStringLiteral("cRLSign")};
    return names;
}

const QStringList &UsageExtensions::knownExtendedKeyUsages()
{
    static const QStringList names{QStringLiteral("serverAuth"),   QStringLiteral("clientAuth"),
                                   QStringLiteral("emailProtection"), QStringLiteral("codeSigning"),
                                   QStringLiteral("timeStamping"), QStringLiteral("OCSPSigning")};
    return names;
}
