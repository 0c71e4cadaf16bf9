// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/pinrules.h"
#include "p11/securebytes.h"

#include <QString>

// Pure checks of typed PINs against a token's rules. Each returns an empty
// string when the input is fine, otherwise one sentence for the page or dialog.
class PinValidator {
public:
    // A PIN the token will verify (current PIN, SO-PIN): refuse what cannot be
    // right before the token counts it as a wrong try.
    static QString checkCurrent(const SecureBytes &pin, const PinRules &rules, PinRole role);
    // A PIN to be set, typed twice.
    static QString checkNew(const SecureBytes &pin, const SecureBytes &confirmation, const PinRules &rules,
                            PinRole role);
    // Only the rules (length, hex), for one field.
    static QString checkShape(const SecureBytes &pin, const PinRules &rules, PinRole role, bool isNew);
};
