// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/ckrname.h"
#include "p11/pkcs11.h"

#include <QString>

#include <stdexcept>
#include <string>

// A failed PKCS#11 call: the function and its CK_RV, so callers can branch on the code.
// The plain-language sentence for a user comes from userMessage() (errortext.h).
class Pkcs11Error : public std::runtime_error {
public:
    Pkcs11Error(const char *function, CK_RV rv)
        : std::runtime_error(std::string(function) + ": " + ckrName(rv)), m_function(function), m_rv(rv)
    {
    }
    CK_RV rv() const noexcept { return m_rv; }
    const char *function() const noexcept { return m_function; }
    const char *name() const noexcept { return ckrName(m_rv); }

private:
    const char *m_function;
    CK_RV m_rv;
};

inline void check(CK_RV rv, const char *fn)
{
    if (rv != CKR_OK)
        throw Pkcs11Error(fn, rv);
}

// A failure outside PKCS#11 (module file missing, not a PKCS#11 library, bad input),
// carrying a sentence meant for the user.
class TokenDeskError : public std::runtime_error {
public:
    explicit TokenDeskError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message)
    {
    }
    QString message() const { return m_message; }

private:
    QString m_message;
};
