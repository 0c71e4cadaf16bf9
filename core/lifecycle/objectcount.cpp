// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/objectcount.h"

#include <QCoreApplication>
#include <QStringList>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ObjectCount)
};
} // namespace

ObjectCount ObjectCount::of(const TokenContents &contents)
{
    ObjectCount c;
    c.privateObjectsHidden = contents.privateObjectsHidden;
    for (const ObjectInfo &o : contents.objects) {
        switch (o.cls) {
        case CKO_PRIVATE_KEY: ++c.privateKeys; break;
        case CKO_PUBLIC_KEY: ++c.publicKeys; break;
        case CKO_SECRET_KEY: ++c.secretKeys; break;
        case CKO_CERTIFICATE: ++c.certificates; break;
        default: ++c.other; break;
        }
    }
    return c;
}

QString ObjectCount::describe() const
{
    if (total() == 0)
        return Tr::tr("no objects");
    QStringList parts;
    if (keys()) {
        QStringList kinds;
        if (privateKeys)
            kinds << Tr::tr("%n private", nullptr, privateKeys);
        if (publicKeys)
            kinds << Tr::tr("%n public", nullptr, publicKeys);
        if (secretKeys)
            kinds << Tr::tr("%n secret", nullptr, secretKeys);
        parts << Tr::tr("%n key(s) (%1)", nullptr, keys()).arg(kinds.join(QStringLiteral(", ")));
    }
    if (certificates)
        parts << Tr::tr("%n certificate(s)", nullptr, certificates);
    if (other)
        parts << Tr::tr("%n other object(s)", nullptr, other);
    if (parts.size() == 1)
        return parts.first();
    const QString last = parts.takeLast();
    return Tr::tr("%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
}
