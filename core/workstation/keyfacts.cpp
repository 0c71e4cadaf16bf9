// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/keyfacts.h"

#include "inventory/p11text.h"
#include "p11/uri.h"

KeyFacts KeyFacts::fromToken(const QString &modulePath, CK_SLOT_ID slot, const CK_TOKEN_INFO &token,
                             const QByteArray &id, const QByteArray &label)
{
    KeyFacts k;
    k.modulePath = modulePath;
    k.tokenLabel = P11Text::padded(token.label);
    k.tokenSerial = P11Text::padded(token.serialNumber);
    k.slotId = slot;
    k.id = id;
    k.objectLabel = QString::fromUtf8(label);
    k.uri = Pkcs11Uri::forObject(token, CKO_PRIVATE_KEY, id, label);
    return k;
}
