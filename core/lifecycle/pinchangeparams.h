// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/pinrules.h"
#include "p11/pkcs11.h"
#include "p11/securebytes.h"

// The three PIN operations of a token's context menu.
enum class PinChangeMode {
    User,    // change the user PIN: C_SetPIN, logged in as the user
    So,      // change the SO-PIN: C_SetPIN, logged in as the SO
    Unblock, // unblock / set the user PIN: SO login + C_InitPIN
};

// Which PIN the token verifies in this mode, and which one is set.
inline PinRole verifiedRole(PinChangeMode m) { return m == PinChangeMode::User ? PinRole::User : PinRole::So; }
inline PinRole newPinRole(PinChangeMode m) { return m == PinChangeMode::So ? PinRole::So : PinRole::User; }

// What a PIN dialog collects, checked by PinChangeValidator. Move-only.
struct PinChangeParams {
    PinChangeMode mode = PinChangeMode::User;
    CK_TOKEN_INFO token{};        // as last read: flags, limits
    SecureBytes currentPin;       // user PIN (User) or SO-PIN (So, Unblock)
    SecureBytes newPin;
    SecureBytes newPinConfirmation;
    bool finalTryAcknowledged = false;

    void wipeSecrets()
    {
        currentPin.wipe();
        newPin.wipe();
        newPinConfirmation.wipe();
    }
};
