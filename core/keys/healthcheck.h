// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/healthfinding.h"
#include "p11/securebytes.h"

#include <optional>
#include <vector>

class Session;

// The token health check: how Java, NSS and OpenSSL will (mis)pair what is on
// the token, and what can be repaired.
class HealthCheck {
public:
    // Pure, on the contents Inventory::readObjects read (log in first: private keys
    // are what most findings are about).
    static std::vector<HealthFinding> run(const TokenContents &contents);

    // Carries out the finding's repair in one transaction (restored on failure),
    // after checking its objects are still what the finding showed; then reads the
    // token again and re-runs the check. Returns the findings that remain; throws
    // KeyOperationError(VerificationFailed) if the finding is still there,
    // (TokenChanged) if its objects changed, (InvalidInput) if it has no repair.
    // A missing public key taken from a certificate is first proven to be the key's
    // with a test signature (contextPin: for a CKA_ALWAYS_AUTHENTICATE key).
    // Blocking: executor only, logged-in read-write session. Throws Pkcs11Error too.
    static std::vector<HealthFinding> repair(Session &session, const CK_TOKEN_INFO &token,
                                             const HealthFinding &finding,
                                             std::optional<SecureBytes> contextPin = std::nullopt);
};
