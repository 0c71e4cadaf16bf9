// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QString>

// Which PIN a check or an error is about.
enum class PinRole { User, So };

// What a token accepts as a PIN, from its own CK_TOKEN_INFO, so the UI can say
// "too short" before the token counts a wrong try or refuses the call.
struct PinRules {
    CK_ULONG minLength = 0; // bytes (UTF-8); 0: the token states no minimum
    CK_ULONG maxLength = 0; // bytes (UTF-8); 0: the token states no usable maximum
    bool sixteenHexDigits = false; // SmartCard-HSM SO-PIN (see soPinIsSixteenHexDigits)
    bool protectedPath = false;    // PIN pad: no PIN is typed on the computer

    static PinRules forToken(const CK_TOKEN_INFO &token, PinRole role);

    // Vendor quirk, SmartCard-HSM / Nitrokey HSM behind OpenSC (token manufacturer
    // "www.CardContact.de"): the SO-PIN is an 8-byte key that OpenSC's card-sc-hsm
    // driver takes as exactly 16 hexadecimal digits. Anything else fails only
    // inside the call (CKR_PIN_INVALID / CKR_PIN_LEN_RANGE), after the user has
    // been through the whole wizard, so we say so while they type.
    static bool soPinIsSixteenHexDigits(const CK_TOKEN_INFO &token);

    // "4 to 255 characters", "at least 6 characters", "16 hexadecimal digits" …
    QString lengthText() const;
};
