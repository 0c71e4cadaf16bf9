// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/snapshot.h"

#include "inventory/p11text.h"

TokenIdentity TokenIdentity::from(const CK_TOKEN_INFO &ti)
{
    return TokenIdentity{P11Text::padded(ti.manufacturerID), P11Text::padded(ti.model),
                         P11Text::padded(ti.serialNumber)};
}

QString ObjectInfo::key() const
{
    return QString::number(cls) + QLatin1Char('/') + QString::fromLatin1(id.toHex()) + QLatin1Char('/')
        + QString::fromUtf8(label);
}
