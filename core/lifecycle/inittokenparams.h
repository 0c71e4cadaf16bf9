// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"
#include "p11/securebytes.h"

#include <QString>

// What the Initialize Token wizard collects, checked by InitTokenValidator.
// Move-only (the PINs are SecureBytes); the wizard owns one and wipes it.
struct InitTokenParams {
    CK_TOKEN_INFO token{};            // as read when the token was chosen: limits, flags, label, serial
    SecureBytes soPin;                // the current SO-PIN, or the new one for a token that has none
    SecureBytes soPinConfirmation;    // only for a token that has no SO-PIN yet
    bool soFinalTryAcknowledged = false;
    QString label;                    // the new label as typed
    SecureBytes userPin;
    SecureBytes userPinConfirmation;
    QString confirmation;             // what the user typed on the commit page

    bool tokenInitialized() const { return token.flags & CKF_TOKEN_INITIALIZED; }

    void wipeSecrets()
    {
        soPin.wipe();
        soPinConfirmation.wipe();
        userPin.wipe();
        userPinConfirmation.wipe();
    }
};
