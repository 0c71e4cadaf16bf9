// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/createshareparams.h"
#include "dkek/dkeksharejobs.h"
#include "dkek/legacykdf.h"
#include "dkek/passwordsharing.h"
#include "p11/securebytes.h"

#include <QDateTime>

#include <optional>

// What the Create DKEK Share wizard's pages share. Owned by the wizard; the
// pages hold a pointer. Secrets are wiped when the wizard closes.
struct DkekCreateState {
    CreateShareParams params;
    SecureBytes password;                     // moved into the derivation job when it starts
    std::optional<SharedPassword> custodians; // n-of-m: shown one custodian per page
    std::optional<CreateShareResult> result;  // path, file bytes (ciphertext), KCV
    QDateTime createdAt;
    quint32 iterations = kDkekShareIterations; // the UI always uses 10,000,000; tests may lower it

    void wipeSecrets()
    {
        password.wipe();
        custodians.reset();
    }
};
