// SPDX-License-Identifier: GPL-3.0-or-later
// The one secret-entry widget: what was typed is gone from the widget, its undo history
// and the clipboard however the dialog closes; every password-mode field in the dialogs
// that ask for secrets is a SecretEdit.
#include "dialogs/logindialog.h"
#include "inventory/inventory.h"
#include "inventory/snapshot.h"
#include "widgets/secretedit.h"
#include "widgets/secretlabel.h"
#include "wizards/dkek/unlockdkeksharedialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

namespace {
const QString kSecret = QStringLiteral("s3cr3t-Ü-771");

TokenSnapshot someToken()
{
    TokenSnapshot t;
    t.label = QStringLiteral("secret test");
    t.info.flags = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_INITIALIZED | CKF_LOGIN_REQUIRED;
    t.info.ulMinPinLen = 4;
    t.info.ulMaxPinLen = 64;
    return t;
}

// Nothing of the secret left: not the text, not after undo or redo, not in the clipboard.
void verifyGone(QLineEdit *e)
{
    QCOMPARE(e->text(), QString());
    e->undo();
    QCOMPARE(e->text(), QString());
    e->redo();
    QCOMPARE(e->text(), QString());
    QVERIFY(!e->isUndoAvailable());
    QVERIFY(!QApplication::clipboard()->text().contains(kSecret));
}

// Every field that hides what is typed must be the secret widget.
void verifyOnlySecretEdits(QWidget *w)
{
    int secrets = 0;
    for (QLineEdit *e : w->findChildren<QLineEdit *>()) {
        if (e->echoMode() != QLineEdit::Normal) {
            QVERIFY2(qobject_cast<SecretEdit *>(e), qPrintable(e->objectName()));
            ++secrets;
        }
    }
    QVERIFY(secrets > 0);
}
} // namespace

