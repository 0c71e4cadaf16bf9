// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/pinstatus.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(PinStatus) };
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

int PinStatus::triesLeft() const
{
    switch (state) {
    case State::FinalTry: return 1;
    case State::Locked: return 0;
    case State::NotSet:
    case State::Ok:
    case State::CountLow: break;
    }
    return -1;
}

QString PinStatus::stateText() const
{
    QString text;
    switch (state) {
    case State::NotSet: text = Tr::tr("not set"); break;
    case State::Ok: text = Tr::tr("OK"); break;
    case State::CountLow: text = Tr::tr("a wrong PIN was entered since the last successful login"); break;
    case State::FinalTry: text = Tr::tr("one try left"); break;
    case State::Locked: text = Tr::tr("locked (no tries left)"); break;
    }
    if (mustBeChanged && state != State::Locked && state != State::NotSet)
        text = Tr::tr("%1, must be changed").arg(text);
    return text;
}

QString PinStatus::summary(PinRole role) const
{
    return role == PinRole::So ? Tr::tr("SO-PIN: %1").arg(stateText()) : Tr::tr("User PIN: %1").arg(stateText());
}

QString PinStatus::advice(PinRole role) const
{
    const bool so = role == PinRole::So;
    switch (state) {
    case State::NotSet:
        return so ? QString() : Tr::tr("No user PIN is set on this token. The security officer sets it with the SO-PIN.");
    case State::Ok: return QString();
    case State::CountLow:
        return so ? Tr::tr("The token does not say how many tries are left; it warns when only one is left. A successful "
                       "SO login clears this note.")
                  : Tr::tr("The token does not say how many tries are left; it warns when only one is left. A successful "
                       "login clears this note.");
    case State::FinalTry:
        return so ? Tr::tr("One try left: a wrong SO-PIN now locks the SO-PIN for good, and the token can then only be "
                       "re-initialized with the vendor's tools, if at all.")
                  : Tr::tr("One try left: a wrong PIN now locks the PIN. Only the security officer can then unblock it.");
    case State::Locked:
        return so ? Tr::tr("The SO-PIN is locked. PINs cannot be reset with it any more; only re-initialization "
                       "(which erases the token) can help, if the token allows it.")
                  : Tr::tr("The PIN is locked. Nobody can log in until the security officer unblocks it with the SO-PIN.");
    }
    return QString();
}
