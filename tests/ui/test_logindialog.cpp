// SPDX-License-Identifier: GPL-3.0-or-later
// The login dialog shows the PIN state first and guards the last try.
#include "dialogs/logindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

class TestLoginDialog : public QObject {
    Q_OBJECT

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

private Q_SLOTS:
    void pinLengthFromToken()
    {
        LoginDialog d(token(0));
        auto *pin = d.findChild<QLineEdit *>();
        QVERIFY(!ok(d)->isEnabled());
        QTest::keyClicks(pin, QStringLiteral("12345"));
        QVERIFY(!ok(d)->isEnabled()); // shorter than ulMinPinLen
        QTest::keyClicks(pin, QStringLiteral("6"));
        QVERIFY(ok(d)->isEnabled());
        QCOMPARE(pin->maxLength(), 15);
        std::optional<SecureBytes> taken = d.takePin();
        QVERIFY(taken);
        QCOMPARE(std::string(reinterpret_cast<const char *>(taken->data()), taken->size()), std::string("123456"));
        QVERIFY(pin->text().isEmpty()); // the field is cleared once the PIN is taken
    }

    void finalTryNeedsConfirmation()
    {
        LoginDialog d(token(CKF_USER_PIN_FINAL_TRY));
        d.show();
        auto *ack = d.findChild<QCheckBox *>();
        QVERIFY(ack->isVisible());
        QTest::keyClicks(d.findChild<QLineEdit *>(), QStringLiteral("123456"));
        QVERIFY(!ok(d)->isEnabled());
        ack->setChecked(true);
        QVERIFY(ok(d)->isEnabled());
    }

    void lockedPinCannotBeTried()
    {
        LoginDialog d(token(CKF_USER_PIN_LOCKED));
        QTest::keyClicks(d.findChild<QLineEdit *>(), QStringLiteral("123456"));
        QVERIFY(!ok(d)->isEnabled());
        QVERIFY(!d.findChild<QLineEdit *>()->isEnabled());
    }

    void pinPadReader()
    {
        LoginDialog d(token(CKF_PROTECTED_AUTHENTICATION_PATH));
        d.show();
        QVERIFY(!d.findChild<QLineEdit *>()->isVisible());
        QVERIFY(ok(d)->isEnabled());
        QVERIFY(!d.takePin()); // nullopt: the reader asks for the PIN
        QVERIFY(d.protectedPath());
    }

    void cancelClearsThePin()
    {
        LoginDialog d(token(0));
        auto *pin = d.findChild<QLineEdit *>();
        QTest::keyClicks(pin, QStringLiteral("123456"));
        d.reject();
        QVERIFY(pin->text().isEmpty());
    }
};

QTEST_MAIN(TestLoginDialog)
#include "test_logindialog.moc"
