// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/initializedeviceparams.h"
#include "schsm/schsmdevice.h"
#include "schsm/schsmobjects.h"
#include "schsm/schsmstatus.h"

#include <optional>

// What the SmartCard-HSM Initialize wizard's pages share: the device as read
// before, the choices (bound to InitializeDeviceParams, checked by
// InitializeDeviceValidator), and the outcome.
struct SchsmInitState {
    QString reader;
    SchsmStatus status; // as read before; refreshed after a refused SO-PIN
    InitializeDeviceParams params;

    enum class Objects { Reading, Read, Failed };
    Objects objectsState = Objects::Reading;
    SchsmObjects objects; // what the initialization erases
    QString objectsError;

    std::optional<InitializeDeviceResult> result;
    QString failure;                          // the sentence of a failed initialization
    bool changedDespiteFailure = false;       // the device may have been changed all the same
    std::optional<SchsmStatus> statusAfterFailure;

    void wipeSecrets()
    {
        params.currentSoPin.wipe();
        params.newSoPin.wipe();
        params.userPin.wipe();
    }
};
