// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/pinchangevalidator.h"

#include "lifecycle/pinstatus.h"
#include "lifecycle/pinvalidator.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(PinChangeValidator) };
} // namespace

QString PinChangeValidator::checkState(PinChangeMode mode, const CK_TOKEN_INFO &token)
{
    if (!(token.flags & CKF_TOKEN_INITIALIZED))
        return Tr::tr("This token is not initialized. Initialize it first.");
    if (token.flags & CKF_WRITE_PROTECTED)
        return Tr::tr("This token is write-protected; its PINs cannot be changed.");
    const PinStatus verified = PinStatus::of(token, verifiedRole(mode));
    if (verified.locked())
        return mode == PinChangeMode::User
            ? Tr::tr("The PIN is locked, so it cannot be changed. Unblock it with the SO-PIN instead.")
            : Tr::tr("The SO-PIN is locked. It cannot be used to change PINs any more; only re-initialization "
                 "(which erases the token) can help, if the token allows it.");
    if (mode == PinChangeMode::User && verified.state == PinStatus::State::NotSet)
        return Tr::tr("No user PIN is set on this token yet. Set one with the SO-PIN (Unblock PIN).");
    return QString();
}

QString PinChangeValidator::check(const PinChangeParams &p)
{
    const QString state = checkState(p.mode, p.token);
    if (!state.isEmpty())
        return state;
    const PinRole verified = verifiedRole(p.mode);
    const PinRules verifiedRules = PinRules::forToken(p.token, verified);
    const PinRules newRules = PinRules::forToken(p.token, newPinRole(p.mode));
    QString problem = PinValidator::checkCurrent(p.currentPin, verifiedRules, verified);
    if (problem.isEmpty())
        problem = PinValidator::checkNew(p.newPin, p.newPinConfirmation, newRules, newPinRole(p.mode));
    if (problem.isEmpty() && p.mode != PinChangeMode::Unblock && !newRules.protectedPath && p.newPin == p.currentPin)
        problem = Tr::tr("The new PIN is the same as the current one.");
    if (problem.isEmpty() && PinStatus::of(p.token, verified).finalTry() && !p.finalTryAcknowledged)
        problem = verified == PinRole::So
            ? Tr::tr("The SO-PIN has one try left. Confirm that you understand a wrong SO-PIN locks it.")
            : Tr::tr("The PIN has one try left. Confirm that you understand a wrong PIN locks it.");
    return problem;
}
