// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/keyfacts.h"
#include "workstation/setuptext.h"

// IBM MQ / GSKit: runmqakm commands that reach the token through the module
// (-crypto <module> -tokenlabel <label>), the CMS key database for the
// certificates MQ trusts, and the queue manager's SSLCRYP/SSLKEYR/CERTLABL
// line. Text only: GSKit is not installable here, and MQ takes the token PIN
// inside SSLCRYP, which TokenDesk never writes.
//
// The token label is the one the module reports (OpenSC shows a Nitrokey HSM
// as "mytoken (UserPIN)"): GSKit compares it with C_GetTokenInfo's label.
namespace GskitSetup {
// The queue manager's attributes, MQSC syntax; the PIN is left for the user to fill in.
QString mqscLine(const KeyFacts &key, const QString &keyDatabaseStem);
SetupText generate(const KeyFacts &key, const QString &dir);
} // namespace GskitSetup
