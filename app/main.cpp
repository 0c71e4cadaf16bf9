// SPDX-License-Identifier: GPL-3.0-or-later
// A thin main(): parse the command line, create the services, hand over to ui or to the inventory printer.
#include "commandline.h"
#include "gui.h"

#include "inventory/discovery.h"
#include "inventory/inventory.h"
#include "inventory/report.h"
#include "p11/module.h"
#include "schsm/schsmreport.h"

#include <QApplication>
#include <QFileInfo>
#include <QJsonObject>
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

int runList(const CommandLine &cl)
{
    ModuleRegistry registry;
    int failed = 0;
    {
        Inventory inventory(registry);
        const InventoryReport report = collectReport(inventory, cl.moduleSpecs());
        const SchsmReport devices = collectSchsmReport();
        QByteArray out;
        if (cl.json) {
            QJsonObject root = reportToJson(report).object();
            if (!devices.empty())
                root.insert(QStringLiteral("smartcardHsm"), schsmReportJson(devices));
            out = QJsonDocument(root).toJson(QJsonDocument::Indented);
        } else {
            out = (reportToText(report) + schsmReportText(devices)).toUtf8();
        }
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        failed = report.failedModules() + int(report.tokenErrors.size());
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
    std::unique_ptr<QCoreApplication> app(cli ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    setIdentity();
    Q_INIT_RESOURCE(resources);
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
