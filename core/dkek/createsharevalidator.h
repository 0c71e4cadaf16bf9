// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/createshareparams.h"
#include "p11/securebytes.h"

#include <QString>

// Pure checks behind the Create DKEK Share wizard's pages. Each returns an
// empty string when the input is fine, otherwise one sentence for the page.
class CreateShareValidator {
public:
    static QString checkDestination(const CreateShareParams &params);
    static QString checkProtection(const CreateShareParams &params);
    // Both passwords as typed (UTF-8).
    static QString checkPassword(const SecureBytes &password, const SecureBytes &confirmation);
    // Destination and protection together.
    static QString check(const CreateShareParams &params);
};
