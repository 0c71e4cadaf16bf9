// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/pinchangeparams.h"
#include "p11/securebytes.h"

#include <optional>

class Session;

// What a PIN job needs. Move-only; the job wipes it. nullopt PINs: protected
// authentication path (the reader's PIN pad asks).
struct PinChangeRequest {
    PinChangeMode mode = PinChangeMode::User;
    std::optional<SecureBytes> currentPin;
    std::optional<SecureBytes> newPin;
    // User mode only: stay logged in afterwards (the session's login is kept; the PIN is wiped anyway).
    bool stayLoggedIn = false;

    void wipeSecrets()
    {
        if (currentPin)
            currentPin->wipe();
        if (newPin)
            newPin->wipe();
    }
};

// The PIN operations, on the token's executor with its persistent session
// (Inventory::withSession). Every PIN the user typed is sent once per call that
// needs it; nothing is retried.
class PinChanger {
public:
    // User: C_SetPIN as the user. If the session is not logged in, one C_Login with
    // the current PIN first (so a wrong PIN fails as a login, counted once), and a
    // C_Logout after unless stayLoggedIn. A PIN pad changes it in one C_SetPIN.
    // So: C_Login(CKU_SO) + C_SetPIN + C_Logout. Unblock: C_Login(CKU_SO) + C_InitPIN
    // + C_Logout. Both end a user login first: PKCS#11 allows one user type at a time.
    static void run(Session &session, PinChangeRequest &request);
};
