// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/pinstatus.h"

#include <QCoreApplication>

namespace {
QString tr(const char *s) { return QCoreApplication::translate("PinStatus", s); }
} // namespace

PinStatus PinStatus::of(const CK_TOKEN_INFO &token, PinRole role)
{
    const CK_FLAGS f = token.flags;
    const bool so = role == PinRole::So;
    PinStatus s;
    if (!(f & CKF_TOKEN_INITIALIZED) || (!so && !(f & CKF_USER_PIN_INITIALIZED))) {
        s.state = State::NotSet;
        return s;
    }
    s.mustBeChanged = f & (so ? CKF_SO_PIN_TO_BE_CHANGED : CKF_USER_PIN_TO_BE_CHANGED);
    if (f & (so ? CKF_SO_PIN_LOCKED : CKF_USER_PIN_LOCKED))
        s.state = State::Locked;
    else if (f & (so ? CKF_SO_PIN_FINAL_TRY : CKF_USER_PIN_FINAL_TRY))
        s.state = State::FinalTry;
    else if (f & (so ? CKF_SO_PIN_COUNT_LOW : CKF_USER_PIN_COUNT_LOW))
        s.state = State::CountLow;
    return s;
}

QString PinStatus::summary(PinRole role) const
{
    QString state;
    switch (this->state) {
    case State::NotSet: state = tr("not set"); break;
    case State::Ok: state = tr("OK"); break;
    case State::CountLow: state = tr("a wrong PIN was entered since the last correct one"); break;
    case State::FinalTry: state = tr("1 try left"); break;
    case State::Locked: state = tr("locked"); break;
    }
    if (mustBeChanged && this->state != State::Locked)
        state += tr(", must be changed");
    return role == PinRole::So ? tr("SO-PIN: %1").arg(state) : tr("User PIN: %1").arg(state);
}

QString PinStatus::advice(PinRole role) const
{
    const bool so = role == PinRole::So;
    switch (state) {
    case State::NotSet:
        return so ? QString() : tr("No user PIN is set on this token. The security officer sets it with the SO-PIN.");
    case State::Ok: return QString();
    case State::CountLow:
        return tr("Tokens allow only a few wrong tries (often three) before they lock. Check the PIN before you type it.");
    case State::FinalTry:
        return so ? tr("One try left: a wrong SO-PIN now locks the SO-PIN for good, and the token can then only be "
                       "re-initialized with the vendor's tools, if at all.")
                  : tr("One try left: a wrong PIN now locks the PIN. Only the security officer can then unblock it.");
    case State::Locked:
        return so ? tr("The SO-PIN is locked. PINs cannot be reset with it any more; only re-initialization "
                       "(which erases the token) can help, if the token allows it.")
                  : tr("The PIN is locked. Nobody can log in until the security officer unblocks it with the SO-PIN.");
    }
    return QString();
}
