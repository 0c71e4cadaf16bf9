// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

#include <QString>

// The PIN facts a device reports itself, shown in the token details instead of the
// PKCS#11 flags when they concern the shown token: through OpenSC a SmartCard-HSM
// reports neither SO-PIN tries nor a locked SO-PIN, so the flags would say "OK"
// while the device panel (the same source as these facts) says otherwise.
struct DevicePinFacts {
    QString tokenSerial; // the PKCS#11 token these facts belong to
    QString source;      // "SmartCard-HSM DETD0000042", named in the details
    QString userPin;
    bool userPinWarn = false;
    QString soPin;
    bool soPinWarn = false;
    // Whether the device was ever initialized, as it says itself: OpenSC reports a
    // never-initialized SmartCard-HSM as an initialized token (CKF_TOKEN_INITIALIZED)
    // with a user PIN set, while the device has neither SO-PIN nor user PIN.
    bool initialized = true;
    QString initializedText; // as the device panel words it

    // Whether these facts are about token t (the device panel's token, by serial).
    bool concern(const TokenSnapshot &t) const { return tokenSerial == t.id.serial; }
    // The device behind t says it was never initialized: only initializing it can work
    // (no login, no keys), whatever the module's flags say. The one rule the actions,
    // the token details and the tree row follow.
    bool blank(const TokenSnapshot &t) const { return concern(t) && !initialized; }
};
