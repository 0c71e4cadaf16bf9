// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui.h"

#include "commandline.h"
#include "exitwatchdog.h"

#include "demo/demotoken.h"
#include "dialogs/crashedmodulesdialog.h"
#include "inventory/crashedmodules.h"
#include "inventory/discovery.h"
#include "inventory/inventory.h"
#include "mainwindow.h"
#include "p11/errortext.h"
#include "p11/module.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#include <sys/socket.h>
#include <unistd.h>

namespace {
// Opens (creating it the first time) the demo token, on SoftHSM's module worker.
// asked: the user asked for it (--demo, or the first-start panel's button) rather than
// --demo-if-empty finding no token: the banner must say which.
void openDemo(MainWindow &window, Inventory &inventory, ModuleRegistry &registry, bool reinitialize, bool asked)
{
    DemoToken::useDemoStore();
    const QString path = DemoToken::softhsmModulePath();
    window.setDemoNotice((asked ? QApplication::translate(
                                      "main", "<b>Demo mode.</b> This is TokenDesk's software demo token “%1” "
                                              "(SoftHSM, stored in %2). Its PIN is <b>%3</b>. It is for trying "
                                              "TokenDesk out: never put real keys on it. Start TokenDesk without "
                                              "--demo to leave demo mode.")
                                : QApplication::translate(
                                      "main", "<b>Demo mode.</b> No token was found, so TokenDesk opened its software "
                                              "demo token “%1” (SoftHSM, stored in %2). Its PIN is <b>%3</b>. It is "
                                              "for trying TokenDesk out: never put real keys on it. Start TokenDesk "
                                              "without --demo-if-empty to leave demo mode."))
                             .arg(QString::fromLatin1(DemoToken::kLabel), DemoToken::storeDir().toHtmlEscaped(),
                                  QString::fromLatin1(DemoToken::kUserPin)));
    inventory.moduleExecutor(path)
        ->submit<bool>([&registry, path, reinitialize](QPromise<bool> &p) {
            auto softhsm = registry.load(path);
            // SoftHSM reads SOFTHSM2_CONF in C_Initialize: if it was loaded with the system
            // store, re-initialize it so it sees the demo store.
            if (reinitialize)
                softhsm->reinitialize();
            const bool created = !DemoToken::find(*softhsm);
            if (created)
                DemoToken::create(*softhsm);
            p.addResult(created);
        })
        .then(&window, [&window](bool) { window.refreshAll(); })
        .onFailed(&window, [&window](const std::exception &) {
            QMessageBox::warning(&window, QApplication::translate("main", "Demo token"),
                                 describeFailure(QApplication::translate("main", "Creating the demo token"),
                                                 userError(std::current_exception())));
        });
}

// SIGTERM (logout, `kill`) and SIGINT quit like the Quit action: settings saved, then the
// same bounded shutdown. The handler only writes to a socket; the event loop does the rest.
int g_signalFds[2] = {-1, -1};

void quitOnSignals(QObject *context)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier] {
        char c;
        if (::read(g_signalFds[1], &c, 1) > 0)
            notifier->setEnabled(false);
        const auto windows = QApplication::topLevelWidgets();
        for (QWidget *w : windows)
            w->close();
        QApplication::quit();
    });
    struct sigaction sa {};
    sa.sa_handler = [](int) {
        const char c = 1;
        [[maybe_unused]] const ssize_t n = ::write(g_signalFds[0], &c, 1);
    };
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
}

// Modules skipped because they crashed or hung before: say so, offer to try them again.
void offerCrashedModules(MainWindow &window, const CommandLine &cl)
{
    QSettings settings;
    QList<CrashedModule> crashed;
    const QList<CrashedModule> all = CrashedModules::list(settings);
    for (const ModuleSpec &s : cl.requestedModules())
        if (const CrashedModule *c = CrashedModules::find(all, s.path))
            crashed << *c;
    if (cl.retryCrashed) {
        for (const CrashedModule &c : crashed)
            CrashedModules::forget(settings, c.path);
        return;
    }
    if (crashed.isEmpty())
        return;
    QStringList user;
    for (const ModuleSpec &s : Discovery::userModules(settings))
        user << ModuleRegistry::canonicalPath(s.path);
    auto *dlg = new CrashedModulesDialog(crashed, user, &window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dlg, &CrashedModulesDialog::retried, &window, [&window] { window.refreshAll(); });
    dlg->open();
}
} // namespace

int runGui(const CommandLine &cl)
{
    ExitWatchdog watchdog; // destroyed last: guards the shutdown of everything below
    ModuleRegistry registry;
    registry.setActivityDir(CrashedModules::activityDir());
    QString traceError;
    if (!cl.traceFile.isEmpty() && !registry.trace().start(cl.traceFile, &traceError))
        std::fprintf(stderr, "tokendesk: %s\n", qPrintable(traceError)); // the window starts anyway
    Inventory inventory(registry);
    bool demo = cl.demo;
    MainWindow window(inventory, [cl, &demo] {
        return demo ? CommandLine::withDemoModule(cl.moduleSpecs()) : cl.moduleSpecs();
    });
    window.setWindowIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")));
    window.show();
    quitOnSignals(&window);
    offerCrashedModules(window, cl);
    QObject::connect(&window, &MainWindow::demoRequested, &window, [&] {
        demo = true;
        openDemo(window, inventory, registry, true, true);
    });
    if (demo) {
        openDemo(window, inventory, registry, false, true);
    } else if (cl.demoIfEmpty) {
        // Decide after the first full scan: only a machine with no token at all gets the demo.
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = QObject::connect(&window, &MainWindow::refreshFinished, &window, [&, conn] {
            QObject::disconnect(*conn);
            if (!window.hasTokens()) {
                demo = true;
                openDemo(window, inventory, registry, true, false);
            }
        });
        window.refreshAll();
    } else {
        window.refreshAll();
    }
    const int status = QApplication::exec();
    // Quit ends the process within a few seconds even when a worker is stuck in a module call.
    watchdog.arm(std::chrono::seconds(3), status);
    return status;
}
