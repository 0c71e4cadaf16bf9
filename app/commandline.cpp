// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "demo/demotoken.h"
#include "inventory/crashedmodules.h"
#include "inventory/discovery.h"
#include "p11/module.h"

#include <QCommandLineParser>

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
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QCoreApplication::translate("main", "With --list: give up on a module that does not answer within this many "
                                            "seconds (default 30)."),
        QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption retryCrashed(
        QStringLiteral("retry-crashed"),
        QCoreApplication::translate("main", "Load the modules that crashed or hung TokenDesk before again."));
    QCommandLineOption probe(QStringLiteral("probe-module"), QStringLiteral("internal"), QStringLiteral("path"));
    probe.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption probeRecord(QStringLiteral("probe-record"), QStringLiteral("internal"), QStringLiteral("dir"));
    probeRecord.setFlags(QCommandLineOption::HiddenFromHelp);
    p.addOptions({list, json, module, demoIfEmpty, demo, timeout, retryCrashed, probe, probeRecord});
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
    c.retryCrashed = p.isSet(retryCrashed);
    c.probeModule = p.value(probe);
    c.probeRecordDir = p.value(probeRecord);
    bool ok = false;
    c.timeoutSeconds = p.value(timeout).toInt(&ok);
    if (!ok || c.timeoutSeconds < 1 || c.timeoutSeconds > 24 * 3600)
        *error = QCoreApplication::translate("main", "--timeout takes a number of seconds between 1 and 86400.");
    if (c.json && !c.list)
        *error = QCoreApplication::translate("main", "--json goes with --list.");
    return c;
}

QList<ModuleSpec> CommandLine::moduleSpecs() const
{
    return CrashedModules::withoutCrashed(requestedModules(), CrashedModules::list(QSettings()));
}

QList<ModuleSpec> CommandLine::requestedModules() const
{
    const QSettings settings;
    if (modules.isEmpty())
        return Discovery::allModules(settings);
    // "Added by you" means the same with --module as without: the module is in the
    // user's list (File → Add module…); a p11-kit module keeps p11-kit's name.
    const QList<ModuleSpec> known = Discovery::p11KitModules(true) + Discovery::userModules(settings);
    QList<ModuleSpec> specs;
    for (const QString &p : modules) {
        ModuleSpec spec{p, QFileInfo(p).completeBaseName(), false};
        const QString canonical = ModuleRegistry::canonicalPath(p);
        for (const ModuleSpec &k : known) {
            if (ModuleRegistry::canonicalPath(k.path) != canonical)
                continue;
            if (k.userAdded)
                spec.userAdded = true;
            else
                spec.name = k.name;
        }
        specs << spec;
    }
    return specs;
}

QList<ModuleSpec> CommandLine::withDemoModule(QList<ModuleSpec> specs)
{
    const QString softhsm = ModuleRegistry::canonicalPath(DemoToken::softhsmModulePath());
    for (const ModuleSpec &s : specs)
        if (ModuleRegistry::canonicalPath(s.path) == softhsm)
            return specs;
    specs << ModuleSpec{softhsm, QStringLiteral("softhsm2"), false};
    return specs;
}
