// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "p11/pkcs11.h"
#include "p11/securebytes.h"

#include <QString>

#include <optional>

class Module;

// The demo token: a SoftHSMv2 token in a store of TokenDesk's own, offered when
// the machine has no PKCS#11 token, so a first-time user can explore the tree,
// the detail pane and the pairing warnings without hardware.
//
// Its PINs are deliberately public (the UI shows them): the token holds only
// keys made for the demo, in a software store, and says so in its label, its
// certificates and a data object.
//
// Typical use (the app):
//   DemoToken::useDemoStore();                      // before SoftHSM's C_Initialize
//   // then, on a worker (e.g. Inventory::moduleExecutor(path)->submit):
//   auto softhsm = registry.load(DemoToken::softhsmModulePath());
//   std::optional<TokenRef> ref = DemoToken::find(*softhsm);
//   if (!ref)
//       ref = DemoToken::create(*softhsm);
// find/create make PKCS#11 calls: run them on an executor, never on the GUI thread.
class DemoToken {
public:
    static constexpr const char *kLabel = "TokenDesk Demo";
    // Public demo values, shown in the UI; safe to print. Login calls still take
    // them as SecureBytes (userPin()/soPin()) because that is what Session expects.
    static constexpr const char *kUserPin = "123456";
    static constexpr const char *kSoPin = "12345678";
    // CK_TOKEN_INFO.manufacturerID of every SoftHSMv2 token.
    static constexpr const char *kSoftHsmManufacturer = "SoftHSM project";
    // The demo's dated certificates, counted from its creation: "Demo key expiring soon"
    // (inside the default 30-day warning) and "Demo key with expired certificate".
    static constexpr int kExpiringSoonDays = 12;
    static constexpr int kExpiredDaysAgo = 5;

    static SecureBytes userPin() { return SecureBytes::fromUtf8(kUserPin); }
    static SecureBytes soPin() { return SecureBytes::fromUtf8(kSoPin); }

    // <AppDataLocation>/demo-softhsm, or the directory set for tests.
    static QString storeDir();
    static QString confPath();  // <storeDir>/softhsm2.conf
    static QString tokenDir();  // <storeDir>/tokens
    // libsofthsm2.so as Debian and Fedora install it; empty if SoftHSM is not installed.
    static QString softhsmModulePath();

    // Tests keep the store out of the user's data dir. Empty restores the default.
    static void setStoreDirForTesting(const QString &dir);

    // Writes softhsm2.conf and tokens/ if needed and points SOFTHSM2_CONF (in this
    // process) at them. SoftHSM reads the variable in C_Initialize only, so call
    // this before libsofthsm2 is loaded, or call Module::reinitialize() afterwards.
    // While it is set, this process sees the demo store instead of the user's own
    // SoftHSM tokens. Throws TokenDeskError if the directory cannot be written.
    static void useDemoStore();

    // Label and manufacturer: a SoftHSM token that TokenDesk made for the demo.
    static bool isDemoToken(const TokenSnapshot &token);
    static bool isDemoToken(const CK_TOKEN_INFO &info);

    // The demo token in this module, if one exists. Worker thread only.
    static std::optional<TokenRef> find(Module &softhsm);

    // Blocking; worker thread only (every call goes through P11CALL). Initializes
    // SoftHSM's free slot as the demo token (label, SO PIN, user PIN) and fills it:
    //  - "Demo RSA signing key": RSA-2048 pair generated on the token + self-signed certificate
    //  - "Demo EC P-256 key": EC P-256 pair generated on the token + self-signed certificate
    //  - "Demo key with mismatched ID": EC P-256 pair whose certificate is stored under
    //    another CKA_ID (the Subject Key Identifier), so the pairing warning can be seen
    //  - "About this demo token": a public data object explaining what this is
    // Key IDs follow OpenSC (defaultKeyId). Certificates are signed by the token key
    // itself (C_Sign), so no key material ever exists outside the token.
    // Returns the new token. Throws TokenDeskError (not SoftHSM, SOFTHSM2_CONF not
    // pointing at the demo store, no free slot, a demo token already present) or
    // Pkcs11Error/X509Error from the steps; a failure after C_InitToken leaves a
    // partly filled demo token behind, which create() refuses to touch again -
    // delete storeDir() (with SoftHSM unloaded) to start over.
    static TokenRef create(Module &softhsm);
};
