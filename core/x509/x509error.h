// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <stdexcept>

// The one exception type of core/x509. kind() lets callers branch (e.g. the
// import wizard offers "choose another file" for CorruptFile but not for
// UnsupportedKeyType); message() is a finished, translated sentence for the
// user, and what() returns the same text; detail() carries OpenSSL's error
// queue for logs and "Details…" only.
class X509Error : public std::runtime_error {
public:
    enum class Kind {
        InvalidCertificate,  // bytes are not a DER X.509 certificate
        InvalidPublicKey,    // key attributes/SPKI present but inconsistent or malformed
        UnsupportedKeyType,  // a key type or curve TokenDesk cannot represent
        FileUnreadable,      // open/read failed, or the file is too large
        CorruptFile,         // recognisable format, damaged content
        NoCertificates,      // readable file without any certificate in it
        UnknownFormat,       // neither PEM, DER nor PKCS#7
        Internal,            // OpenSSL failed where it should not (out of memory…)
    };

    X509Error(Kind kind, const QString &message, const QString &detail = {});

    Kind kind() const noexcept { return m_kind; }
    const QString &message() const noexcept { return m_message; }
    const QString &detail() const noexcept { return m_detail; }

private:
    Kind m_kind;
    QString m_message;
    QString m_detail;
};
