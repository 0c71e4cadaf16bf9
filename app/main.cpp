// SPDX-License-Identifier: GPL-3.0-or-later
// A thin main(): parse the command line, create the services, hand over to ui or to the inventory printer.
#include "commandline.h"
#include "gui.h"
#include "listcommand.h"
#include "workstationcli.h"
#include "backupcheckcli.h"

#include "inventory/crashedmodules.h"
#include "inventory/moduleprobe.h"
#include "translationloader.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QSettings>

#include <cstdio>
#include <memory>

namespace {
void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
}
} // namespace

int main(int argc, char **argv)
{
    const bool cli = CommandLine::mentions(argc, argv, {"--list", "--help", "-h", "--version", "-v", "--probe-module"})
                  || WorkstationCli::wanted(argc, argv) || BackupCheckCli::wanted(argc, argv);
    if (!cli) {
        // A usage error (an option that goes with --list, a misspelt one) is said plainly
        // before a QApplication is made: that needs a display, which a script may not have.
        // Without --help and --version the parser needs no application object.
        QStringList args;
        for (int i = 0; i < argc; ++i)
            args << QString::fromLocal8Bit(argv[i]);
        QString error, help;
        CommandLine::parse(args, &error, &help);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "tokendesk: %s\n", qPrintable(error));
            return 64;
        }
    }
    // The command line's stderr carries warnings and errors only: informational log lines
    // (the SmartCard-HSM search, the demo store, module loading) would read as problems to a
    // script. QT_LOGGING_RULES still overrides this for debugging.
    if (cli)
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
    std::unique_ptr<QCoreApplication> app(cli ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    setIdentity();
    Q_INIT_RESOURCE(resources);
    // Before the command line is parsed: its help and errors are translated too.
    TranslationLoader::install(app.get());
    if (WorkstationCli::wanted(argc, argv))
        return WorkstationCli::run(QCoreApplication::arguments());
    if (BackupCheckCli::wanted(argc, argv))
        return BackupCheckCli::run(QCoreApplication::arguments());
    QString error, help;
    const CommandLine cl = CommandLine::parse(QCoreApplication::arguments(), &error, &help);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tokendesk: %s\n", qPrintable(error));
        return 64;
    }
    if (!help.isEmpty()) {
        std::fputs(qPrintable(help), stdout);
        return 0;
    }
    if (!cl.probeModule.isEmpty())
        return ModuleProbe::runChild(cl.probeModule, cl.probeRecordDir);
    // Before any module is loaded: modules that took an earlier run down are skipped from now on.
    {
        QSettings settings;
        CrashedModules::collect(settings, CrashedModules::activityDir());
    }
    if (cl.list && cl.format != CommandLine::Format::Text)
        TranslationLoader::removeLanguage(app.get()); // JSON and CSV are for programs: the same in every language
    if (cl.list)
        return runList(cl);
    ModuleProbe::setProgram(QCoreApplication::applicationFilePath());
    return runGui(cl);
}
