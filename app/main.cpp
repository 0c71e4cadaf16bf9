// SPDX-License-Identifier: GPL-3.0-or-later
// A thin main(): parse the command line, create the services, hand over to ui or to the inventory printer.
#include "commandline.h"
#include "gui.h"
#include "workstationcli.h"

#include "demo/demotoken.h"
#include "inventory/discovery.h"
#include "inventory/inventory.h"
#include "inventory/report.h"
#include "p11/errortext.h"
#include "p11/module.h"

#include <QApplication>
#include <QFileInfo>
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

// --demo: the demo token's own store, as the GUI shows it (created the first time).
void openDemoStore(Inventory &inventory, ModuleRegistry &registry)
{
    DemoToken::useDemoStore(); // before SoftHSM's C_Initialize
    const QString path = DemoToken::softhsmModulePath();
    inventory.moduleExecutor(path)
        ->submit<bool>([&registry, path](QPromise<bool> &p) {
            auto softhsm = registry.load(path);
            if (!DemoToken::find(*softhsm))
                DemoToken::create(*softhsm);
            p.addResult(true);
        })
        .waitForFinished();
}

int runList(const CommandLine &cl)
{
    ModuleRegistry registry;
    int failed = 0;
    {
        Inventory inventory(registry);
        QList<ModuleSpec> specs = cl.moduleSpecs();
        if (cl.demo) {
            try {
                openDemoStore(inventory, registry);
            } catch (...) {
                std::fprintf(stderr, "tokendesk: %s\n", qPrintable(userError(std::current_exception()).text()));
                return 2;
            }
            specs = CommandLine::withDemoModule(specs);
        }
        const InventoryReport report = collectReport(inventory, specs);
        const QByteArray out = cl.json ? reportToJson(report).toJson(QJsonDocument::Indented) : reportToText(report).toUtf8();
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        // All of it, now: modules are finalized and unloaded below, and a module that
        // crashes there must not take buffered output with it.
        std::fflush(stdout);
        failed = report.failures();
    }
    return failed ? 2 : 0;
}
} // namespace

int main(int argc, char **argv)
{
    bool cli = false;
    for (int i = 1; i < argc; ++i)
        cli = cli || qstrcmp(argv[i], "--list") == 0 || qstrcmp(argv[i], "--help") == 0 || qstrcmp(argv[i], "-h") == 0
            || qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0;
    cli = cli || WorkstationCli::wanted(argc, argv);
    std::unique_ptr<QCoreApplication> app(cli ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    setIdentity();
    Q_INIT_RESOURCE(resources);
    if (WorkstationCli::wanted(argc, argv))
        return WorkstationCli::run(QCoreApplication::arguments());
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
    if (cl.list)
        return runList(cl);
    return runGui(cl);
}
