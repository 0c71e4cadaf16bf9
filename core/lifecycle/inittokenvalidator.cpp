// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/inittokenvalidator.h"

#include "inventory/p11text.h"
#include "lifecycle/displayfield.h"
#include "lifecycle/pinrules.h"
#include "lifecycle/pinstatus.h"
#include "lifecycle/pinvalidator.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(InitTokenValidator) };
} // namespace

QString InitTokenValidator::checkToken(const InitTokenParams &p)
{
    if (p.token.flags & CKF_WRITE_PROTECTED)
        return Tr::tr("This token is write-protected; it cannot be initialized.");
    if (p.tokenInitialized() && PinStatus::of(p.token, PinRole::So).locked())
        return Tr::tr("The SO-PIN of this token is locked, and C_InitToken needs it. The token cannot be initialized "
                  "from here; only the vendor's tools may be able to reset it.");
    return QString();
}

QString InitTokenValidator::checkSoPin(const InitTokenParams &p)
{
    const PinRules rules = PinRules::forToken(p.token, PinRole::So);
    if (!p.tokenInitialized())
        return PinValidator::checkNew(p.soPin, p.soPinConfirmation, rules, PinRole::So);
    const QString current = PinValidator::checkCurrent(p.soPin, rules, PinRole::So);
    if (!current.isEmpty())
        return current;
    if (PinStatus::of(p.token, PinRole::So).finalTry() && !p.soFinalTryAcknowledged)
        return Tr::tr("The SO-PIN has one try left. Confirm that you understand a wrong SO-PIN locks it.");
    return QString();
}

QString InitTokenValidator::checkLabel(const QString &label)
{
    const QString t = label.trimmed();
    if (t.isEmpty())
        return Tr::tr("Enter a label: it is how people and programs tell this token apart.");
    for (const QChar c : t)
        if (c.category() == QChar::Other_Control)
            return Tr::tr("The label contains a control character.");
    const qsizetype bytes = t.toUtf8().size();
    if (bytes > kLabelBytes)
        return Tr::tr("The label is %1 bytes long in UTF-8; a token label holds at most %2 bytes. Shorten it by %3 "
                  "bytes (letters outside A–Z take 2 to 4 bytes each).")
            .arg(bytes)
            .arg(kLabelBytes)
            .arg(bytes - kLabelBytes);
    return QString();
}

QString InitTokenValidator::checkUserPin(const InitTokenParams &p)
{
    return PinValidator::checkNew(p.userPin, p.userPinConfirmation, PinRules::forToken(p.token, PinRole::User),
                                  PinRole::User);
}

QStringList InitTokenValidator::confirmationTargets(const InitTokenParams &p)
{
    QStringList targets;
    // Only what can be typed: a serial of NUL bytes or control characters cannot.
    const QString label = DisplayField::typeable(P11Text::padded(p.token.label));
    const QString serial = DisplayField::typeable(P11Text::padded(p.token.serialNumber));
    if (p.tokenInitialized() && !label.isEmpty())
        targets << label;
    if (!serial.isEmpty())
        targets << serial;
    if (targets.isEmpty() && !p.label.trimmed().isEmpty())
        targets << p.label.trimmed();
    return targets;
}

QString InitTokenValidator::checkConfirmation(const InitTokenParams &p)
{
    const QStringList targets = confirmationTargets(p);
    if (targets.isEmpty())
        return Tr::tr("Enter a label first.");
    if (targets.contains(p.confirmation.trimmed()))
        return QString();
    if (targets.size() == 1 && targets.first() == p.label.trimmed())
        return Tr::tr("Type the new label “%1” to confirm.").arg(targets.first());
    if (targets.size() == 2)
        return Tr::tr("Type the token's current label “%1” or its serial number “%2” to confirm.")
            .arg(targets.at(0), targets.at(1));
    return Tr::tr("Type “%1” to confirm.").arg(targets.first());
}

QString InitTokenValidator::check(const InitTokenParams &p)
{
    for (const QString &problem : {checkToken(p), checkSoPin(p), checkLabel(p.label), checkUserPin(p),
                                   checkConfirmation(p)})
        if (!problem.isEmpty())
            return problem;
    return QString();
}

QByteArray InitTokenValidator::storedLabel(const QString &label)
{
    QByteArray bytes = label.trimmed().toUtf8();
    bytes.truncate(kLabelBytes); // the validator refuses longer labels; never cut silently elsewhere
    bytes.append(QByteArray(kLabelBytes - bytes.size(), ' '));
    return bytes;
}
