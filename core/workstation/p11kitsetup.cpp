// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/p11kitsetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace P11KitSetup {

QString moduleName(const KeyFacts &key)
{
    QString base = QFileInfo(key.modulePath).completeBaseName();
    if (base.startsWith(QLatin1String("lib")))
        base = base.mid(3);
    return QStringLiteral("tokendesk-") + SetupTextFormat::safeName(base, QStringLiteral("module"));
}

QByteArray moduleFile(const KeyFacts &key)
{
    return "# TokenDesk: the module of token \"" + key.tokenLabel.toUtf8() + "\"\nmodule: " + key.modulePath.toUtf8()
        + '\n';
}

SetupText generate(const KeyFacts &key, const QString &configHome)
{
    SetupText t;
    const QString path =
        QDir(configHome).filePath(QStringLiteral("pkcs11/modules/%1.module").arg(moduleName(key)));
    t.files << SetupFile{path, moduleFile(key)};
    t.commands << QStringLiteral("p11-kit list-modules");
    t.notes << QCoreApplication::translate("P11KitSetup",
                                           "p11-kit reads this file for your user account only, not for root.");
    return t;
}

} // namespace P11KitSetup
