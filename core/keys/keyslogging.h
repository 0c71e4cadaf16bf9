// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Key generation, CSRs, certificate and PKCS#12 import, repairs: every write to
// a token made by core/keys is logged here (object class, CKA_ID, label; never
// key material, never a PIN or password).
Q_DECLARE_LOGGING_CATEGORY(lcKeys)
