// SPDX-License-Identifier: GPL-3.0-or-later
// Every command dialog that writes, while its job is held inside the token call
// (tests/commands/holdp11.cpp): Escape, the window's close button and Cancel do not
// close it, every button is off, and when the call returns the write is on the token
// (pkcs11-tool) and the tree is told (tokenChanged) although the user tried to close.
// Then wrong entries followed by corrections.
#include "commandtestbench.h"

#include "commands/deleteobjectsdialog.h"
#include "commands/pkcs12importdialog.h"
#include "commands/renamekeydialog.h"
#include "commands/selfsignedcertificatedialog.h"
#include "widgets/secretedit.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

#include <memory>

namespace {
const QString kToken = QStringLiteral("Safety");
} // namespace

class TestDialogSafety : public QObject {
    Q_OBJECT
    CommandTestBench m_bench{QStringLiteral(TOKENDESK_HOLD_MODULE)};
    TokenRef m_ref;
    QString m_gate;

    QString gate(const QString &name) const { return m_gate + QLatin1Char('/') + name; }
    void holdCall(const char *function)
    {
        QFile::remove(gate(QStringLiteral("release")));
        QDir(m_gate).removeRecursively();
        QDir().mkpath(m_gate);
        qputenv("TOKENDESK_HOLD", function);
    }
    void release()
    {
        QFile f(gate(QStringLiteral("release")));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    int count(const QString &headerStart, const QString &label)
    {
        int n = 0;
        for (const ToolEntry &e : m_bench.toolObjects(kToken))
            n += e.header.startsWith(headerStart) && e.label == label;
        return n;
    }
    QString p12For(const QString &name, const QString &password)
    {
        const QString key = m_bench.path(name + QStringLiteral(".key"));
        const QString crt = m_bench.path(name + QStringLiteral(".crt"));
        const QString p12 = m_bench.path(name + QStringLiteral(".p12"));
        CommandTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                   QStringLiteral("-keyout"), key, QStringLiteral("-subj"), QStringLiteral("/CN=") + name,
                                   QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-out"), crt});
        CommandTestBench::openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"), key,
                                   QStringLiteral("-in"), crt, QStringLiteral("-passout"), QStringLiteral("pass:") + password,
                                   QStringLiteral("-out"), p12});
        return p12;
    }
    static QStringList closeWays() { return {QStringLiteral("esc"), QStringLiteral("close"), QStringLiteral("cancel")}; }

