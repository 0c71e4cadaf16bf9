// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstationcli.h"

#include "commandline.h"

#include "inventory/discovery.h"
#include "inventory/inventory.h"
#include "inventory/report.h"
#include "p11/module.h"
#include "workstation/keylocator.h"
#include "workstation/setupdiff.h"
#include "workstation/setupplan.h"
#include "workstation/setuptarget.h"
#include "workstation/setupwriter.h"
#include "workstation/workstationcheck.h"

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

int failure(const QString &message)
{
    std::fprintf(stderr, "tokendesk: %s\n", qPrintable(message));
    return 1;
}

void put(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void putLine(const QString &line)
{
    put(line.toUtf8() + '\n');
}

int undo(const SetupPaths &paths)
{
    SetupJournal journal(SetupJournal::defaultPath(paths.stateHome));
    const UndoResult r = SetupWriter::undo(journal);
    if (!r.error.isEmpty())
        return failure(r.error);
    if (r.nothingToUndo) {
        putLine(Tr::tr("There is nothing to undo: TokenDesk's setup journal is empty."));
        return 0;
    }
    for (const QString &f : r.restored)
        putLine(Tr::tr("Restored %1").arg(f));
    for (const QString &f : r.removed)
        putLine(Tr::tr("Removed %1").arg(f));
    for (const JournalNss &n : r.nss)
        putLine(Tr::tr("Removed the module “%1” from the NSS database %2").arg(n.moduleName, n.dbDir));
    return 0;
}

// The Java configurations' modules are asked for their slots (without login).
int checkWorkstation(const SetupPaths &paths, bool json)
{
    QList<ModuleSpec> specs;
    for (const QString &library : WorkstationCheck::javaLibraries(paths))
        specs << ModuleSpec{library, QFileInfo(library).completeBaseName(), false};
    InventoryReport report;
    if (!specs.isEmpty()) {
        ModuleRegistry registry;
        Inventory inventory(registry);
        report = collectReport(inventory, specs);
    }
    const QList<Finding> findings = WorkstationCheck::check(paths, report, qEnvironmentVariable("OPENSSL_CONF"));
    put(json ? WorkstationCheck::toJson(findings).toJson() : WorkstationCheck::toText(findings).toUtf8());
    return findings.isEmpty() ? 0 : 1;
}

int write(const SetupText &text, const QString &target, const SetupPaths &paths, bool dryRun)
{
    const SetupPlan plan = SetupPlan::of(text);
    if (!plan.error.isEmpty())
        return failure(plan.error);
    if (dryRun) {
        QString error;
        const QByteArray diff = SetupDiff::dryRun(plan, &error);
        if (!error.isEmpty())
            return failure(error);
        put(diff);
        return 0;
    }
    SetupJournal journal(SetupJournal::defaultPath(paths.stateHome));
    const WriteResult r = SetupWriter::write(plan, target, journal, QDateTime::currentDateTime());
    if (!r.error.isEmpty())
        return failure(r.error);
    for (const WrittenFile &f : r.files) {
        switch (f.result) {
        case WrittenFile::Result::Created:
            putLine(Tr::tr("Created %1").arg(f.path));
            break;
        case WrittenFile::Result::Replaced:
            putLine(Tr::tr("Changed %1 (the previous version is in %2)").arg(f.path, f.backup));
            break;
        case WrittenFile::Result::Unchanged:
            putLine(Tr::tr("Unchanged %1 (it holds this setup already)").arg(f.path));
            break;
        }
    }
    for (const NssChange &n : plan.nss)
        putLine(n.changes() ? Tr::tr("Registered the module “%1” in the NSS database %2")
                                  .arg(n.registration.moduleName, n.registration.dbDir)
                            : Tr::tr("Unchanged: the module “%1” is registered in the NSS database %2 already")
                                  .arg(n.registration.moduleName, n.registration.dbDir));
    SetupText rest = text;
    rest.files.clear();
    put('\n' + SetupTextFormat::toText(rest).toUtf8());
    return 0;
}
} // namespace

namespace WorkstationCli {

bool wanted(int argc, char **argv)
{
    return CommandLine::mentions(argc, argv, {"--setup", "--setup-undo", "--check-workstation"});
}

int run(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(Tr::tr("Set up another program to use a token key: print, compare or write its "
                                       "configuration, or undo the last write."));
    p.addHelpOption();
    const QCommandLineOption setup(QStringLiteral("setup"), Tr::tr("The program: %1.").arg(SetupTargets::names().join(QStringLiteral(", "))),
                                   QStringLiteral("target"));
    const QCommandLineOption key(QStringLiteral("key"), Tr::tr("The key's PKCS#11 URI (with token=, serial= and id=)."),
                                 QStringLiteral("uri"));
    const QCommandLineOption print(QStringLiteral("print"), Tr::tr("Print the files and commands; write nothing."));
    const QCommandLineOption writeOption(
        QStringLiteral("write"),
        Tr::tr("Write the files (a changed file is backed up next to it first; --setup-undo puts it back)."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    Tr::tr("Show what --write would change, as a unified diff; write nothing."));
    const QCommandLineOption undoOption(QStringLiteral("setup-undo"),
                                        Tr::tr("Undo the last --setup --write: put the files back as they were."));
    const QCommandLineOption module(QStringLiteral("module"), Tr::tr("Look only in this PKCS#11 module (repeatable)."),
                                    QStringLiteral("path"));
    const QCommandLineOption check(QStringLiteral("check-workstation"),
                                   Tr::tr("Check the Java, OpenSSL, browser (NSS), p11-kit and OpenSSH configuration "
                                          "for PKCS#11 modules and slots that are gone; exit 1 when something is wrong."));
    const QCommandLineOption json(QStringLiteral("json"), Tr::tr("With --check-workstation: print JSON."));
    p.addOptions({setup, key, print, writeOption, dryRun, undoOption, check, json, module});
    if (!p.parse(arguments))
        return usage(p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return 0;
    }
    const SetupPaths paths = SetupPaths::current();
    if (p.isSet(check)) {
        if (p.isSet(setup) || p.isSet(undoOption))
            return usage(Tr::tr("--check-workstation goes alone, or with --json."));
        return checkWorkstation(paths, p.isSet(json));
    }
    if (p.isSet(json))
        return usage(Tr::tr("--json goes with --check-workstation."));
    if (p.isSet(undoOption)) {
        if (p.isSet(setup))
            return usage(Tr::tr("--setup-undo goes alone, without --setup."));
        return undo(paths);
    }
    const std::optional<SetupTarget> target = SetupTargets::fromName(p.value(setup));
    if (!target)
        return usage(Tr::tr("--setup takes one of: %1.").arg(SetupTargets::names().join(QStringLiteral(", "))));
    if (!p.isSet(key))
        return usage(Tr::tr("--setup needs --key with the key's PKCS#11 URI."));
    const int modes = int(p.isSet(print)) + int(p.isSet(writeOption) || p.isSet(dryRun));
    if (modes != 1)
        return usage(Tr::tr("--setup needs one of --print, --write or --dry-run."));

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
    const SetupText text = SetupTargets::generate(*target, *located.facts, paths);
    if (p.isSet(print)) {
        put(SetupTextFormat::toText(text).toUtf8());
        return 0;
    }
    if (*target == SetupTarget::Gskit)
        return usage(Tr::tr("--setup %1 has nothing to write, only commands to run: use --print.").arg(p.value(setup)));
    return write(text, p.value(setup), paths, p.isSet(dryRun));
}

} // namespace WorkstationCli
