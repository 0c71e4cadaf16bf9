// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"
#include "x509/certificateinfo.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class ObjectTransaction;
class Session;

// Writes X.509 certificate objects the way Java, NSS and OpenSSL look for
// them: public token objects with CKA_ID, CKA_LABEL, CKA_VALUE and the
// CKA_SUBJECT/ISSUER/SERIAL_NUMBER that NSS indexes by. Each write is part of
// the caller's transaction and is read back and compared before it counts.
// Executor only.
class CertificateWriter {
public:
    CertificateWriter(Session &session, const CK_TOKEN_INFO &token, ObjectTransaction &transaction)
        : m_session(session), m_token(token), m_tx(transaction)
    {
    }

    // category: CKA_CERTIFICATE_CATEGORY (1 token user, 2 authority, 3 other entity).
    // Returns the new object's PKCS#11 URI. Throws Pkcs11Error, KeyOperationError(VerificationFailed).
    QString write(const CertificateInfo &certificate, const QByteArray &id, const QString &label, CK_ULONG category);
    // Handle of the last object written.
    CK_OBJECT_HANDLE lastHandle() const { return m_last; }
    QStringList notes() const { return m_notes; }

private:
    Session &m_session;
    const CK_TOKEN_INFO &m_token;
    ObjectTransaction &m_tx;
    CK_OBJECT_HANDLE m_last = CK_INVALID_HANDLE;
    bool m_categoryRefused = false; // named quirk: the token rejects CKA_CERTIFICATE_CATEGORY
    QStringList m_notes;
};
