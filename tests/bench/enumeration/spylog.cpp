// SPDX-License-Identifier: GPL-3.0-or-later
#include "spylog.h"

#include <QFile>
#include <QRegularExpression>

SpyLog SpyLog::read(const QString &path)
{
    SpyLog log;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return log;
    static const QRegularExpression call(QStringLiteral("^\\d+: (C_\\w+)$"));
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty() || line.at(0) < '0' || line.at(0) > '9')
            continue;
        const auto m = call.match(QString::fromLatin1(line));
        if (m.hasMatch()) {
            ++log.m_byFunction[m.captured(1)];
            ++log.m_total;
        }
    }
    return log;
}

int SpyLog::count(const QString &function) const
{
    const auto it = m_byFunction.find(function);
    return it == m_byFunction.end() ? 0 : it->second;
}

int SpyLog::enumerationCalls() const
{
    int n = 0;
    for (const char *fn : {"C_FindObjectsInit", "C_FindObjects", "C_FindObjectsFinal", "C_GetAttributeValue",
                           "C_GetSessionInfo"})
        n += count(QLatin1String(fn));
    return n;
}
