// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/publickey.h"

#include <QString>
#include <QStringList>

enum class UsagePreset { None, TlsClient, TlsServer, EmailProtection, CodeSigning, Custom };

// Key usage and extended key usage for a request, as OpenSSL config names
// ("digitalSignature", "clientAuth") so they read like `openssl req -addext`.
struct UsageExtensions {
    QStringList keyUsage;          // digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment,
                                   // keyAgreement, keyCertSign, cRLSign
    QStringList extendedKeyUsage;  // serverAuth, clientAuth, emailProtection, codeSigning, timeStamping,
                                   // OCSPSigning, or a dotted OID
    bool keyUsageCritical = true;  // RFC 5280 says SHOULD for key usage

    bool isEmpty() const { return keyUsage.isEmpty() && extendedKeyUsage.isEmpty(); }
    // "critical,digitalSignature,keyEncipherment"; empty when there is no key usage.
    QString keyUsageConf() const;
    QString extendedKeyUsageConf() const; // "clientAuth,emailProtection"

    // The usages that fit the preset and the key: RSA keys encipher keys for TLS
    // servers and S/MIME, EC keys agree on keys for S/MIME instead, Ed25519 only signs.
    // Custom and None give nothing (the caller fills Custom in).
    static UsageExtensions forPreset(UsagePreset preset, PublicKey::Algorithm algorithm);
    static const QStringList &knownKeyUsages();
    static const QStringList &knownExtendedKeyUsages();
};
