// SPDX-License-Identifier: GPL-3.0-or-later
#include "listcommand.h"

#include "commandline.h"
#include "exitwatchdog.h"
#include "pinreader.h"
#include "tokenselector.h"

#include "demo/demotoken.h"
#include "inventory/crashedmodules.h"
#include "inventory/inventory.h"
#include "inventory/p11text.h"
#include "inventory/report.h"
#include "p11/errortext.h"
#include "p11/module.h"
#include "p11/moduleactivity.h"
#include "p11/modulehelper.h"
#include "schsm/schsmreport.h"
#include "schsm/schsmtokenlink.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QTextStream>

#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include <unistd.h>

namespace {
enum class Outcome { Listed, TimedOut, SkippedAfterCrash };

// Work on a module (collecting its report, a login, reading objects again), run on a
// thread of its own so that the caller can stop waiting. A thread that never comes
// back is abandoned (the process then ends with _exit), which is why the state is shared.
template <typename T>
struct Job {
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;    // guarded by mutex
    std::optional<T> result;  // guarded by mutex
    std::exception_ptr error; // guarded by mutex
};

// The work's result, its exception rethrown here, or nullopt when it did not end within limit.
// giveUp, when the limit has passed: returns true if it made the work end (a module's
// separate process stopped), which then gets a few more seconds to come back.
template <typename T>
std::optional<T> within(std::chrono::seconds limit, std::function<T()> work, std::function<bool()> giveUp = {})
{
    auto job = std::make_shared<Job<T>>();
    std::thread([job, work = std::move(work)] {
        std::optional<T> r;
        std::exception_ptr e;
        try {
            r = work();
        } catch (...) {
            e = std::current_exception();
        }
        std::lock_guard lock(job->mutex);
        job->result = std::move(r);
        job->error = e;
        job->finished = true;
        job->done.notify_all();
    }).detach();
    std::unique_lock lock(job->mutex);
    if (!job->done.wait_for(lock, limit, [&] { return job->finished; })) {
        lock.unlock();
        if (!giveUp || !giveUp())
            return std::nullopt;
        lock.lock();
        if (!job->done.wait_for(lock, std::chrono::seconds(10), [&] { return job->finished; }))
            return std::nullopt;
    }
    if (job->error)
        std::rethrow_exception(job->error);
    return std::move(job->result);
}

bool collectWithin(Inventory &inventory, const ModuleSpec &spec, std::chrono::seconds limit, InventoryReport *out)
{
    // A module in a separate process is stopped rather than abandoned: its report then says why.
    std::optional<InventoryReport> r = within<InventoryReport>(
        limit, [&inventory, spec] { return collectReport(inventory, {spec}); },
        [path = ModuleRegistry::canonicalPath(spec.path)] { return ModuleHelper::stopAll(path); });
    if (r)
        *out = std::move(*r);
    return r.has_value();
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
// and the SmartCard-HSM devices read over PC/SC. Written to stdout as it is made.
void printJson(const InventoryReport &report, const std::vector<Outcome> &outcomes, const SchsmReport &devices,
               const ReportOptions &options, const std::function<void(QByteArrayView)> &write)
{
    const auto decorate = [&](QJsonObject &root) {
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
    };
    writeReportJson(report, options, decorate, write);
}

// A SmartCard-HSM's token is initialized when the device is (as the details pane says):
// OpenSC calls a never-initialized one initialized.
std::map<QString, bool> deviceInitialized(const InventoryReport &report, const SchsmReport &devices)
{
    std::map<QString, bool> out;
    for (const ModuleSnapshot &m : report.modules)
        for (const SlotSnapshot &slot : m.slots)
            for (const SchsmStatus &device : devices.devices)
                if (slot.token && SchsmTokenLink::isDevice(slot.description, slot.token->id.serial, device))
                    out[InventoryReport::key(m, *slot.token)] = device.initialized();
    return out;
}

struct Tr { Q_DECLARE_TR_FUNCTIONS(ListCommand) };

void printError(const QString &message) { std::fprintf(stderr, "tokendesk: %s\n", qPrintable(message)); }

// CSV has rows for objects only: what failed goes to stderr (the exit status is 2).
void printFailures(const InventoryReport &report)
{
    for (const ModuleSnapshot &m : report.modules) {
        if (!m.error.isEmpty())
            printError(QStringLiteral("%1: %2").arg(m.path, m.error));
        for (const SlotSnapshot &s : m.slots) {
            if (!s.tokenError.isEmpty())
                printError(QStringLiteral("%1: %2").arg(m.path, s.tokenError));
            if (!s.token)
                continue;
            const QString key = InventoryReport::key(m, *s.token);
            for (const auto *errors : {&report.tokenErrors, &report.loginErrors})
                if (const auto e = errors->find(key); e != errors->end())
                    printError(QStringLiteral("%1: %2").arg(s.token->label, e->second));
        }
    }
}

// --token: keeps the slots whose token a selector matches (and only their contents and
// errors); returns the selectors that matched no token.
QStringList keepSelected(InventoryReport &report, const std::vector<TokenSelector> &selectors)
{
    std::vector<bool> used(selectors.size(), false);
    std::set<QString> kept;
    for (ModuleSnapshot &m : report.modules) {
        std::erase_if(m.slots, [&](const SlotSnapshot &s) {
            bool keep = false;
            for (std::size_t i = 0; i < selectors.size(); ++i) {
                if (s.token && selectors[i].matches(*s.token))
                    used[i] = keep = true;
            }
            if (keep)
                kept.insert(InventoryReport::key(m, *s.token));
            return !keep;
        });
    }
    for (auto *map : {&report.tokenErrors, &report.loginErrors})
        std::erase_if(*map, [&](const auto &e) { return !kept.count(e.first); });
    std::erase_if(report.contents, [&](const auto &e) { return !kept.count(e.first); });
    QStringList unmatched;
    for (std::size_t i = 0; i < selectors.size(); ++i)
        if (!used[i])
            unmatched << selectors[i].text();
    return unmatched;
}

QString tokenName(const TokenSnapshot &t)
{
    return Tr::tr("\"%1\" (serial %2)").arg(P11Text::escaped(t.label), P11Text::escaped(t.id.serial));
}

// One C_Login, never retried, then the token's objects are read again (private ones
// included). A failure is recorded in report.loginErrors and the token keeps the
// objects read without login. False when the module did not answer within limit.
bool logInAndRead(Inventory &inventory, InventoryReport &report, const ModuleSnapshot &m, SlotSnapshot &s,
                  std::optional<SecureBytes> pin, int seconds)
{
    const TokenRef ref{m.path, s.id, s.token->id};
    const QString key = InventoryReport::key(m, *s.token);
    const std::chrono::seconds limit(seconds);
    auto shared = std::make_shared<std::optional<SecureBytes>>(std::move(pin));
    try {
        const auto done = within<bool>(limit, [&inventory, ref, shared] {
            inventory.login(ref, CKU_USER, std::move(*shared)).waitForFinished();
            return true;
        });
        if (!done) {
            report.loginErrors[key] = notAnswering(m.path, seconds);
            return false;
        }
    } catch (...) {
        const std::exception_ptr failure = std::current_exception();
        // The PIN flags after the failed try (count low, final try, locked) for the message and the listing.
        try {
            if (auto fresh = within<TokenSnapshot>(limit, [&inventory, ref] { return inventory.tokenInfo(ref).result(); }))
                s.token->info.flags = fresh->info.flags;
        } catch (...) {
        }
        report.loginErrors[key] = userError(failure, s.token->info.flags).text();
        return true;
    }
    try {
        auto contents = within<TokenContents>(limit, [&inventory, ref] { return inventory.readObjects(ref).result(); });
        if (!contents) {
            report.tokenErrors[key] = notAnswering(m.path, seconds);
            return false;
        }
        report.contents[key] = std::move(*contents);
    } catch (...) {
        report.tokenErrors[key] = userError(std::current_exception(), s.token->info.flags).text();
    }
    return true;
}

// --login: every listed token whose objects were read and whose user PIN is set, in
// listing order. The PIN comes from --pin-fd (then only one token may need a typed
// PIN: choose it with --token) or from the terminal, asked per token, naming it;
// a PIN pad reader (CKF_PROTECTED_AUTHENTICATION_PATH) is asked for no PIN. Returns
// 64 for a usage problem (nothing is printed then), else 0; *abandoned when a module
// did not answer.
int logIn(Inventory &inventory, InventoryReport &report, const CommandLine &cl, bool *abandoned)
{
    std::vector<std::pair<const ModuleSnapshot *, SlotSnapshot *>> targets;
    for (ModuleSnapshot &m : report.modules) {
        for (SlotSnapshot &s : m.slots) {
            if (s.token && (s.token->info.flags & CKF_USER_PIN_INITIALIZED)
                && report.contents.count(InventoryReport::key(m, *s.token)))
                targets.emplace_back(&m, &s);
        }
    }
    const auto typed = std::count_if(targets.begin(), targets.end(), [](const auto &t) {
        return !(t.second->token->info.flags & (CKF_PROTECTED_AUTHENTICATION_PATH | CKF_USER_PIN_LOCKED));
    });
    if (cl.pinFd >= 0 && typed > 1) {
        printError(Tr::tr("--pin-fd gives one PIN, but %n tokens ask for one; choose the token with --token.", nullptr, int(typed)));
        return 64;
    }
    for (const auto &[m, s] : targets) {
        const CK_FLAGS flags = s->token->info.flags;
        if (flags & CKF_USER_PIN_LOCKED) { // a try would be wasted, and might count
            report.loginErrors[InventoryReport::key(*m, *s->token)] = userError(CKR_PIN_LOCKED, flags).text();
            continue;
        }
        std::optional<SecureBytes> pin;
        if (flags & CKF_PROTECTED_AUTHENTICATION_PATH) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(Tr::tr("Enter the PIN of token %1 on the reader's PIN pad.").arg(tokenName(*s->token))));
        } else {
            QString error;
            pin = cl.pinFd >= 0 ? PinReader::fromFd(cl.pinFd, &error)
                                : PinReader::fromTerminal(Tr::tr("PIN of token %1 (Enter alone skips it): ").arg(tokenName(*s->token)),
                                                          &error);
            if (!pin) {
                printError(error);
                return 64;
            }
            if (pin->empty() && cl.pinFd >= 0) { // a caller that forgot to write it: do not waste a try
                printError(Tr::tr("No PIN was given on --pin-fd %1.").arg(cl.pinFd));
                return 64;
            }
            if (pin->empty())
                continue; // Enter alone: listed without private objects, as without --login
        }
        if (!logInAndRead(inventory, report, *m, *s, std::move(pin), cl.timeoutSeconds))
            *abandoned = true;
    }
    return 0;
}
} // namespace

