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

    // Before C_InitToken, on an initialized token: the current SO-PIN, checked where
    // it is typed (one C_Login as SO, C_Logout, the session closed again), so a wrong
    // one is found before the user has typed everything else. Throws Pkcs11Error.
    static void checkSoPin(Module &module, CK_SLOT_ID slot, const std::optional<SecureBytes> &soPin);

    // After C_InitToken: the slot now holding the token, found by what survives
    // initialization, never by label (OpenSC reports a SmartCard-HSM's label as
    // "<label> (UserPIN)"). First the same manufacturer + model + serial, in the
    // slot used, then anywhere (a module that renumbered its slots; not for a token
    // without a serial, which nothing tells apart from its twins). Then, for a
    // module that gives the token a new identity (SoftHSM moves a blank token to a
    // new slot id with a new serial), the one initialized token of the same
    // manufacturer and model that was not there before, the used slot first.
    // nullopt when none or several qualify.
    static std::optional<CK_SLOT_ID> findAgain(Module &module, const InitTokenRequest &request, CK_SLOT_ID usedSlot,
                                               const std::vector<TokenIdentity> &before);

    // Whether the label a token reports is the one written. Vendor quirk, OpenSC's
    // PKCS#15 emulation: a card with several PINs (SmartCard-HSM) has its label
    // reported as "<label> (UserPIN)", the PIN's name in brackets appended.
    static bool reportsLabel(const QString &reported, const QString &written);

    static QString stepText(Step step);
};
