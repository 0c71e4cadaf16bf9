// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

#include <QString>

// What is on a token before it is erased, counted from what Inventory::readObjects saw.
struct ObjectCount {
    int privateKeys = 0;
    int publicKeys = 0;
    int secretKeys = 0;
    int certificates = 0;
    int other = 0;
    bool privateObjectsHidden = false; // not logged in: private objects were not listed

    static ObjectCount of(const TokenContents &contents);
    int keys() const { return privateKeys + publicKeys + secretKeys; }
    int total() const { return keys() + certificates + other; }
    // "3 keys (1 private, 1 public, 1 secret), 2 certificates and 1 other object"
    QString describe() const;
};
