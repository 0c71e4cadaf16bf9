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
    case State::NotSet: text = tr("not set"); break;
    case State::Ok: text = tr("OK"); break;
    case State::CountLow: text = tr("a wrong PIN was entered since the last successful login"); break;
    case State::FinalTry: text = tr("one try left"); break;
    case State::Locked: text = tr("locked (no tries left)"); break;
    }
    if (mustBeChanged && state != State::Locked && state != State::NotSet)
        text = tr("%1, must be changed").arg(text);
    return text;
}

QString PinStatus::summary(PinRole role) const
{
    return role == PinRole::So ? tr("SO-PIN: %1").arg(stateText()) : tr("User PIN: %1").arg(stateText());
}

QString PinStatus::advice(PinRole role) const
{
    const bool so = role == PinRole::So;
    switch (state) {
    case State::NotSet:
        return so ? QString() : tr("No user PIN is set on this token. The security officer sets it with the SO-PIN.");
    case State::Ok: return QString();
    case State::CountLow:
        return so ? tr("The token does not say how many tries are left; it warns when only one is left. A successful "
                       "SO login clears this note.")
                  : tr("The token does not say how many tries are left; it warns when only one is left. A successful "
                       "login clears this note.");
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
