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
} // namespace

QString DisplayField::text(const QString &value)
{
    const QString v = stripped(value);
    if (v.isEmpty())
        return tr("(none)");
    if (printable(v))
        return v;
    return tr("hex %1").arg(QString::fromLatin1(v.toUtf8().toHex(' ')));
}

QString DisplayField::typeable(const QString &value)
{
    const QString v = stripped(value);
    return printable(v) ? v : QString();
}
