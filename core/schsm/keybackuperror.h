// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11error.h"

#include <QByteArray>
#include <QString>

// Why a SmartCard-HSM key backup (sc-hsm-tool --wrap-key's file) or the key blob
// inside it cannot be used: a code to branch on and one plain, translated sentence
// (shown as is by userError()). Never carries key material.
class KeyBackupError : public TokenDeskError {
public:
    enum class Code {
        NotABackup,      // the file's structure is not a key backup (DER, lengths, fields)
        DkekMismatch,    // the blob's DKEK check value is not the DKEK's
        IntegrityFailed, // check value right, CMAC wrong: the blob was changed or damaged
        UnknownKeyType,  // a key type byte TokenDesk does not decode (AES, unknown)
        BadKeyData,      // decrypted, but the key inside is malformed or inconsistent
        KeyMismatch,     // the private key does not belong to the public key stated beside it
        UnsupportedKey,  // the builder was given a key the device cannot hold
        ReadFailed,
        CryptoFailure,   // OpenSSL reported an internal error
    };

    KeyBackupError(Code code, const QString &sentence) : TokenDeskError(sentence), m_code(code) {}
    Code code() const noexcept { return m_code; }

    // "The file is not a SmartCard-HSM key backup: <reason>."
    static KeyBackupError notABackup(const QString &reason);
    static KeyBackupError dkekMismatch(const QByteArray &fileKcv, const QByteArray &dkekKcv);
    static KeyBackupError integrityFailed();
    static KeyBackupError unknownKeyType(int type);
    static KeyBackupError badKeyData(const QString &reason);
    static KeyBackupError keyMismatch(const QString &where);
    static KeyBackupError unsupportedKey(const QString &what);
    static KeyBackupError readFailed(const QString &path, const QString &reason);
    static KeyBackupError cryptoFailure(const char *what);

private:
    Code m_code;
};
