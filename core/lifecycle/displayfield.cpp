// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/displayfield.h"

#include <algorithm>

namespace {
bool blankOrNul(QChar c) { return c.isNull() || c.isSpace(); }

QString stripped(const QString &value)
{
    qsizetype from = 0;
    qsizetype to = value.size();
    while (from < to && blankOrNul(value.at(from)))
        ++from;
    while (to > from && blankOrNul(value.at(to - 1)))
        --to;
    return value.mid(from, to - from);
}

bool printable(const QString &value)
{
    return std::all_of(value.begin(), value.end(), [](QChar c) { return c.isPrint(); });
}

// A token field core already rendered in hex because it was not printable
// (P11Text::text: "hex:0101…"): shown as it is, and nothing a user can type.
bool renderedAsHex(const QString &value)
{
    static const QLatin1String prefix("hex:");
    if (!value.startsWith(prefix) || value.size() == prefix.size() || (value.size() - prefix.size()) % 2)
        return false;
    return std::all_of(value.begin() + prefix.size(), value.end(),
                       [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}
} // namespace

QString DisplayField::text(const QString &value)
{
    const QString v = stripped(value);
    if (v.isEmpty())
        return tr("(none)");
    if (printable(v))
        return v; // also core's "hex:…" rendering of an unprintable field
    return tr("hex %1").arg(QString::fromLatin1(v.toUtf8().toHex(' ')));
}

QString DisplayField::typeable(const QString &value)
{
    const QString v = stripped(value);
    return printable(v) && !renderedAsHex(v) ? v : QString();
}
