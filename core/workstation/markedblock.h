// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// TokenDesk's part of a file it shares with the user (~/.ssh/config): the
// lines between two marker comments. Merging replaces that block, or appends
// it when there is none, and keeps every other byte of the file as it was.
namespace MarkedBlock {
QByteArray beginMarker(); // "# BEGIN TokenDesk …\n"
QByteArray endMarker();   // "# END TokenDesk\n"
// existing with block (without markers) in TokenDesk's place; nullopt and a
// sentence when the markers are broken (one without the other, or twice).
std::optional<QByteArray> merge(const QByteArray &existing, const QByteArray &block, QString *error);
} // namespace MarkedBlock
