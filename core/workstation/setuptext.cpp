// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/setuptext.h"

#include <QCoreApplication>

namespace SetupTextFormat {

QString shellQuote(const QString &word)
{
    static const QString safe = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@%+=:,./-_");
    bool bare = !word.isEmpty();
    for (const QChar c : word)
        bare = bare && safe.contains(c);
    if (bare)
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString safeName(const QString &text, const QString &fallback)
{
    QString out;
    for (const QChar c : text) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') || c == QLatin1Char('-');
        out += ok ? c : QLatin1Char('-');
    }
    return out.isEmpty() ? fallback : out;
}

QString toText(const SetupText &text)
{
    QString out;
    for (const SetupFile &f : text.files) {
        out += (f.markedBlock ? QCoreApplication::translate("SetupTextFormat",
                                                            "# File: %1 (TokenDesk's block; the rest of the file stays)")
                              : QCoreApplication::translate("SetupTextFormat", "# File: %1"))
                   .arg(f.path)
            + QLatin1Char('\n');
        out += QString::fromUtf8(f.contents);
        if (!f.contents.endsWith('\n'))
            out += QLatin1Char('\n');
        out += QLatin1Char('\n');
    }
    if (!text.commands.isEmpty()) {
        out += QCoreApplication::translate("SetupTextFormat", "# Commands:") + QLatin1Char('\n');
        for (const QString &c : text.commands)
            out += c + QLatin1Char('\n');
        out += QLatin1Char('\n');
    }
    for (const QString &n : text.notes)
        out += QStringLiteral("# ") + n + QLatin1Char('\n');
    return out;
}

} // namespace SetupTextFormat
