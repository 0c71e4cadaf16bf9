// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "softhsmfixture.h"

// Fills a SoftHSM token with the real tools, the way users' tokens get filled:
// keys made by pkcs11-tool on the token, keys and certificates made by openssl
// and written with pkcs11-tool --write-object.
class TokenBuilder {
public:
    TokenBuilder(SoftHsmFixture &hsm, QString label) : m_hsm(hsm), m_label(std::move(label)) {}
    // openssl: a key and a self-signed certificate; returns {key.der, cert.der} paths.
    QStringList makeSoftwareKeyAndCert(const QString &name, const QString &keyAlg, const QString &subject);
    void writeObject(const QString &file, const QString &type, const QString &idHex, const QString &label);
    void generateOnToken(const QString &keyType, const QString &idHex, const QString &label);
    QString dir() const { return m_hsm.dir(); }

private:
    SoftHsmFixture &m_hsm;
    QString m_label;
};
