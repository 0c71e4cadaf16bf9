// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/snapshot.h"

#include "inventory/p11text.h"

TokenIdentity TokenIdentity::from(const CK_TOKEN_INFO &ti)
{
    return TokenIdentity{P11Text::text(ti.manufacturerID), P11Text::text(ti.model), P11Text::text(ti.serialNumber), {}};
}

QString TokenIdentity::key() const
{
    QString k = manufacturer + QLatin1Char('|') + model + QLatin1Char('|') + serial;
    if (slot)
        k += QStringLiteral("|slot ") + QString::number(*slot);
    return k;
}

bool TokenIdentity::matches(const CK_TOKEN_INFO &ti, CK_SLOT_ID slotId) const
{
    const TokenIdentity reported = from(ti);
    return reported.manufacturer == manufacturer && reported.model == model && reported.serial == serial
        && (!slot || *slot == slotId);
}

QString ObjectInfo::key() const
{
    return QString::number(cls) + QLatin1Char('/') + QString::fromLatin1(id.toHex()) + QLatin1Char('/')
        + QString::fromUtf8(label);
}
