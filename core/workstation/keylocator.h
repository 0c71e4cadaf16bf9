// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/keyfacts.h"

#include <QString>

#include <optional>

struct InventoryReport;
struct TokenContents;

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
// The key of this id on one token: its private key's label when the token shows
// one (the GUI's "Use this key in…", locate() for each matching token), else the
// label of its public key or certificate; nullopt when none has the id (or label).
std::optional<KeyFacts> inContents(const QString &modulePath, CK_SLOT_ID slot, const CK_TOKEN_INFO &info,
                                   const TokenContents &contents, const QByteArray &id,
                                   const std::optional<QByteArray> &label = std::nullopt);
} // namespace KeyLocator
