// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11error.h"

// A refusal or failure of a key operation, with the sentence the user reads.
// It is a TokenDeskError, so userError() (errortext.h) shows message() as is;
// kind() lets a wizard offer the next step (e.g. "import as CA certificate"
// after NoMatchingKey, or a PIN field after ContextPinRequired).
class KeyOperationError : public TokenDeskError {
public:
    enum class Kind {
        InvalidInput,        // the spec or file does not make sense (validator sentence)
        NoSuchKey,           // the key named by CKA_ID is not (or no longer) on the token
        IdCollision,         // the chosen CKA_ID is already used on the token
        NoMatchingKey,       // a certificate's public key belongs to no key on this token
        AlreadyOnToken,      // the same certificate/key is already there; nothing was written
        WrongPassword,       // PKCS#12 password (MAC check failed)
        ContextPinRequired,  // CKA_ALWAYS_AUTHENTICATE key: ask for the PIN for this one operation
        TokenChanged,        // the objects differ from what the confirmation showed
        Unsupported,         // key type / mechanism / curve the token or TokenDesk cannot do
        VerificationFailed,  // a signature or written object did not check out afterwards
    };

    KeyOperationError(Kind kind, const QString &message) : TokenDeskError(message), m_kind(kind) {}
    Kind kind() const noexcept { return m_kind; }

private:
    Kind m_kind;
};
