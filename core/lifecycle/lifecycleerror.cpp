// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/lifecycleerror.h"

#include "p11/ckrname.h"
#include "p11/pkcs11error.h"

#include <QCoreApplication>

namespace {
QString tr(const char *s) { return QCoreApplication::translate("LifecycleError", s); }

UserError refine(UserError u, const CK_TOKEN_INFO &token, PinRole newPin)
{
    const PinRules rules = PinRules::forToken(token, newPin);
    const QString which = newPin == PinRole::So ? tr("SO-PIN") : tr("PIN");
    switch (u.rv) {
    case CKR_PIN_LEN_RANGE:
        u.sentence = tr("The token refused the %1 because of its length: it accepts %2.").arg(which, rules.lengthText());
        break;
    case CKR_PIN_INVALID:
        u.sentence = rules.sixteenHexDigits
            ? tr("The token refused the %1: on a SmartCard-HSM / Nitrokey HSM it must be exactly 16 hexadecimal "
                 "digits (0–9, A–F).").arg(which)
            : tr("The token refused the %1 because it contains characters it does not accept. Try digits only.")
                  .arg(which);
        break;
    case CKR_SESSION_READ_ONLY:
    case CKR_SESSION_READ_ONLY_EXISTS:
        // The token only allows read-only sessions: for the user that is write protection.
        u.sentence = userError(CKR_TOKEN_WRITE_PROTECTED).sentence;
        break;
    default: break;
    }
    return u;
}

UserError blankTokenRefusal(UserError u, const CK_TOKEN_INFO &token, bool wasInitialized)
{
    if (!wasInitialized && u.rv == CKR_PIN_INCORRECT)
        u.sentence = tr("The token refused the new SO-PIN. It accepts %1; choose another one.")
                         .arg(PinRules::forToken(token, PinRole::So).lengthText());
    return u;
}
} // namespace

UserError lifecycleError(std::exception_ptr e, const CK_TOKEN_INFO &token, PinRole verified, PinRole newPin)
{
    return refine(userError(e, token.flags, verified == PinRole::So), token, newPin);
}

UserError lifecycleError(CK_RV rv, const CK_TOKEN_INFO &token, PinRole verified, PinRole newPin)
{
    return refine(userError(rv, token.flags, verified == PinRole::So), token, newPin);
}

UserError initTokenError(std::exception_ptr e, const CK_TOKEN_INFO &token, bool wasInitialized)
{
    return blankTokenRefusal(lifecycleError(e, token, PinRole::So, PinRole::So), token, wasInitialized);
}

UserError initTokenError(CK_RV rv, const CK_TOKEN_INFO &token, bool wasInitialized)
{
    return blankTokenRefusal(lifecycleError(rv, token, PinRole::So, PinRole::So), token, wasInitialized);
}
