// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: opens one command dialog on a throwaway SoftHSM token so it can be
// looked at (and screenshotted under Xvfb). Usage: commands_preview delete|rename|
// selfsigned|pkcs12|health|health-repair|attributes|about|firststart [--grab FILE.png]
// (--grab: saves the window as the user sees it, once it has loaded, and exits).
#include "commandtestbench.h"

#include "commands/deleteobjectsdialog.h"
#include "commands/healthcheckdialog.h"
#include "commands/healthfindingwidget.h"
#include "commands/pkcs12importdialog.h"
#include "commands/renamekeydialog.h"
#include "commands/selfsignedcertificatedialog.h"

#include "dialogs/aboutdialog.h"
#include "dialogs/attributesdialog.h"
#include "dialogs/firststartpanel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QPushButton>
#include <QTimer>

namespace {
// Saves the window as painted, then quits (called once what it shows has arrived).
void grabSoon(QWidget *w, const QString &file)
{
    QTimer::singleShot(300, w, [w, file] { // let the window manager map and paint it
        w->grab().save(file);
        QApplication::quit();
    });
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION)); // as main() does
    const QString which = app.arguments().value(1, QStringLiteral("health"));
    const int grabAt = app.arguments().indexOf(QStringLiteral("--grab"));
    const QString grabFile = grabAt > 0 ? app.arguments().value(grabAt + 1) : QString();
    CommandTestBench bench;
    const QString t = QStringLiteral("Preview");
    bench.initToken(t);
    auto gen = [&](const char *type, const char *id, const char *label) {
        bench.tool(t, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QString::fromLatin1(type),
                       QStringLiteral("--id"), QString::fromLatin1(id), QStringLiteral("--label"), QString::fromLatin1(label)});
    };
    gen("rsa:2048", "01", "web server");
    gen("EC:prime256v1", "02", "mail");
    bench.tool(t, {QStringLiteral("--write-object"), bench.certificateFor(t, QStringLiteral("01"), QStringLiteral("www.example.org")),
                   QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("01"),
                   QStringLiteral("--label"), QStringLiteral("web server")});
    bench.tool(t, {QStringLiteral("--write-object"), bench.certificateFor(t, QStringLiteral("02"), QStringLiteral("Mail")),
                   QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("0a"),
                   QStringLiteral("--label"), QStringLiteral("Mail 2024")});
    const TokenRef ref = bench.open(t);
    const TokenContents c = bench.contents(ref);
    const ObjectInfo *key = CommandTestBench::find(c, CKO_PRIVATE_KEY, QStringLiteral("web server"));
    if (!key)
        return 1;

    if (which == QLatin1String("firststart")) {
        auto *w = new MainWindow(bench.inventory(), [] { return QList<ModuleSpec>{}; });
        w->resize(1100, 640);
        w->show();
        w->refreshAll();
        if (!grabFile.isEmpty())
            QObject::connect(w->firstStartPanel(), &FirstStartPanel::readersProbed, w, [w, grabFile] { grabSoon(w, grabFile); });
        return app.exec();
    }
    QDialog *d = nullptr;
    if (which == QLatin1String("attributes")) {
        const ObjectInfo *cert = CommandTestBench::find(c, CKO_CERTIFICATE, QStringLiteral("web server"));
        auto *a = new AttributesDialog(bench.inventory(), ref, cert ? *cert : *key);
        if (!grabFile.isEmpty())
            QObject::connect(a, &AttributesDialog::loaded, a, [a, grabFile] { grabSoon(a, grabFile); });
        d = a;
    } else if (which == QLatin1String("about"))
        d = new AboutDialog;
    else if (which == QLatin1String("delete"))
        d = new DeleteObjectsDialog(bench.inventory(), ref, c, *key);
    else if (which == QLatin1String("rename"))
        d = new RenameKeyDialog(bench.inventory(), ref, c, *key);
    else if (which == QLatin1String("selfsigned"))
        d = new SelfSignedCertificateDialog(bench.inventory(), ref, c, *key);
    else if (which == QLatin1String("pkcs12"))
        d = new Pkcs12ImportDialog(bench.inventory(), ref, c);
    else
        d = new HealthCheckDialog(bench.inventory(), ref, c);
    if (which == QLatin1String("health-repair"))
        for (HealthFindingWidget *w : static_cast<HealthCheckDialog *>(d)->findingWidgets())
            if (w->repairButton())
                w->repairButton()->click(); // show the confirmation
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    if (!grabFile.isEmpty() && which != QLatin1String("attributes"))
        grabSoon(d, grabFile);
    return app.exec();
}
