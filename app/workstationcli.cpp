// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstationcli.h"

#include "inventory/discovery.h"
#include "inventory/inventory.h"
#include "inventory/report.h"
#include "p11/module.h"
#include "workstation/keylocator.h"
#include "workstation/setuptarget.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

#include <cstdio>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(WorkstationCli)
};

int usage(const QString &message)
{
    std::fprintf(stderr, "tokendesk: %s\n", qPrintable(message));
    return 64;
}
} // namespace

namespace WorkstationCli {

bool wanted(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--setup") == 0 || qstrncmp(argv[i], "--setup=", 8) == 0)
            return true;
    return false;
}

int run(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(Tr::tr("Print the configuration that lets another program use a token key."));
    p.addHelpOption();
    const QCommandLineOption setup(QStringLiteral("setup"), Tr::tr("The program: %1.").arg(SetupTargets::names().join(QStringLiteral(", "))),
                                   QStringLiteral("target"));
    const QCommandLineOption key(QStringLiteral("key"), Tr::tr("The key's PKCS#11 URI (with token=, serial= and id=)."),
                                 QStringLiteral("uri"));
    const QCommandLineOption print(QStringLiteral("print"), Tr::tr("Print the files and commands; write nothing."));
    const QCommandLineOption module(QStringLiteral("module"), Tr::tr("Look only in this PKCS#11 module (repeatable)."),
                                    QStringLiteral("path"));
    p.addOptions({setup, key, print, module});
    if (!p.parse(arguments))
        return usage(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return 0;
    }
    const std::optional<SetupTarget> target = SetupTargets::fromName(p.value(setup));
    if (!target)
        return usage(Tr::tr("--setup takes one of: %1.").arg(SetupTargets::names().join(QStringLiteral(", "))));
    if (!p.isSet(key))
        return usage(Tr::tr("--setup needs --key with the key's PKCS#11 URI."));
    if (!p.isSet(print))
        return usage(Tr::tr("Only --print is available so far: it shows what to write and where."));

    QList<ModuleSpec> specs;
    for (const QString &path : p.values(module))
        specs << ModuleSpec{path, QFileInfo(path).completeBaseName(), false};
    if (specs.isEmpty())
        specs = Discovery::allModules(QSettings());

    ModuleRegistry registry;
    LocatedKey located;
    {
        Inventory inventory(registry);
        located = KeyLocator::locate(collectReport(inventory, specs), p.value(key));
    }
    if (!located.facts) {
        std::fprintf(stderr, "tokendesk: %s\n", qPrintable(located.error));
        return 2;
    }
    const QByteArray out = SetupTextFormat::toText(SetupTargets::generate(*target, *located.facts, SetupPaths::current())).toUtf8();
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace WorkstationCli
