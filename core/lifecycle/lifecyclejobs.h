// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/tokenref.h"
#include "lifecycle/pinchanger.h"
#include "lifecycle/tokeninitializer.h"

#include <QFuture>

class Inventory;
class ModuleRegistry;

// The asynchronous face of the lifecycle operations for the UI: each returns at
// once and runs on the token's executor (or, for a blank token, its module's).
// The request's PINs are wiped when the job ends, however it ends.
namespace LifecycleJobs {
// C_InitToken + SO login + C_InitPIN. An initialized token runs through
// Inventory::withoutSession (our session must be closed, or C_InitToken fails
// with CKR_SESSION_EXISTS). A blank token runs on the module's executor with the
// module from the registry, because Inventory opens a session before any token
// job and SoftHSM refuses sessions on its free slot (CKR_TOKEN_NOT_RECOGNIZED).
// The current SO-PIN of an initialized token, checked before the wizard goes on
// (TokenInitializer::checkSoPin): no session of ours stays open afterwards. Fails
// with the Pkcs11Error of C_Login.
QFuture<void> checkSoPin(Inventory &inventory, const TokenRef &token, std::optional<SecureBytes> soPin);
QFuture<InitTokenOutcome> initToken(Inventory &inventory, ModuleRegistry &registry, InitTokenRequest request);
// Change user PIN, change SO-PIN, or unblock (set) the user PIN, with the token's session.
QFuture<void> changePin(Inventory &inventory, const TokenRef &token, PinChangeRequest request);
} // namespace LifecycleJobs
