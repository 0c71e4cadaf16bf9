// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/hexid.h"

std::optional<QByteArray> HexId::parse(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        t = t.mid(2);
    QByteArray digits;
    for (const QChar c : t) {
        if (c == QLatin1Char(':') || c == QLatin1Char(' ') || c == QLatin1Char('-'))
            continue;
        const char l = char(c.toLower().unicode() < 128 ? c.toLower().unicode() : 0);
        if (!((l >= '0' && l <= '9') || (l >= 'a' && l <= 'f')))
            return std::nullopt; // also refuses non-ASCII digits, which QChar::isDigit would accept
        digits.append(l);
    }
    if (digits.size() % 2)
        return std::nullopt;
    return QByteArray::fromHex(digits);
}

QString HexId::format(const QByteArray &id) { return QString::fromLatin1(id.toHex()); }
