// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// What the Create DKEK Share wizard collects, apart from the password itself
// (which lives only in SecureBytes). Checked by CreateShareValidator.
struct CreateShareParams {
    enum class Protection {
        Password,        // a password the user types twice
        CustodianShares, // a random password split T-of-N among key custodians
    };

    QString path;
    bool replaceExisting = false; // the user ticked "Replace the existing file"
    Protection protection = Protection::Password;
    int threshold = 2;
    int total = 3;
};
