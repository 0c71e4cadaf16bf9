// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/pinrules.h"
#include "p11/errortext.h"

#include <exception>

// A lifecycle failure as the user sees it: userError() plus what only this
// context knows — the token's PIN limits for CKR_PIN_LEN_RANGE, the
// SmartCard-HSM hex rule for CKR_PIN_INVALID, read-only sessions as write
// protection. token: the token info read after the failure (its flags say how
// many tries are left), or the last one known. verified: the PIN the token
// checked (its tries are what counts); newPin: the PIN being set.
UserError lifecycleError(std::exception_ptr e, const CK_TOKEN_INFO &token, PinRole verified, PinRole newPin);
UserError lifecycleError(CK_RV rv, const CK_TOKEN_INFO &token, PinRole verified, PinRole newPin);

// C_InitToken failed. On a blank token there is no SO-PIN to be wrong, yet SoftHSM
// answers a new SO-PIN of the wrong length with CKR_PIN_INCORRECT: say that the
// token refused the new SO-PIN, with its limits, instead of "Wrong SO-PIN".
UserError initTokenError(std::exception_ptr e, const CK_TOKEN_INFO &token, bool wasInitialized);
UserError initTokenError(CK_RV rv, const CK_TOKEN_INFO &token, bool wasInitialized);
