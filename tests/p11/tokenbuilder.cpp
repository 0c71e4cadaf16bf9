// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenbuilder.h"

#include <QDir>

QStringList TokenBuilder::makeSoftwareKeyAndCert(const QString &name, const QString &keyAlg, const QString &subject)
{
    const QString key = m_hsm.dir() + QLatin1Char('/') + name + QStringLiteral(".key.pem");
    const QString keyDer = m_hsm.dir() + QLatin1Char('/') + name + QStringLiteral(".key.der");
    const QString cert = m_hsm.dir() + QLatin1Char('/') + name + QStringLiteral(".crt.der");
    QStringList genArgs{QStringLiteral("genpkey"), QStringLiteral("-out"), key};
    if (keyAlg == QLatin1String("rsa"))
        genArgs << QStringLiteral("-algorithm") << QStringLiteral("RSA") << QStringLiteral("-pkeyopt")
                << QStringLiteral("rsa_keygen_bits:2048");
    else
        genArgs << QStringLiteral("-algorithm") << QStringLiteral("EC") << QStringLiteral("-pkeyopt")
                << QStringLiteral("ec_paramgen_curve:P-256");
    SoftHsmFixture::run(QStringLiteral("openssl"), genArgs);
    SoftHsmFixture::run(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-in"), key,
                                                    QStringLiteral("-outform"), QStringLiteral("DER"),
                                                    QStringLiteral("-out"), keyDer});
    SoftHsmFixture::run(QStringLiteral("openssl"),
                        {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-x509"), QStringLiteral("-key"), key,
                         QStringLiteral("-subj"), subject, QStringLiteral("-days"), QStringLiteral("365"),
                         QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:host.example,email:a@example.org"),
                         QStringLiteral("-addext"), QStringLiteral("extendedKeyUsage=clientAuth"),
                         QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), cert});
    return {keyDer, cert};
}

void TokenBuilder::writeObject(const QString &file, const QString &type, const QString &idHex, const QString &label)
{
    m_hsm.pkcs11Tool(m_label, {QStringLiteral("--write-object"), file, QStringLiteral("--type"), type,
                               QStringLiteral("--id"), idHex, QStringLiteral("--label"), label});
}

void TokenBuilder::generateOnToken(const QString &keyType, const QString &idHex, const QString &label)
{
    m_hsm.pkcs11Tool(m_label, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), keyType,
                               QStringLiteral("--id"), idHex, QStringLiteral("--label"), label});
}
