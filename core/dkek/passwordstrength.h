// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QString>

// A rough strength estimate for a DKEK share password, shown while typing.
// The 10,000,000 MD5 iterations only add about 23 bits, so the password has to
// carry the rest: an attacker with the file can test passwords offline.
struct PasswordStrength {
    enum class Level { TooShort, Weak, Fair, Strong };
    Level level = Level::TooShort;
    int bits = 0;  // estimated entropy of the password itself
    QString hint;  // one sentence, translated

    // Minimum length sc-hsm-tool accepts (in characters).
    static constexpr int kMinLength = 6;

    // utf8: the password as typed, UTF-8 encoded.
    static PasswordStrength estimate(const SecureBytes &utf8);
};