private Q_SLOTS:
    void initTestCase()
    {
        m_gate = m_bench.path(QStringLiteral("gate"));
        qputenv("TOKENDESK_HOLD_DIR", QFile::encodeName(m_gate));
        qputenv("TOKENDESK_HOLD_TARGET", QFile::encodeName(SoftHsmFixture::softhsmModule()));
        qputenv("TOKENDESK_HOLD", "");
        m_bench.initToken(kToken);
        // One key per dialog and way of closing; SoftHSM lists what exists at open().
        int id = 0x10;
        for (const char *what : {"rename", "delete", "self"})
            for (const QString &how : closeWays())
                m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                                      QStringLiteral("--id"), QString::number(id++, 16), QStringLiteral("--label"),
                                      QString::fromLatin1(what) + QLatin1Char('-') + how});
        m_bench.tool(kToken, QStringLiteral("--keypairgen --key-type EC:prime256v1 --id 70 --label fix-me").split(QLatin1Char(' ')));
        m_ref = m_bench.open(kToken);
    }

    void closeRefusedWhileJobRuns_data()
    {
        QTest::addColumn<QString>("dialog");
        QTest::addColumn<QString>("how");
        for (const char *dialog : {"rename", "delete", "pkcs12", "self"})
            for (const QString &how : closeWays())
                QTest::addRow("%s, %s", dialog, qPrintable(how)) << QString::fromLatin1(dialog) << how;
    }
    void closeRefusedWhileJobRuns()
    {
        QFETCH(QString, dialog);
        QFETCH(QString, how);
        const QString label = dialog + QLatin1Char('-') + how;
        const TokenContents c = m_bench.contents(m_ref);
        std::unique_ptr<TokenCommandDialog> d;
        QPushButton *action = nullptr;
        const char *held = "C_CreateObject";
        if (dialog == QLatin1String("rename")) {
            auto *r = new RenameKeyDialog(m_bench.inventory(), m_ref, c, *CommandTestBench::find(c, CKO_PRIVATE_KEY, label));
            r->labelEdit()->setText(label + QStringLiteral("-renamed"));
            action = r->renameButton();
            held = "C_SetAttributeValue";
            d.reset(r);
        } else if (dialog == QLatin1String("delete")) {
            auto *x = new DeleteObjectsDialog(m_bench.inventory(), m_ref, c, *CommandTestBench::find(c, CKO_PRIVATE_KEY, label));
            x->confirmEdit()->setText(QStringLiteral("delete"));
            action = x->deleteButton();
            held = "C_DestroyObject";
            d.reset(x);
        } else if (dialog == QLatin1String("pkcs12")) {
            auto *p = new Pkcs12ImportDialog(m_bench.inventory(), m_ref, c, p12For(label, QStringLiteral("pw")));
            p->labelEdit()->setText(label);
            p->passwordEdit()->setText(QStringLiteral("pw"));
            action = p->importButton();
            d.reset(p);
        } else {
            auto *s = new SelfSignedCertificateDialog(m_bench.inventory(), m_ref, c, *CommandTestBench::find(c, CKO_PRIVATE_KEY, label));
            action = s->createButton();
            d.reset(s);
        }
        d->show();
        QVERIFY(QTest::qWaitForWindowExposed(d.get()));
        QVERIFY2(action->isEnabled(), qPrintable(d->errorText()));
        QSignalSpy finished(d.get(), &TokenCommandDialog::jobFinished);
        QSignalSpy changed(d.get(), &TokenCommandDialog::tokenChanged);

        holdCall(held);
        QTest::mouseClick(action, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(gate(QString::fromLatin1(held) + QStringLiteral(".held"))), 30000);
        QVERIFY(d->isBusy());
        const auto buttons = d->findChild<QDialogButtonBox *>()->buttons();
        for (QAbstractButton *b : buttons)
            QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
        QAbstractButton *cancel = nullptr;
        for (QAbstractButton *b : buttons)
            if (d->findChild<QDialogButtonBox *>()->buttonRole(b) == QDialogButtonBox::RejectRole)
                cancel = b;
        QVERIFY(cancel);

        if (how == QLatin1String("esc")) {
            QTest::keyClick(d.get(), Qt::Key_Escape);
        } else if (how == QLatin1String("close")) {
            QVERIFY(!d->close()); // the window's close button: a QCloseEvent, ignored
        } else {
            QTest::mouseClick(cancel, Qt::LeftButton);
            d->reject(); // what Cancel would call
            d->done(QDialog::Accepted);
        }
        QVERIFY(d->isVisible());
        QVERIFY(d->isBusy());
        if (how != QLatin1String("cancel"))
            QVERIFY2(d->statusText().contains(QStringLiteral("cannot be interrupted")), qPrintable(d->statusText()));
        QCOMPARE(finished.count(), 0);

        release();
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        qputenv("TOKENDESK_HOLD", "");
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(d->errorText()));
        QCOMPARE(changed.count(), 1); // the tree reads the token again
        QCOMPARE(changed.at(0).at(0).value<TokenRef>().id.key(), m_ref.id.key());

        // pkcs11-tool: the write happened, exactly once.
        if (dialog == QLatin1String("rename")) {
            QCOMPARE(count(QStringLiteral("Private Key Object"), label + QStringLiteral("-renamed")), 1);
            QCOMPARE(count(QStringLiteral("Public Key Object"), label + QStringLiteral("-renamed")), 1);
            QCOMPARE(count(QStringLiteral("Private Key Object"), label), 0);
        } else if (dialog == QLatin1String("delete")) {
            QCOMPARE(count(QStringLiteral("Private Key Object"), label), 0);
            QCOMPARE(count(QStringLiteral("Public Key Object"), label), 0);
        } else if (dialog == QLatin1String("pkcs12")) {
            QCOMPARE(count(QStringLiteral("Private Key Object"), label), 1);
            QCOMPARE(count(QStringLiteral("Certificate Object"), label), 1);
        } else {
            QCOMPARE(count(QStringLiteral("Certificate Object"), label), 1);
        }
        // Now it closes, whichever way.
        if (d->isVisible()) {
            QVERIFY(cancel->isEnabled());
            if (how == QLatin1String("esc"))
                QTest::keyClick(d.get(), Qt::Key_Escape);
            else if (how == QLatin1String("close"))
                QVERIFY(d->close());
            else
                QTest::mouseClick(cancel, Qt::LeftButton);
        }
        QTRY_VERIFY(!d->isVisible());
    }

    void wrongPasswordThenRightOne()
    {
        const QString p12 = p12For(QStringLiteral("retry"), QStringLiteral("right"));
        Pkcs12ImportDialog d(m_bench.inventory(), m_ref, m_bench.contents(m_ref), p12);
        d.labelEdit()->setText(QStringLiteral("retry"));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QSignalSpy finished(&d, &Pkcs12ImportDialog::jobFinished);
        d.passwordEdit()->setFocus();
        QTest::keyClicks(d.passwordEdit(), QStringLiteral("wrong"));
        QTest::keyClick(d.passwordEdit(), Qt::Key_Return); // Enter imports
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(d.errorText().contains(QStringLiteral("The password is wrong")), qPrintable(d.errorText()));
        QCOMPARE(count(QStringLiteral("Private Key Object"), QStringLiteral("retry")), 0);
        // The field is empty and has the focus, ready for the next try.
        QVERIFY(d.passwordEdit()->text().isEmpty());
        QTRY_VERIFY(d.passwordEdit()->hasFocus());
        QVERIFY(d.importButton()->isEnabled());
        QTest::keyClicks(d.passwordEdit(), QStringLiteral("right"));
        QTest::keyClick(d.passwordEdit(), Qt::Key_Return);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(d.errorText()));
        QVERIFY(d.errorText().isEmpty() || !d.errorText().contains(QStringLiteral("wrong")));
        QCOMPARE(count(QStringLiteral("Private Key Object"), QStringLiteral("retry")), 1);
        QCOMPARE(count(QStringLiteral("Certificate Object"), QStringLiteral("retry")), 1);
        QVERIFY(!d.importButton()->isEnabled()); // one import per dialog
    }

    void badHexIdThenCorrectOne()
    {
        const TokenContents c = m_bench.contents(m_ref);
        RenameKeyDialog d(m_bench.inventory(), m_ref, c, *CommandTestBench::find(c, CKO_PRIVATE_KEY, QStringLiteral("fix-me")));
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QSignalSpy finished(&d, &RenameKeyDialog::jobFinished);
        d.idEdit()->setFocus();
        d.idEdit()->selectAll();
        QTest::keyClicks(d.idEdit(), QStringLiteral("7g"));
        QVERIFY(!d.renameButton()->isEnabled());
        QVERIFY2(d.validationMessage().contains(QStringLiteral("hexadecimal")), qPrintable(d.validationMessage()));
        QTest::keyClick(d.idEdit(), Qt::Key_Return); // refused: nothing runs
        QCOMPARE(finished.count(), 0);
        QVERIFY(d.isVisible());
        QTest::keyClick(d.idEdit(), Qt::Key_Backspace);
        QTest::keyClicks(d.idEdit(), QStringLiteral("7"));
        QVERIFY2(d.renameButton()->isEnabled(), qPrintable(d.validationMessage()));
        QTest::mouseClick(d.renameButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(d.errorText()));
        const QList<ToolEntry> objects = m_bench.toolObjects(kToken);
        const ToolEntry *key = CommandTestBench::findTool(objects, QStringLiteral("Private Key Object"), QStringLiteral("fix-me"));
        QVERIFY(key);
        QCOMPARE(key->id, QStringLiteral("77"));
    }
};

QTEST_MAIN(TestDialogSafety)
#include "test_dialogsafety.moc"
