// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QString>

// What the "Initialize device" wizard collects; checked by InitializeDeviceValidator.
struct InitializeDeviceParams {
    SecureBytes currentSoPin;   // 16 hex digits as typed (any SO-PIN works on a never-initialized device)
    SecureBytes newSoPin;       // 16 hex digits; empty keeps the current SO-PIN
    SecureBytes userPin;        // 6-15 bytes (OpenSC's limit for this device)
    int retryCounter = 3;       // 1-10; sc-hsm-tool's rule: at most 3 for 6 characters, 5 for 7
    bool soMayResetUserPin = true;
    bool transportPin = false;
    int dkekShares = 1;         // 0: keys can never be backed up or cloned
    bool acceptNoDkek = false;  // the user ticked that 0 shares is what they want
    QString label;              // empty: OpenSC shows "SmartCard-HSM"
    bool confirmFinalSoPinTry = false; // the user was told this SO-PIN try is the last one

    InitializeDeviceParams clone() const
    {
        InitializeDeviceParams c;
        c.currentSoPin = currentSoPin.clone();
        c.newSoPin = newSoPin.clone();
        c.userPin = userPin.clone();
        c.retryCounter = retryCounter;
        c.soMayResetUserPin = soMayResetUserPin;
        c.transportPin = transportPin;
        c.dkekShares = dkekShares;
        c.acceptNoDkek = acceptNoDkek;
        c.label = label;
        c.confirmFinalSoPinTry = confirmFinalSoPinTry;
        return c;
    }
};