int runList(const CommandLine &cl)
{
    ExitWatchdog watchdog; // destroyed last: guards the unloading below
    ModuleRegistry registry;
    registry.setActivityDir(CrashedModules::activityDir());
    registry.setCallLimit(std::chrono::seconds(cl.timeoutSeconds));
    if (!cl.traceFile.isEmpty()) {
        QString error;
        if (!registry.trace().start(cl.traceFile, &error)) {
            printError(error);
            return 64;
        }
    }
    // Saved after the modules are finalized (their C_Finalize is in it), or before an early exit.
    const auto saveTrace = [&registry] {
        QString error;
        if (!registry.trace().stop(&error))
            printError(error);
    };
    int status = 0;
    std::vector<TokenSelector> selectors;
    for (const QString &t : cl.tokens) {
        QString error;
        if (auto s = TokenSelector::parse(t, &error)) {
            selectors.push_back(std::move(*s));
        } else {
            printError(error);
            return 64;
        }
    }
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
        const QStringList unmatched = selectors.empty() ? QStringList() : keepSelected(report, selectors);
        for (const QString &u : unmatched)
            printError(Tr::tr("No token matches --token %1.").arg(u));
        if (cl.login) {
            if (const int usage = logIn(inventory, report, cl, &abandoned)) {
                std::fflush(stderr);
                ::_exit(usage); // as below: a module may still be busy; nothing was printed
            }
        }
        ReportOptions options;
        options.warningDays = cl.warningDays;
        options.expiringWithin = cl.expiringWithin;
        const SchsmReport devices = collectSchsmReport();
        options.deviceInitialized = deviceInitialized(report, devices);
        const auto toStdout = [](QByteArrayView bytes) { std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout); };
        switch (cl.format) {
        case CommandLine::Format::Json: printJson(report, outcomes, devices, options, toStdout); break;
        case CommandLine::Format::Csv:
            writeReportCsv(report, options, toStdout);
            printFailures(report);
            break;
        case CommandLine::Format::Text: {
            QFile stdoutFile;
            if (stdoutFile.open(stdout, QIODevice::WriteOnly)) { // QTextStream buffers, writes UTF-8
                QTextStream ts(&stdoutFile);
                writeReportText(report, options, ts);
                ts << schsmReportText(devices);
            }
            break;
        }
        }
        // Everything is printed before any module is finalized or unloaded (C_Finalize may crash).
        std::fflush(stdout);
        // Failures first: a check that could not read every token cannot say "none expiring".
        status = report.failures() || !unmatched.isEmpty() ? 2 : (report.expiringCertificates(options) ? 1 : 0);
        if (abandoned) {
            // The listing is complete; the module that did not answer was reported and
            // is not put on the crashed list. Its worker never returns: do not wait for it.
            ModuleActivity::discardAll();
            ModuleHelper::stopAll(); // no child process stays behind
            saveTrace();
            std::fflush(stderr);
            ::_exit(status);
        }
        watchdog.arm(std::chrono::seconds(cl.timeoutSeconds), status);
    }
    saveTrace();
    return status;
}
