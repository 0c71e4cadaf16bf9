// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/pinrules.h"

#include "inventory/p11text.h"

#include <QCoreApplication>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(PinRules)
};

// CK_UNAVAILABLE_INFORMATION and CK_EFFECTIVELY_INFINITE both mean "no limit we can check";
// a maximum below the minimum is a module bug, not a rule.
CK_ULONG usable(CK_ULONG v)
{
    return (v == CK_UNAVAILABLE_INFORMATION || v == CK_EFFECTIVELY_INFINITE) ? 0 : v;
}
} // namespace

PinRules PinRules::forToken(const CK_TOKEN_INFO &token, PinRole role)
{
    PinRules r;
    r.minLength = usable(token.ulMinPinLen);
    r.maxLength = usable(token.ulMaxPinLen);
    if (r.maxLength && r.maxLength < r.minLength)
        r.maxLength = 0;
    r.protectedPath = token.flags & CKF_PROTECTED_AUTHENTICATION_PATH;
    if (role == PinRole::So && soPinIsSixteenHexDigits(token)) {
        r.sixteenHexDigits = true;
        r.minLength = r.maxLength = 16;
    }
    return r;
}

bool PinRules::soPinIsSixteenHexDigits(const CK_TOKEN_INFO &token)
{
    return P11Text::padded(token.manufacturerID).compare(QLatin1String("www.CardContact.de"), Qt::CaseInsensitive) == 0;
}

QString PinRules::lengthText() const
{
    if (sixteenHexDigits)
        return Tr::tr("exactly 16 hexadecimal digits (0–9, A–F)");
    if (minLength && maxLength)
        return minLength == maxLength ? Tr::tr("exactly %n character(s)", nullptr, int(minLength))
                                      : Tr::tr("%1 to %2 characters").arg(minLength).arg(maxLength);
    if (minLength)
        return Tr::tr("at least %n character(s)", nullptr, int(minLength));
    if (maxLength)
        return Tr::tr("at most %n character(s)", nullptr, int(maxLength));
    return Tr::tr("any length");
}
