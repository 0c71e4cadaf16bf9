// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/pinvalidator.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(PinValidator) };

QString pinName(PinRole role, bool isNew)
{
    if (role == PinRole::So)
        return isNew ? Tr::tr("The new SO-PIN") : Tr::tr("The SO-PIN");
    return isNew ? Tr::tr("The new PIN") : Tr::tr("The PIN");
}

bool isHexDigit(CK_UTF8CHAR c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
} // namespace

QString PinValidator::checkShape(const SecureBytes &pin, const PinRules &rules, PinRole role, bool isNew)
{
    if (rules.protectedPath)
        return QString();
    const QString name = pinName(role, isNew);
    if (pin.empty())
        return isNew ? Tr::tr("%1 is empty.").arg(name) : Tr::tr("Enter %1.").arg(role == PinRole::So ? Tr::tr("the SO-PIN") : Tr::tr("the PIN"));
    if (rules.sixteenHexDigits) {
        bool hex = pin.size() == 16;
        for (CK_ULONG i = 0; hex && i < pin.size(); ++i)
            hex = isHexDigit(pin.data()[i]);
        if (!hex)
            return Tr::tr("%1 of a SmartCard-HSM / Nitrokey HSM is exactly 16 hexadecimal digits (0–9, A–F), "
                      "for example 3537363231383830; this one has %n character(s).", nullptr,
                      int(QString::fromUtf8(reinterpret_cast<const char *>(pin.data()), qsizetype(pin.size())).size()))
                .arg(name);
    }
    if (rules.minLength && pin.size() < rules.minLength)
        return Tr::tr("%1 is too short: this token needs %2.").arg(name, rules.lengthText());
    if (rules.maxLength && pin.size() > rules.maxLength)
        return Tr::tr("%1 is too long: this token takes %2.").arg(name, rules.lengthText());
    return QString();
}

QString PinValidator::checkCurrent(const SecureBytes &pin, const PinRules &rules, PinRole role)
{
    const QString shape = checkShape(pin, rules, role, false);
    if (shape.isEmpty() || pin.empty())
        return shape;
    // Said this way because sending it would only cost a try.
    return shape + Tr::tr(" It cannot be right, so it is not sent to the token.");
}

QString PinValidator::checkNew(const SecureBytes &pin, const SecureBytes &confirmation, const PinRules &rules,
                               PinRole role)
{
    if (rules.protectedPath)
        return QString();
    const QString shape = checkShape(pin, rules, role, true);
    if (!shape.isEmpty())
        return shape;
    if (confirmation.empty())
        return role == PinRole::So ? Tr::tr("Type the new SO-PIN a second time to confirm it.")
                                   : Tr::tr("Type the new PIN a second time to confirm it.");
    if (!(pin == confirmation))
        return role == PinRole::So ? Tr::tr("The two new SO-PINs do not match.") : Tr::tr("The two new PINs do not match.");
    return QString();
}
