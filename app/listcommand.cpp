// SPDX-License-Identifier: GPL-3.0-or-later
#include "listcommand.h"

#include "commandline.h"
#include "exitwatchdog.h"

#include "demo/demotoken.h"
#include "inventory/crashedmodules.h"
#include "inventory/inventory.h"
#include "inventory/report.h"
#include "p11/errortext.h"
#include "p11/module.h"
#include "p11/moduleactivity.h"
#include "schsm/schsmreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include <unistd.h>

namespace {
enum class Outcome { Listed, TimedOut, SkippedAfterCrash };

// One module's part of the report, collected on a thread of its own so that the
// caller can stop waiting. A thread that never comes back is abandoned (the
// process then ends with _exit), which is why the state is shared.
struct ModuleJob {
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;  // guarded by mutex
    InventoryReport report; // guarded by mutex
};

bool collectWithin(Inventory &inventory, const ModuleSpec &spec, std::chrono::seconds limit, InventoryReport *out)
{
    auto job = std::make_shared<ModuleJob>();
    std::thread([job, &inventory, spec] {
        InventoryReport r = collectReport(inventory, {spec});
        std::lock_guard lock(job->mutex);
        job->report = std::move(r);
        job->finished = true;
        job->done.notify_all();
    }).detach();
    std::unique_lock lock(job->mutex);
    if (!job->done.wait_for(lock, limit, [&] { return job->finished; }))
        return false;
    *out = std::move(job->report);
    return true;
}

void append(InventoryReport &all, InventoryReport &&part)
{
    for (ModuleSnapshot &m : part.modules)
        all.modules.push_back(std::move(m));
    all.contents.merge(part.contents);
    all.tokenErrors.merge(part.tokenErrors);
}

ModuleSnapshot failedSnapshot(const ModuleSpec &spec, const QString &error)
{
    ModuleSnapshot m;
    m.path = ModuleRegistry::canonicalPath(spec.path);
    m.name = spec.name;
    m.userAdded = spec.userAdded;
    m.error = error;
    return m;
}

QString notAnswering(const QString &path, int seconds)
{
    const QStringList calls = ModuleActivity::runningCalls(path);
    if (calls.isEmpty())
        return QCoreApplication::translate("main", "The module did not answer within %n second(s).", nullptr, seconds);
    return QCoreApplication::translate("main", "The module did not answer within %n second(s); it was in %1.", nullptr,
                                       seconds)
        .arg(calls.join(QStringLiteral(", ")));
}

QString skipped(const CrashedModule &c)
{
    return QCoreApplication::translate("main", "%1 Skipped; run tokendesk with --retry-crashed to load it again.")
        .arg(c.description());
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

// The JSON of report.cpp, plus what only the command line knows: which modules
// were given up on or skipped ("outcome": "timed out" / "skipped after crash"),
// and the SmartCard-HSM devices read over PC/SC.
QByteArray toJson(const InventoryReport &report, const std::vector<Outcome> &outcomes, const SchsmReport &devices)
{
    QJsonObject root = reportToJson(report).object();
    if (!devices.empty())
        root.insert(QStringLiteral("smartcardHsm"), schsmReportJson(devices));
    QJsonArray modules = root.value(QStringLiteral("modules")).toArray();
    for (qsizetype i = 0; i < modules.size() && i < qsizetype(outcomes.size()); ++i) {
        if (outcomes[size_t(i)] == Outcome::Listed)
            continue;
        QJsonObject m = modules[i].toObject();
        m[QStringLiteral("outcome")] = outcomes[size_t(i)] == Outcome::TimedOut ? QStringLiteral("timed out")
                                                                                  : QStringLiteral("skipped after crash");
        modules[i] = m;
    }
    root[QStringLiteral("modules")] = modules;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}
} // namespace

int runList(const CommandLine &cl)
{
    ExitWatchdog watchdog; // destroyed last: guards the unloading below
    ModuleRegistry registry;
    registry.setActivityDir(CrashedModules::activityDir());
    int status = 0;
    {
        Inventory inventory(registry);
        const QList<CrashedModule> crashed = cl.retryCrashed ? QList<CrashedModule>() : CrashedModules::list(QSettings());
        InventoryReport report;
        std::vector<Outcome> outcomes;
        bool abandoned = false;
        QList<ModuleSpec> specs = cl.requestedModules();
        if (cl.demo) {
            try {
                openDemoStore(inventory, registry);
            } catch (...) {
                std::fprintf(stderr, "tokendesk: %s\n", qPrintable(userError(std::current_exception()).text()));
                return 2;
            }
            specs = CommandLine::withDemoModule(specs);
        }
        for (const ModuleSpec &spec : specs) {
            const QString path = ModuleRegistry::canonicalPath(spec.path);
            if (const CrashedModule *c = CrashedModules::find(crashed, path)) {
                report.modules.push_back(failedSnapshot(spec, skipped(*c)));
                outcomes.push_back(Outcome::SkippedAfterCrash);
                continue;
            }
            InventoryReport part;
            if (collectWithin(inventory, spec, std::chrono::seconds(cl.timeoutSeconds), &part)) {
                outcomes.insert(outcomes.end(), part.modules.size(), Outcome::Listed);
                append(report, std::move(part));
            } else {
                report.modules.push_back(failedSnapshot(spec, notAnswering(path, cl.timeoutSeconds)));
                outcomes.push_back(Outcome::TimedOut);
                abandoned = true;
            }
        }
        if (cl.retryCrashed) {
            QSettings settings;
            for (const ModuleSpec &spec : cl.requestedModules())
                CrashedModules::forget(settings, spec.path);
        }
        const SchsmReport devices = collectSchsmReport();
        const QByteArray out = cl.json ? toJson(report, outcomes, devices)
                                       : (reportToText(report) + schsmReportText(devices)).toUtf8();
        // Everything is printed before any module is finalized or unloaded (C_Finalize may crash).
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        std::fflush(stdout);
        status = report.failures() ? 2 : 0;
        if (abandoned) {
            // The listing is complete; the module that did not answer was reported and
            // is not put on the crashed list. Its worker never returns: do not wait for it.
            ModuleActivity::discardAll();
            std::fflush(stderr);
            ::_exit(status);
        }
        watchdog.arm(std::chrono::seconds(cl.timeoutSeconds), status);
    }
    return status;
}
