// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: opens "Use this key in…" on a throwaway SoftHSM token with a key and
// its certificate, in a throwaway HOME, so it can be looked at (and screenshotted
// under Xvfb). Usage: usekey_preview [java|openssl|ssh|p11kit|nss|gskit] [--files]
// [--test] [--grab FILE.png]. --test types the token's PIN and runs Test it; --grab
// saves the window once that has finished (or at once) and exits.
#include "commandtestbench.h"

#include "dialogs/workstation/usekeydialog.h"
#include "widgets/secretedit.h"
#include "workstation/keylocator.h"
#include "workstation/opensslsetup.h"

#include <QApplication>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto target = SetupTargets::fromName(args.value(1, QStringLiteral("java"))).value_or(SetupTarget::Java);
    const int grabAt = args.indexOf(QStringLiteral("--grab"));
    const QString grabFile = grabAt > 0 ? args.value(grabAt + 1) : QString();
    CommandTestBench bench;
    const QString t = QStringLiteral("Preview");
    bench.initToken(t);
    bench.tool(t, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"), QStringLiteral("--id"),
                   QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("web server")});
    bench.tool(t, {QStringLiteral("--write-object"), bench.certificateFor(t, QStringLiteral("01"), QStringLiteral("www.example.org")),
                   QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("01"),
                   QStringLiteral("--label"), QStringLiteral("web server")});
    const TokenRef ref = bench.open(t);
    const TokenContents c = bench.contents(ref);
    const ModuleSnapshot snap = CommandTestBench::await(bench.inventory().scan(ModuleSpec{ref.modulePath, QStringLiteral("softhsm2"), false}));
    CK_TOKEN_INFO info{};
    for (const SlotSnapshot &s : snap.slots)
        if (s.id == ref.slot && s.token)
            info = s.token->info;
    const QByteArray id = QByteArray::fromHex("01");
    const auto facts = KeyLocator::inContents(ref.modulePath, ref.slot, info, c, id);
    if (!facts)
        return 1;
    QTemporaryDir home;
    SetupPaths paths;
    paths.home = home.path();
    paths.configHome = home.filePath(QStringLiteral(".config"));
    paths.stateHome = home.filePath(QStringLiteral(".local/state"));
    paths.enginePath = OpensslSetup::defaultEnginePath();
    UseKeyDialog d(*facts, ProofExpectation::forKey(c.objects, id), paths);
    d.setTarget(target);
    d.show();
    const auto grab = [&d, grabFile] {
        if (grabFile.isEmpty())
            return;
        QTimer::singleShot(500, &d, [&d, grabFile] {
            d.grab().save(grabFile);
            QApplication::quit();
        });
    };
    if (args.contains(QStringLiteral("--test"))) {
        d.tabs()->setCurrentIndex(2);
        QObject::connect(&d, &UseKeyDialog::testFinished, &d, grab);
        QTimer::singleShot(300, &d, [&d] {
            QTest::keyClicks(d.pinEdit(), CommandTestBench::pin());
            QTest::mouseClick(d.testButton(), Qt::LeftButton);
        });
    } else {
        d.tabs()->setCurrentIndex(args.contains(QStringLiteral("--files")) ? 0 : 1);
        grab();
    }
    return app.exec();
}
