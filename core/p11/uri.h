// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QByteArray>
#include <QString>

// RFC 7512 PKCS#11 URIs, formatted by p11-kit's own URI code so they read
// exactly like GnuTLS' p11tool prints them
// (model;manufacturer;serial;token;id=%XX…;object=…;type=…).
namespace Pkcs11Uri {
QString forToken(const CK_TOKEN_INFO &token);
// label may be empty (then no object= part); id may be empty (then no id= part).
QString forObject(const CK_TOKEN_INFO &token, CK_OBJECT_CLASS cls, const QByteArray &id, const QByteArray &label);
} // namespace Pkcs11Uri