class TestSecretEdit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QApplication::clipboard()->setText(QStringLiteral("before")); }

    void closeWaysWipe_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("Escape") << QStringLiteral("esc");
        QTest::newRow("window close button") << QStringLiteral("close");
        QTest::newRow("Cancel button") << QStringLiteral("cancel");
        QTest::newRow("destroyed") << QStringLiteral("delete");
    }
    void closeWaysWipe()
    {
        QFETCH(QString, how);
        auto *d = new QDialog;
        auto *e = new SecretEdit(d);
        auto *cancel = new QPushButton(QStringLiteral("Cancel"), d);
        auto *v = new QVBoxLayout(d);
        v->addWidget(e);
        v->addWidget(cancel);
        QObject::connect(cancel, &QPushButton::clicked, d, &QDialog::reject);
        d->show();
        QVERIFY(QTest::qWaitForWindowExposed(d));
        e->setFocus();
        QTest::keyClicks(e, kSecret);
        QCOMPARE(e->text(), kSecret);
        // Edit the way people do: delete one, retype it, so the history has steps.
        QTest::keyClick(e, Qt::Key_Backspace);
        QTest::keyClick(e, kSecret.back().toLatin1());
        // Copy and cut must not reach the clipboard, even with the text shown.
        e->setRevealed(true);
        e->selectAll();
        QTest::keySequence(e, QKeySequence::Copy);
        QTest::keySequence(e, QKeySequence::Cut);
        QVERIFY(!QApplication::clipboard()->text().contains(kSecret));
        QCOMPARE(e->text(), kSecret);
        // Ctrl+Z while typing does not step back through the secret either. The field
        // stays revealed (a custodian reading a share aloud): Qt keeps an undo history
        // only for fields that show their text, so this is where a leak would show.
        QTest::keySequence(e, QKeySequence::Undo);
        QCOMPARE(e->text(), kSecret);

        if (how == QLatin1String("delete")) {
            // The destructor wipes; nothing to inspect afterwards but the clipboard.
            delete d;
            QVERIFY(!QApplication::clipboard()->text().contains(kSecret));
            return;
        }
        if (how == QLatin1String("esc"))
            QTest::keyClick(e, Qt::Key_Escape);
        else if (how == QLatin1String("close"))
            d->close();
        else
            cancel->click();
        QTRY_VERIFY(!d->isVisible());
        verifyGone(e);
        delete d;
    }

    void takeLeavesNothing()
    {
        SecretEdit e;
        QTest::keyClicks(&e, kSecret);
        const SecureBytes s = e.take();
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(s.data()), int(s.size())), kSecret.toUtf8());
        verifyGone(&e);
    }

    void utf8LengthCountsBytes()
    {
        SecretEdit e;
        e.setText(QStringLiteral("aÜ€") + QString::fromUcs4(U"\U0001F511"));
        QCOMPARE(e.utf8Length(), qsizetype(1 + 2 + 3 + 4));
        QCOMPARE(qsizetype(e.peek().size()), e.utf8Length());
        e.wipe();
    }

    // The share display paints the secret (it is visible) but keeps it only in wiping
    // memory, and closing the window wipes it.
    void secretLabelShowsAndWipes()
    {
        QDialog d;
        auto *label = new SecretLabel(&d);
        auto *v = new QVBoxLayout(&d);
        v->addWidget(label);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const QImage blank = label->grab().toImage();
        const QByteArray share("Prime       : ff:0e:2e:17\nShare ID    : 1\nShare value : e6:fb:13:da");
        label->setSecret(SecureBytes(share.constData(), std::size_t(share.size())));
        QVERIFY(label->hasSecret());
        QVERIFY(label->grab().toImage() != blank); // something is drawn
        QVERIFY(label->sizeHint().width() >= label->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 26);
        d.close();
        QTRY_VERIFY(!d.isVisible());
        QVERIFY(!label->hasSecret());
        QVERIFY(label->secretCopy().empty());
    }

    // A dialog listens to its field. Closing the window empties the field without calling the
    // dialog (~QDialog hides its children after the derived dialog is gone: a slot called
    // then runs on a half-destroyed object), and showing it again tells the dialog the field
    // is empty.
    void closingWipesWithoutCallingAHalfDestroyedDialog()
    {
        struct Listening : QDialog {
            SecretEdit *edit = new SecretEdit(this);
            bool *gone = nullptr, *calledWhenGone = nullptr;
            QStringList seen;
            Listening(bool *g, bool *c) : gone(g), calledWhenGone(c)
            {
                connect(edit, &QLineEdit::textChanged, this, [this](const QString &t) {
                    if (*gone)
                        *calledWhenGone = true;
                    else
                        seen << QString::number(t.size());
                });
            }
            ~Listening() override { *gone = true; }
        };
        bool gone = false, calledWhenGone = false;
        {
            auto d = std::make_unique<Listening>(&gone, &calledWhenGone);
            d->show();
            QVERIFY(QTest::qWaitForWindowExposed(d.get()));
            QTest::keyClicks(d->edit, QStringLiteral("12"));
            QCOMPARE(d->seen, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
            d->close(); // closed, not destroyed: emptied, the dialog not told yet
            QTRY_VERIFY(!d->isVisible());
            QVERIFY(d->edit->text().isEmpty());
            QCOMPARE(d->seen.size(), 2);
            d->show(); // opened again: now it learns the field is empty
            QVERIFY(QTest::qWaitForWindowExposed(d.get()));
            QCOMPARE(d->seen.last(), QStringLiteral("0"));
            QTest::keyClicks(d->edit, QStringLiteral("345"));
        } // destroyed while visible, with text in the field
        QVERIFY(gone);
        QVERIFY(!calledWhenGone);
    }

    void loginDialogUsesSecretEdit()
    {
        ModuleRegistry registry;
        Inventory inventory(registry);
        LoginDialog d(inventory, TokenRef{}, someToken());
        verifyOnlySecretEdits(&d);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto *pin = d.findChildren<SecretEdit *>().front();
        QTest::keyClicks(pin, kSecret);
        QTest::keyClick(pin, Qt::Key_Escape);
        QTRY_VERIFY(!d.isVisible());
        verifyGone(pin);
    }

    void unlockShareDialogUsesSecretEdit()
    {
        UnlockDkekShareDialog d(QStringLiteral("/nonexistent/share.pbe"));
        verifyOnlySecretEdits(&d);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const QList<SecretEdit *> edits = d.findChildren<SecretEdit *>();
        QVERIFY(edits.size() >= 2); // the password and the custodian share's value
        for (SecretEdit *e : edits) {
            e->setRevealed(true);
            e->setEnabled(true);
            e->setFocus();
            QTest::keyClicks(e, kSecret);
        }
        d.close();
        QTRY_VERIFY(!d.isVisible());
        for (SecretEdit *e : edits)
            verifyGone(e);
    }
};

QTEST_MAIN(TestSecretEdit)
#include "test_secretedit.moc"
