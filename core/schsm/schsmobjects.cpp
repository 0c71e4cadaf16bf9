// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmobjects.h"

#include <QCoreApplication>
#include <QStringList>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SchsmObjects)
};
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

QString SchsmObjects::openScTokenLabel(const QString &deviceLabel)
{
    return (deviceLabel.isEmpty() ? QStringLiteral("SmartCard-HSM") : deviceLabel) + QStringLiteral(" (UserPIN)");
}

QString SchsmObjects::text() const
{
    if (empty())
        return Tr::tr("no keys, certificates or data objects");
    QStringList parts;
    if (keys > 0)
        parts << Tr::tr("%n key(s)", nullptr, keys);
    if (certificates > 0)
        parts << Tr::tr("%n certificate(s)", nullptr, certificates);
    if (dataObjects > 0)
        parts << Tr::tr("%n data object(s)", nullptr, dataObjects);
    if (parts.size() == 1)
        return parts.front();
    const QString last = parts.takeLast();
    return Tr::tr("%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
}
