// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "p11/securebytes.h"

#include <QByteArray>
#include <QPromise>
#include <QStringList>

#include <exception>
#include <optional>

class Module;

// Everything C_InitToken + C_InitPIN need. Move-only; the job wipes it.
struct InitTokenRequest {
    TokenRef token;                     // as the user chose it (module, slot, identity)
    bool wasInitialized = false;
    QByteArray label;                   // 32 bytes, blank-padded (InitTokenValidator::storedLabel)
    std::optional<SecureBytes> soPin;   // nullopt: protected authentication path
    std::optional<SecureBytes> userPin; // nullopt: protected authentication path

    void wipeSecrets()
    {
        if (soPin)
            soPin->wipe();
        if (userPin)
            userPin->wipe();
    }
};

// What happened. C_InitToken failing is an exception (nothing was changed);
// once it succeeded, every later problem is reported here instead, because the
// token has been erased whatever happens next.
struct InitTokenOutcome {
    TokenRef token;                  // where the token is now (SoftHSM moves it to another slot id)
    CK_SLOT_ID previousSlot = 0;
    TokenSnapshot snapshot;          // read back after initialization
    bool found = false;              // the token was found again after C_InitToken
    bool userPinSet = false;
    std::exception_ptr followUpError; // finding it again or setting the user PIN failed
    QStringList verificationProblems; // read back, but not what was written

    bool complete() const { return found && userPinSet && !followUpError && verificationProblems.isEmpty(); }
};

// The initialization itself, on a worker (an executor), never the GUI thread.
class TokenInitializer {
public:
    enum Step { Checking, Initializing, Finding, SettingUserPin, Verifying, Done };

    // slot: where Inventory last saw the token (it follows renumbered slots). The
    // request's own slot wins when it still holds the identity the user chose:
    // blank tokens often share one identity (no serial), and the one to erase is
    // the one the user picked. Progress (0..Done) and its text go to progress.
    static InitTokenOutcome run(Module &module, CK_SLOT_ID slot, InitTokenRequest &request,
                                QPromise<InitTokenOutcome> *progress = nullptr);

    // After C_InitToken: the slot now holding the token. An initialized token keeps
    // its serial; a blank one gets a new identity, so it is the token with the new
    // label whose identity was not there before (prefer the same slot).
    static std::optional<CK_SLOT_ID> findAgain(Module &module, const InitTokenRequest &request, CK_SLOT_ID usedSlot,
                                               const std::vector<TokenIdentity> &before);

    static QString stepText(Step step);
};
