// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/objectcount.h"

#include <QCoreApplication>
#include <QStringList>

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
    // Singular and plural spelled out: without a shipped English .qm, "%n key(s)" would show as is.
    auto tr = [](const char *one, const char *many, int n) {
        return QCoreApplication::translate("ObjectCount", n == 1 ? one : many).arg(n);
    };
    if (total() == 0)
        return QCoreApplication::translate("ObjectCount", "no objects");
    QStringList parts;
    if (keys()) {
        QStringList kinds;
        if (privateKeys)
            kinds << tr("%1 private", "%1 private", privateKeys);
        if (publicKeys)
            kinds << tr("%1 public", "%1 public", publicKeys);
        if (secretKeys)
            kinds << tr("%1 secret", "%1 secret", secretKeys);
        parts << tr("%1 key", "%1 keys", keys()) + QStringLiteral(" (") + kinds.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (certificates)
        parts << tr("%1 certificate", "%1 certificates", certificates);
    if (other)
        parts << tr("%1 other object", "%1 other objects", other);
    if (parts.size() == 1)
        return parts.first();
    const QString last = parts.takeLast();
    return QCoreApplication::translate("ObjectCount", "%1 and %2").arg(parts.join(QStringLiteral(", ")), last);
}
