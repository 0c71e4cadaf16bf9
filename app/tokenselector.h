// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

#include <QString>

#include <memory>
#include <optional>

struct p11_kit_uri; // P11KitUri

// `--token SELECTOR`: which token(s) --list shows and --login logs in to. A selector
// starting with "pkcs11:" is an RFC 7512 URI whose token attributes (token=,
// serial=, manufacturer=, model=) must all match, as p11-kit matches them; anything
// else matches a token whose serial number or label is exactly that text.
class TokenSelector {
public:
    static std::optional<TokenSelector> parse(const QString &text, QString *error);
    bool matches(const TokenSnapshot &token) const;
    const QString &text() const { return m_text; }

private:
    QString m_text;
    std::shared_ptr<p11_kit_uri> m_uri; // null unless a URI
};
