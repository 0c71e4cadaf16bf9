// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QString>

// Names of PKCS#11 constants, for logs, error values and the detail pane.
const char *ckrName(CK_RV rv);                 // "CKR_PIN_INCORRECT" or "CKR_0x…"
QString ckmName(CK_MECHANISM_TYPE m);          // "CKM_RSA_PKCS" or "CKM_0x…"
QString ckoName(CK_OBJECT_CLASS c);            // "CKO_CERTIFICATE" …
QString ckkName(CK_KEY_TYPE k);                // "CKK_RSA" …
