// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmobjects.h"

#include <QCoreApplication>
#include <QStringList>

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("SchsmObjects", text, nullptr, n);
}
} // namespace

SchsmObjects SchsmObjects::fromFileIds(const QList<quint16> &fids)
{
    SchsmObjects o;
    for (quint16 fid : fids) {
        switch (quint8(fid >> 8)) {
        case kKeyPrefix:
            if (fid != quint16(kKeyPrefix << 8))
                ++o.keys;
            break;
        case kCaCertificatePrefix:
        case kCertificatePrefix: ++o.certificates; break;
        case kDataPrefix:
        case kProtectedDataPrefix: ++o.dataObjects; break;
        default: break;
        }
    }
    return o;
}

QString SchsmObjects::text() const
{
    if (empty())
        return tr("no keys, certificates or data objects");
    QStringList parts;
    if (keys > 0)
        parts << tr("%n key(s)", keys);
    if (certificates > 0)
        parts << tr("%n certificate(s)", certificates);
    if (dataObjects > 0)
        parts << tr("%n data object(s)", dataObjects);
    if (parts.size() == 1)
        return parts.front();
    const QString last = parts.takeLast();
    return tr("%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
}
