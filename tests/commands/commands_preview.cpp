// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: opens one command dialog on a throwaway SoftHSM token so it can be
// looked at (and screenshotted under Xvfb). Usage: commands_preview delete|rename|
// selfsigned|pkcs12|health|health-repair
#include "commandtestbench.h"

#include "commands/deleteobjectsdialog.h"
#include "commands/healthcheckdialog.h"
#include "commands/healthfindingwidget.h"
#include "commands/pkcs12importdialog.h"
#include "commands/renamekeydialog.h"
#include "commands/selfsignedcertificatedialog.h"

#include <QApplication>
#include <QPushButton>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString which = app.arguments().value(1, QStringLiteral("health"));
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

    QDialog *d = nullptr;
    if (which == QLatin1String("delete"))
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
    return app.exec();
}
