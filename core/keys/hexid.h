// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// CKA_ID as the user edits it: hex, as pkcs11-tool --id and p11tool show it.
namespace HexId {
// Accepts "01ab", "01:AB", "01 ab", "0x01ab"; an odd number of digits is refused
// (which byte would the extra digit belong to?). nullopt when not hex; empty
// input gives an empty QByteArray.
std::optional<QByteArray> parse(const QString &text);
// "01ab…", lower case, no separators (pkcs11-tool's --id form).
QString format(const QByteArray &id);
} // namespace HexId
