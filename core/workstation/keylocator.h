// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/keyfacts.h"

#include <QString>

#include <optional>

struct InventoryReport;

// Finds the key a PKCS#11 URI names in an inventory (tokendesk --list's
// report, read without login): exactly one initialized token must match the
// URI's token attributes, and that token must show an object (private key,
// public key or certificate) with the URI's id= (and object=, if given). The
// labels come from the module, never from the URI.
struct LocatedKey {
    std::optional<KeyFacts> facts;
    QString error; // a sentence when facts is empty
};

namespace KeyLocator {
LocatedKey locate(const InventoryReport &report, const QString &uri);
} // namespace KeyLocator
