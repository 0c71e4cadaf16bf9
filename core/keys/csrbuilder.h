// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/csrspec.h"
#include "p11/pkcs11.h"
#include "p11/securebytes.h"

#include <QByteArray>
#include <QString>

#include <optional>

class Session;

// A certificate signing request made and checked by createCsr().
struct CsrResult {
    QByteArray der;
    QByteArray pem;             // "-----BEGIN CERTIFICATE REQUEST-----"
    QString subjectRfc4514;
    QString subjectOpenssl;
    QByteArray keyId;
    QString keyUri;             // the private key's PKCS#11 URI
    // The `openssl req` command that makes the same request with the pkcs11 engine,
    // for the record (see opensslReqCommand()).
    QString opensslCommand;
};

// Builds a PKCS#10 request for the token key with this CKA_ID: OpenSSL
// assembles the CertificationRequestInfo, the token signs it (TokenSigner:
// the private key never leaves the token), and the encoded request is parsed
// again and its signature verified with the key's public half before it is
// returned. contextPin: for CKA_ALWAYS_AUTHENTICATE keys, used for this one
// signature. Blocking: executor only (Inventory::withSession), logged-in
// session. Throws KeyOperationError (invalid spec, no such key, PIN needed,
// verification), Pkcs11Error.
CsrResult createCsr(Session &session, const CK_TOKEN_INFO &token, const QByteArray &keyId, const CsrSpec &spec,
                    std::optional<SecureBytes> contextPin = std::nullopt);

// The equivalent command line (pure):
//   openssl req -new -engine pkcs11 -keyform engine -key '<uri>' -subj '/C=…/CN=…' -sha256
//     [-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest -sigopt rsa_mgf1_md:sha256]
//     [-addext 'subjectAltName=…'] [-addext 'keyUsage=…'] [-addext 'extendedKeyUsage=…'] -out <file>
// Arguments are quoted for a POSIX shell. The engine is set up through
// OPENSSL_CONF (not -config, which fails with "dynamic_load:init failed").
QString opensslReqCommand(const CsrSpec &spec, PublicKey::Algorithm algorithm, const QString &keyUri,
                          const QString &outFile = QStringLiteral("request.csr"));
// The spec's alternative names as `-addext subjectAltName=` takes them: "DNS:a,IP:192.0.2.1".
QString subjectAltNameConf(const QList<SubjectAltName> &names);
