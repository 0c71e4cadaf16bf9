// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCommandLineParser>
#include "inventory/discovery.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

CommandLine CommandLine::parse(const QStringList &args, QString *error, QString *helpText)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate("main", "TokenDesk: keystore manager for PKCS#11 tokens"));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption list(QStringLiteral("list"),
                                  QCoreApplication::translate("main", "Print every module, slot, token and object, then exit."));
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("main", "With --list: print JSON."));
    const QCommandLineOption module(QStringLiteral("module"),
                                    QCoreApplication::translate("main", "Use only this PKCS#11 module (repeatable)."),
                                    QStringLiteral("path"));
    const QCommandLineOption demoIfEmpty(QStringLiteral("demo-if-empty"),
                                         QCoreApplication::translate("main", "Open the demo SoftHSM token when no token is found."));
    const QCommandLineOption demo(QStringLiteral("demo"), QCoreApplication::translate("main", "Open the demo SoftHSM token."));
    p.addOptions({list, json, module, demoIfEmpty, demo});
    CommandLine c;
    if (!p.parse(args)) {
        *error = p.errorText();
        return c;
    }
    if (p.isSet(QStringLiteral("help")))
        *helpText = p.helpText();
    if (p.isSet(QStringLiteral("version")))
        *helpText = QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion() + QLatin1Char('\n');
    c.list = p.isSet(list);
    c.json = p.isSet(json);
    c.modules = p.values(module);
    c.demoIfEmpty = p.isSet(demoIfEmpty);
    c.demo = p.isSet(demo);
    if (c.json && !c.list)
        *error = QCoreApplication::translate("main", "--json goes with --list.");
    return c;
}

QList<ModuleSpec> CommandLine::moduleSpecs() const
{
    if (modules.isEmpty())
        return Discovery::allModules(QSettings());
    QList<ModuleSpec> specs;
    for (const QString &p : modules)
        specs << ModuleSpec{p, QFileInfo(p).completeBaseName(), true};
    return specs;
}
