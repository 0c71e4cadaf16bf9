// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/pinchangeparams.h"

#include <QString>

// Pure checks behind the PIN dialogs. Empty string: fine; otherwise one sentence.
class PinChangeValidator {
public:
    // Whether the operation is possible at all with the token in this state
    // (the PIN it needs is locked, no user PIN to change …).
    static QString checkState(PinChangeMode mode, const CK_TOKEN_INFO &token);
    static QString check(const PinChangeParams &p);
};
