// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/signaturescheme.h"
#include "keys/subjectname.h"
#include "keys/usagepreset.h"
#include "p11/pkcs11.h"
#include "p11/securebytes.h"
#include "x509/certificateinfo.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

class Session;

// The small dialog's input: a self-signed certificate for a token key, for tests
// and internal use. (Named apart from core/demo's SelfSignedSpec, which the demo
// token uses for its fixed content.)
struct SelfSignedRequest {
    SubjectName subject;
    int validDays = 365;
    QList<SubjectAltName> altNames;
    UsagePreset usage = UsagePreset::TlsClient;
    UsageExtensions customUsage;        // used when usage == Custom
    SignatureScheme signature;
    bool store = true;                  // write it to the token under the key's CKA_ID and label
    // Seconds from now to notBefore (an hour back by default); notAfter moves with it,
    // validDays after notBefore + 1 h. The demo token dates certificates in the past this way.
    qint64 notBeforeOffset = -3600;

    // Pure: one sentence, empty when fine.
    QString check(PublicKey::Algorithm keyAlgorithm) const;
    static constexpr int kMaxDays = 36500;
};

struct SelfSignedResult {
    QByteArray der;
    CertificateInfo info;
    QString uri;        // the stored certificate object's PKCS#11 URI (store == true)
};

// Builds an X.509 v3 certificate (random 127-bit serial, valid from an hour ago
// for validDays, CA:FALSE, subject and authority key identifiers) whose
// signature the token makes with the key (TokenSigner: C_Sign, the key never
// leaves the token), verifies it with the key's public half, and stores it
// with the key's CKA_ID and label so the consumers pair it. contextPin: for
// CKA_ALWAYS_AUTHENTICATE keys, used for this one signature. Blocking: executor
// only, logged-in read-write session. Throws KeyOperationError, Pkcs11Error.
SelfSignedResult createSelfSignedCertificate(Session &session, const CK_TOKEN_INFO &token, const QByteArray &keyId,
                                             const SelfSignedRequest &request,
                                             std::optional<SecureBytes> contextPin = std::nullopt);
