// SPDX-License-Identifier: GPL-3.0-or-later
#include "entry.h"

#include "backupcheckcli.h"
#include "commandline.h"
#include "listcommand.h"
#include "workstationcli.h"

#include "inventory/crashedmodules.h"
#include "inventory/moduleprobe.h"
#include "translationloader.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSettings>

#include <cstdio>

void Entry::setUp(QCoreApplication &app)
{
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
    // Before the command line is parsed: its help and errors are translated too.
    TranslationLoader::install(&app);
}

std::optional<CommandLine> Entry::parseArguments(const QStringList &arguments, QString *help)
{
    QString error, text;
    CommandLine cl = CommandLine::parse(arguments, &error, &text);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tokendesk: %s\n", qPrintable(error));
        return std::nullopt;
    }
    if (help)
        *help = text;
    return cl;
}

void Entry::collectCrashedModules()
{
    QSettings settings;
    CrashedModules::collect(settings, CrashedModules::activityDir());
}

int Entry::run(int argc, char **argv, WindowMain windowMain)
{
    const bool cli = CommandLine::mentions(argc, argv, {"--list", "--help", "-h", "--version", "-v", "--probe-module"})
                  || WorkstationCli::wanted(argc, argv) || BackupCheckCli::wanted(argc, argv);
    if (!cli) {
        // A usage error (an option that goes with --list, a misspelt one) is said plainly
        // before the window's program starts: that needs a display, which a script may not have.
        // Without --help and --version the parser needs no application object.
        QStringList args;
        for (int i = 0; i < argc; ++i)
            args << QString::fromLocal8Bit(argv[i]);
        return parseArguments(args) ? windowMain(argc, argv) : 64;
    }
    // The command line's stderr carries warnings and errors only: informational log lines
    // (the SmartCard-HSM search, the demo store, module loading) would read as problems to a
    // script. QT_LOGGING_RULES still overrides this for debugging.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
    QCoreApplication app(argc, argv);
    setUp(app);
    if (WorkstationCli::wanted(argc, argv))
        return WorkstationCli::run(QCoreApplication::arguments());
    if (BackupCheckCli::wanted(argc, argv))
        return BackupCheckCli::run(QCoreApplication::arguments());
    QString help;
    const std::optional<CommandLine> cl = parseArguments(QCoreApplication::arguments(), &help);
    if (!cl)
        return 64;
    if (!help.isEmpty()) {
        std::fputs(qPrintable(help), stdout);
        return 0;
    }
    if (!cl->probeModule.isEmpty())
        return ModuleProbe::runChild(cl->probeModule, cl->probeRecordDir);
    collectCrashedModules();
    if (cl->format != CommandLine::Format::Text)
        TranslationLoader::removeLanguage(&app); // JSON and CSV are for programs: the same in every language
    return runList(*cl);
}
