// SPDX-License-Identifier: GPL-3.0-or-later
// The login dialog shows the PIN state first, guards the last try, and logs in itself:
// a wrong PIN keeps it open with the token's new state, the right one then logs in
// from the same dialog. C_Login calls are counted through OpenSC's pkcs11-spy between
// TokenDesk and SoftHSM.
#include "softhsmfixture.h"

#include "dialogs/logindialog.h"
#include "inventory/inventory.h"
#include "p11/session.h"

#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

namespace {
template <typename T>
QFuture<T> settled(QFuture<T> f)
{
    QDeadlineTimer deadline(20000);
    while (!f.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!f.isFinished())
        qFatal("a token job did not finish within 20 s");
    return f;
}
} // namespace

class TestLoginDialog : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm; // first member: SOFTHSM2_CONF is set before anything loads SoftHSM
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    QString m_log;
    TokenRef m_ref;
    TokenSnapshot m_spied;

    static TokenSnapshot token(CK_FLAGS flags)
    {
        TokenSnapshot t;
        t.label = QStringLiteral("Card");
        t.info.flags = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_INITIALIZED | CKF_LOGIN_REQUIRED | flags;
        t.info.ulMinPinLen = 6;
        t.info.ulMaxPinLen = 15;
        return t;
    }
    static QPushButton *ok(LoginDialog &d) { return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok); }
    static QLineEdit *pin(LoginDialog &d) { return d.findChild<QLineEdit *>(QStringLiteral("pin")); }
    int logins() const
    {
        QFile f(m_log);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        static const QRegularExpression re(QStringLiteral("^\\d+: C_Login$"), QRegularExpression::MultilineOption);
        return int(QString::fromUtf8(f.readAll()).count(re));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Spied"), QStringLiteral("123456"));
        m_log = m_hsm.dir() + QStringLiteral("/spy.log");
        qputenv("PKCS11SPY", QFile::encodeName(SoftHsmFixture::softhsmModule()));
        qputenv("PKCS11SPY_OUTPUT", QFile::encodeName(m_log));
        m_inventory = std::make_unique<Inventory>(m_registry);
        const ModuleSnapshot snap =
            settled(m_inventory->scan(ModuleSpec{SoftHsmFixture::spyModule(), QStringLiteral("spy"), true})).result();
        QVERIFY2(snap.error.isEmpty(), qPrintable(snap.error));
        for (const SlotSnapshot &s : snap.slots)
            if (s.token && s.token->label == QLatin1String("Spied")) {
                m_ref = TokenRef{snap.path, s.id, s.token->id};
                m_spied = *s.token;
            }
        QVERIFY(!m_ref.modulePath.isEmpty());
    }

    void pinLengthFromToken()
    {
        LoginDialog d(*m_inventory, m_ref, token(0));
        QVERIFY(!ok(d)->isEnabled());
        QTest::keyClicks(pin(d), QStringLiteral("12345"));
        QVERIFY(!ok(d)->isEnabled()); // shorter than ulMinPinLen
        QTest::keyClicks(pin(d), QStringLiteral("6"));
        QVERIFY(ok(d)->isEnabled());
        QCOMPARE(pin(d)->maxLength(), 15);
        d.reject();
    }

    void finalTryNeedsConfirmation()
    {
        LoginDialog d(*m_inventory, m_ref, token(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY));
        d.show();
        auto *ack = d.findChild<QCheckBox *>(QStringLiteral("finalTryAck"));
        QVERIFY(ack->isVisible());
        QVERIFY(d.findChild<QLabel *>(QStringLiteral("pinStatus"))->text().contains(QStringLiteral("one try left")));
        QTest::keyClicks(pin(d), QStringLiteral("123456"));
        QVERIFY(!ok(d)->isEnabled());
        ack->setChecked(true);
        QVERIFY(ok(d)->isEnabled());
    }

    // COUNT_LOW alone is a wrong PIN since the last login, not "few tries left", and
    // asks for no confirmation.
    void countLowIsNoWarningOfLocking()
    {
        LoginDialog d(*m_inventory, m_ref, token(CKF_USER_PIN_COUNT_LOW));
        d.show();
        const QString status = d.findChild<QLabel *>(QStringLiteral("pinStatus"))->text();
        QVERIFY2(status.contains(QStringLiteral("a wrong PIN was entered since the last successful login")), qPrintable(status));
        QVERIFY2(!status.contains(QStringLiteral("few tries")) && !status.contains(QStringLiteral("try left")), qPrintable(status));
        QVERIFY(!d.findChild<QCheckBox *>(QStringLiteral("finalTryAck"))->isVisible());
        QTest::keyClicks(pin(d), QStringLiteral("123456"));
        QVERIFY(ok(d)->isEnabled());
    }

    void lockedPinCannotBeTried()
    {
        LoginDialog d(*m_inventory, m_ref, token(CKF_USER_PIN_LOCKED));
        QTest::keyClicks(pin(d), QStringLiteral("123456"));
        QVERIFY(!ok(d)->isEnabled());
        QVERIFY(!pin(d)->isEnabled());
        QVERIFY(d.findChild<QLabel *>(QStringLiteral("pinStatus"))->text().contains(QStringLiteral("locked")));
    }

    void pinPadReader()
    {
        LoginDialog d(*m_inventory, m_ref, token(CKF_PROTECTED_AUTHENTICATION_PATH));
        d.show();
        QVERIFY(!pin(d)->isVisible());
        QVERIFY(ok(d)->isEnabled());
        QVERIFY(d.protectedPath());
    }

    void cancelClearsThePin()
    {
        LoginDialog d(*m_inventory, m_ref, token(0));
        QTest::keyClicks(pin(d), QStringLiteral("123456"));
        d.reject();
        QVERIFY(pin(d)->text().isEmpty());
    }

    // Wrong PIN, then the right one, in the same dialog: logged in with exactly two C_Login.
    void wrongThenRightInTheSameDialog()
    {
        LoginDialog d(*m_inventory, m_ref, m_spied);
        QSignalSpy loggedIn(&d, &LoginDialog::loggedIn);
        QSignalSpy changed(&d, &LoginDialog::tokenChanged);
        d.show();
        const int start = logins();
        QVERIFY(start >= 0);
        QTest::keyClicks(pin(d), QStringLiteral("000000"));
        QTest::keyClick(pin(d), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!d.isBusy() && changed.count() == 1, 10000);
        QVERIFY(d.isVisible());
        QCOMPARE(logins() - start, 1);
        QVERIFY(pin(d)->text().isEmpty());
        QVERIFY(d.snapshot().info.flags & CKF_USER_PIN_COUNT_LOW); // re-read after the failure
        const QString error = d.findChild<QLabel *>(QStringLiteral("error"))->text();
        QVERIFY2(error.contains(QStringLiteral("CKR_PIN_INCORRECT")) && !error.contains(QStringLiteral("few tries")),
                 qPrintable(error));
        QVERIFY(d.findChild<QLabel *>(QStringLiteral("pinStatus"))
                    ->text()
                    .contains(QStringLiteral("a wrong PIN was entered since the last successful login")));
        // The longer state and error lines fit: each wrapped label gets the height its text
        // needs and none overlaps the PIN field or the buttons (seen overlapping at 1366x768).
        QApplication::processEvents();
        const QWidget *field = pin(d);
        const QWidget *buttons = d.findChild<QDialogButtonBox *>();
        for (const char *name : {"pinStatus", "error"}) {
            const QLabel *l = d.findChild<QLabel *>(QLatin1String(name));
            QVERIFY2(l->height() >= l->heightForWidth(l->width()), name);
            QVERIFY2(d.rect().contains(l->geometry()), name);
            QVERIFY2(!l->geometry().intersects(QRect(field->mapTo(&d, QPoint()), field->size())), name);
            QVERIFY2(!l->geometry().intersects(buttons->geometry()), name);
        }
        QTest::keyClicks(pin(d), QStringLiteral("123456"));
        QTest::keyClick(pin(d), Qt::Key_Return);
        QVERIFY(loggedIn.wait(10000));
        QTRY_VERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(logins() - start, 2);
        QVERIFY(settled(m_inventory->readObjects(m_ref)).result().loggedIn);
        settled(m_inventory->logout(m_ref)).waitForFinished();
    }

    // While C_Login runs, Escape, the close button and Cancel do not close the dialog.
    void loginCannotBeEscaped()
    {
        LoginDialog d(*m_inventory, m_ref, m_spied);
        QSignalSpy refused(&d, &LoginDialog::closeRefused);
        QSignalSpy loggedIn(&d, &LoginDialog::loggedIn);
        d.show();
        QSemaphore gate;
        QFuture<void> hold = m_inventory->withSession<void>(
            m_ref, [&gate](QPromise<void> &, Session &, const CK_TOKEN_INFO &) { gate.acquire(); });
        QTest::keyClicks(pin(d), QStringLiteral("123456"));
        ok(d)->click();
        QVERIFY(d.isBusy());
        QTest::keyClick(&d, Qt::Key_Escape);
        d.close();
        QVERIFY(!d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->isEnabled());
        QVERIFY(d.isVisible());
        QCOMPARE(refused.count(), 2);
        gate.release();
        settled(hold).waitForFinished();
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, 10000); // may already have come while the hold settled
        QTRY_VERIFY(!d.isVisible());
        settled(m_inventory->logout(m_ref)).waitForFinished();
    }

    void cleanupTestCase() { m_inventory.reset(); }
};

QTEST_MAIN(TestLoginDialog)
#include "test_logindialog.moc"
