// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/lifecycleerror.h"

#include "lifecycle/pinstatus.h"
#include "p11/ckrname.h"
#include "p11/pkcs11error.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(LifecycleError) };

// CKR_PIN_INCORRECT with the flags read after it. COUNT_LOW only means that a wrong
// PIN was entered since the last successful login (SoftHSM sets it after one and
// never locks), so it is no reason to say "only a few tries are left".
QString wrongPin(const CK_TOKEN_INFO &token, PinRole verified, const QString &fallback)
{
    const bool so = verified == PinRole::So;
    switch (PinStatus::of(token, verified).state) {
    case PinStatus::State::Locked: return fallback;
    case PinStatus::State::FinalTry:
        return so ? Tr::tr("Wrong SO-PIN. One try left: the next wrong SO-PIN locks it.")
                  : Tr::tr("Wrong PIN. One try left: the next wrong PIN locks it.");
    case PinStatus::State::NotSet:
    case PinStatus::State::Ok:
    case PinStatus::State::CountLow: break;
    }
    return so ? Tr::tr("Wrong SO-PIN. The token does not say how many tries are left; check the SO-PIN before you try "
                   "again.")
              : Tr::tr("Wrong PIN. The token does not say how many tries are left; check the PIN before you try again.");
}

UserError refine(UserError u, const CK_TOKEN_INFO &token, PinRole verified, PinRole newPin)
{
    const PinRules rules = PinRules::forToken(token, newPin);
    const QString which = newPin == PinRole::So ? Tr::tr("SO-PIN") : Tr::tr("PIN");
    switch (u.rv) {
    case CKR_PIN_INCORRECT: u.sentence = wrongPin(token, verified, u.sentence); break;
    case CKR_PIN_LEN_RANGE:
        u.sentence = Tr::tr("The token refused the %1 because of its length: it accepts %2.").arg(which, rules.lengthText());
        break;
    case CKR_PIN_INVALID:
        u.sentence = rules.sixteenHexDigits
            ? Tr::tr("The token refused the %1: on a SmartCard-HSM / Nitrokey HSM it must be exactly 16 hexadecimal "
                 "digits (0–9, A–F).").arg(which)
            : Tr::tr("The token refused the %1 because it contains characters it does not accept. Try digits only.")
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
        u.sentence = Tr::tr("The token refused the new SO-PIN. It accepts %1; choose another one.")
                         .arg(PinRules::forToken(token, PinRole::So).lengthText());
    return u;
}
} // namespace

UserError lifecycleError(std::exception_ptr e, const CK_TOKEN_INFO &token, PinRole verified, PinRole newPin)
{
    return refine(userError(e, token.flags, verified == PinRole::So), token, verified, newPin);
}

UserError lifecycleError(CK_RV rv, const CK_TOKEN_INFO &token, PinRole verified, PinRole newPin)
{
    return refine(userError(rv, token.flags, verified == PinRole::So), token, verified, newPin);
}

UserError initTokenError(std::exception_ptr e, const CK_TOKEN_INFO &token, bool wasInitialized)
{
    return blankTokenRefusal(lifecycleError(e, token, PinRole::So, PinRole::So), token, wasInitialized);
}

UserError initTokenError(CK_RV rv, const CK_TOKEN_INFO &token, bool wasInitialized)
{
    return blankTokenRefusal(lifecycleError(rv, token, PinRole::So, PinRole::So), token, wasInitialized);
}
