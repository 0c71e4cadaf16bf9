// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QByteArray>
#include <QString>

class PublicKey;
class Session;

// What goes into a self-signed certificate. Extension values use OpenSSL's
// config syntax (as in `openssl req -addext`), so they read like the command line.
struct SelfSignedSpec {
    QString commonName;
    QString organization;
    QString organizationalUnit;
    int validDays = 3650;
    QString keyUsage = QStringLiteral("critical,digitalSignature");
    QString extendedKeyUsage; // empty: no extendedKeyUsage extension
};

// A certificate and the DER pieces a CKO_CERTIFICATE object carries besides CKA_VALUE.
struct SignedCertificate {
    QByteArray der;
    QByteArray subjectDer;  // CKA_SUBJECT
    QByteArray issuerDer;   // CKA_ISSUER
    QByteArray serialDer;   // CKA_SERIAL_NUMBER (DER INTEGER)
};

// Builds a self-signed X.509 v3 certificate for a key pair whose private half
// stays on the token: OpenSSL assembles the TBSCertificate, the token signs it
// with C_Sign (CKM_SHA256_RSA_PKCS for RSA, CKM_ECDSA over a SHA-256 digest for
// EC), and the result is checked against publicKey before it is returned.
// Runs on the session's executor. The session must be logged in as the user.
// Throws Pkcs11Error (signing), TokenDeskError (key type, OpenSSL failure, a
// signature that does not verify).
SignedCertificate signSelfSignedCertificate(Session &session, CK_OBJECT_HANDLE privateKey,
                                            const PublicKey &publicKey, const SelfSignedSpec &spec);
