// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui.h"

#include "commandline.h"
#include "demo/demotoken.h"
#include "inventory/inventory.h"
#include "mainwindow.h"
#include "p11/errortext.h"
#include "p11/module.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>

namespace {
// Opens (creating it the first time) the demo token, on SoftHSM's module worker.
void openDemo(MainWindow &window, Inventory &inventory, ModuleRegistry &registry, bool reinitialize)
{
    DemoToken::useDemoStore();
    const QString path = DemoToken::softhsmModulePath();
    window.setDemoNotice(QApplication::translate(
        "main", "<b>Demo mode.</b> No token was found, so TokenDesk opened its software demo token "
                "“%1” (SoftHSM, stored in %2). Its PIN is <b>%3</b>. It is for trying TokenDesk out: "
                "never put real keys on it. Start TokenDesk without --demo-if-empty to leave demo mode.")
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
} // namespace

int runGui(const CommandLine &cl)
{
    ModuleRegistry registry;
    Inventory inventory(registry);
    bool demo = cl.demo;
    MainWindow window(inventory, [cl, &demo] {
        return demo ? CommandLine::withDemoModule(cl.moduleSpecs()) : cl.moduleSpecs();
    });
    window.setWindowIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")));
    window.show();
    if (demo) {
        openDemo(window, inventory, registry, false);
    } else if (cl.demoIfEmpty) {
        // Decide after the first full scan: only a machine with no token at all gets the demo.
        auto conn = std::make_shared<QMetaObject::Connection>();
        *conn = QObject::connect(&window, &MainWindow::refreshFinished, &window, [&, conn] {
            QObject::disconnect(*conn);
            if (!window.hasTokens()) {
                demo = true;
                openDemo(window, inventory, registry, true);
            }
        });
        window.refreshAll();
    } else {
        window.refreshAll();
    }
    return QApplication::exec();
}
