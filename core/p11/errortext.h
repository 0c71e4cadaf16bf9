// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QString>

#include <exception>

// A failure as the user sees it: what happened and what to do, plus the
// PKCS#11 code for searching and support ("… (CKR_PIN_INCORRECT)").
struct UserError {
    QString sentence;   // plain language, translated
    QString code;       // "CKR_PIN_INCORRECT", empty for non-PKCS#11 failures
    CK_RV rv = CKR_OK;
    QString text() const { return code.isEmpty() ? sentence : sentence + QStringLiteral(" (") + code + QLatin1Char(')'); }
};

// tokenFlags: the token's CK_TOKEN_INFO.flags read after the failure (0 when unknown);
// used to tell how many PIN tries are left and whether the PIN is locked.
UserError userError(CK_RV rv, CK_FLAGS tokenFlags = 0, bool soPin = false);
// From any exception a core job may throw (Pkcs11Error, TokenDeskError, std::exception).
UserError userError(std::exception_ptr e, CK_FLAGS tokenFlags = 0, bool soPin = false);
// "Reading objects failed: Wrong PIN … (CKR_…)"
QString describeFailure(const QString &operation, const UserError &e);
