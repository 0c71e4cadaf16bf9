// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

// How the GUI names a token to core: module, the slot it was last seen in, and
// its identity. Core checks the identity before every job and follows the token
// to another slot when the module renumbered them.
struct TokenRef {
    QString modulePath;
    CK_SLOT_ID slot = 0;
    TokenIdentity id;
    bool operator==(const TokenRef &) const = default;
};
