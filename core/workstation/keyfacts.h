// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QByteArray>
#include <QString>

// What the workstation generators need to know about one key, as the module
// reports it (labels are not retyped: OpenSC decorates them).
struct KeyFacts {
    QString modulePath;   // absolute path of the PKCS#11 module
    QString tokenLabel;   // CK_TOKEN_INFO label, trailing blanks removed
    QString tokenSerial;  // CK_TOKEN_INFO serialNumber, trailing blanks removed
    CK_SLOT_ID slotId = 0; // the slot the token is in now (SunPKCS11 has no other stable choice)
    QByteArray id;        // CKA_ID
    QString objectLabel;  // CKA_LABEL
    QString uri;          // the private key's RFC 7512 URI, with token=, serial= and id=

    // From what a session on the token reads: labels as the module reports them,
    // the URI formatted by p11-kit (model, manufacturer, serial, token, id, object, type=private).
    static KeyFacts fromToken(const QString &modulePath, CK_SLOT_ID slot, const CK_TOKEN_INFO &token,
                              const QByteArray &id, const QByteArray &label);
};
