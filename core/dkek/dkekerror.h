// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11error.h"

#include <QString>

// A failed DKEK share operation: a code to branch on and one plain, translated
// sentence for the user. Derives from TokenDeskError so userError() (p11/errortext.h)
// shows the sentence as it is.
class DkekError : public TokenDeskError {
public:
    enum class Code {
        WrongPasswordOrNotShare, // padding or length check failed after decryption
        FileTooShort,            // fewer than 64 bytes (includes empty and truncated files)
        FileTooLong,             // more than 64 bytes
        NotAShareFile,           // 64 bytes, but no "Salted__" header
        ReadFailed,
        WriteFailed,
        FileExists,              // refused to replace an existing file
        InvalidCustodianShare,   // a prime, share ID or share value could not be used
        InvalidParameters,       // threshold/total, iteration count, sizes
        CryptoFailure,           // OpenSSL reported an internal error
    };

    DkekError(Code code, const QString &sentence) : TokenDeskError(sentence), m_code(code) {}
    Code code() const noexcept { return m_code; }

    static DkekError wrongPassword();
    static DkekError custodianSharesDoNotOpen();
    static DkekError badSize(qint64 size);
    static DkekError badMagic();
    static DkekError readFailed(const QString &path, const QString &reason);
    static DkekError writeFailed(const QString &path, const QString &reason);
    static DkekError fileExists(const QString &path);
    static DkekError invalidCustodianShare(const QString &sentence);
    static DkekError invalidParameters(const QString &sentence);
    // Collects OpenSSL's error queue for the log; the sentence stays generic.
    static DkekError cryptoFailure(const char *what);

private:
    Code m_code;
};
