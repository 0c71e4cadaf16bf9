// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"
#include "schsm/schsmstatus.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

// One opened DKEK share file (DkekShareJobs::open gives share and kcv).
struct DkekShareInput {
    QString name;                              // file name, for messages
    QByteArray kcv;                            // SHA-256(share)[:8]
    std::shared_ptr<const SecureBytes> share;  // 32 bytes, wiped by its last owner
};

// What importing these shares into this device will do, computed before
// anything is sent: refused (with the reason), or the device's DKEK check
// value to expect afterwards.
struct DkekImportPlan {
    QString refusal;         // empty: the import may go ahead
    QByteArray expectedKcv;  // the device's KCV once complete; empty when it cannot be predicted
    int outstandingAfter = 0;

    bool allowed() const { return refusal.isEmpty(); }
    // device: the DKEK state read from the device just now.
    static DkekImportPlan make(const DkekState &device, const std::vector<DkekShareInput> &shares);
};
