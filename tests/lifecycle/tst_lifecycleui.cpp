// SPDX-License-Identifier: GPL-3.0-or-later
// The Initialize Token wizard and the PIN dialogs, offscreen, driven through their
// real widgets against real SoftHSM tokens: validation that keeps Next / the commit
// button disabled, full runs that really initialize, PIN dialogs that re-read the
// token after a wrong PIN. The last test greps everything this run logged and the
// settings file it wrote for every PIN it used.
#include "pkcs11toollist.h"
#include "softhsmfixture.h"

#include "dialogs/logindialog.h"
#include "dialogs/pin/changepindialog.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "models/treenode.h"
#include "widgets/detailpane.h"
#include "widgets/secretedit.h"
#include "inventory/inventory.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"
#include "wizards/inittoken/choosetokenpage.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPointer>
#include <QPushButton>
#include <QAction>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {
// Everything any part of this process logs through Qt, whatever its category or level.
QMutex g_logMutex;
QString g_log; // guarded by g_logMutex
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log += QString::fromLatin1(ctx.category ? ctx.category : "") + QLatin1Char(' ') + msg + QLatin1Char('\n');
    }
    if (g_previous)
        g_previous(type, ctx, msg);
}

// PINs no log, serial or slot id could contain by accident (letters outside hex, punctuation).
const QString kUsedSo = QStringLiteral("so-Used#7q");
const QString kUsedUser = QStringLiteral("usr-Used#1");
const QString kGuardedSo = QStringLiteral("so-Guard#4w");
const QString kDialogUser = QStringLiteral("usr-Dlg#2k");
const QString kDialogSo = QStringLiteral("so-Dlg#9z");
const QString kBlockedSo = QStringLiteral("so-Blk#6v");

template <typename T>
T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

// Jobs submitted on the GUI thread start from the event loop (TokenExecutor), so the
// test never blocks in result(): it runs the event loop until the future is done.
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

QPushButton *forward(QWizard &w)
{
    // On a commit page QWizard shows its Commit button in place of Next.
    return static_cast<QPushButton *>(w.currentPage()->isCommitPage() ? w.button(QWizard::CommitButton)
                                                                       : w.button(QWizard::NextButton));
}
} // namespace

class TestLifecycleUi : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm; // first member: SOFTHSM2_CONF is set before anything loads SoftHSM
    QTemporaryDir m_settings;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    QStringList m_pinsUsed; // every PIN this run typed or passed, for the final grep

    QList<ModuleSpec> specs() const { return {ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false}}; }
    std::optional<std::pair<TokenRef, TokenSnapshot>> find(const QString &label)
    {
        const ModuleSnapshot snap = settled(m_inventory->scan(specs().first())).result();
        for (const SlotSnapshot &s : snap.slots)
            if (s.token && (s.token->info.flags & CKF_TOKEN_INITIALIZED) && s.token->label == label)
                return std::make_pair(TokenRef{snap.path, s.id, s.token->id}, *s.token);
        return std::nullopt;
    }
    CK_RV login(const TokenRef &ref, const QString &pin)
    {
        m_pinsUsed << pin;
        try {
            settled(m_inventory->login(ref, CKU_USER, SecureBytes::fromUtf8(pin.toStdString()))).waitForFinished();
        } catch (const Pkcs11Error &e) {
            return e.rv();
        }
        settled(m_inventory->logout(ref)).waitForFinished();
        return CKR_OK;
    }
    void type(QWidget *root, const char *name, const QString &text)
    {
        auto *edit = child<QLineEdit>(root, name);
        if (qobject_cast<SecretEdit *>(edit) && !text.isEmpty())
            m_pinsUsed << text;
        edit->setText(text);
    }
    void waitListed(InitTokenWizard &w)
    {
        QSignalSpy listed(&w, &InitTokenWizard::tokensListed);
        w.show();
        QVERIFY(listed.wait(10000));
    }
    // Fills every page for a run that will really initialize.
    void fillWizard(InitTokenWizard &w, const QString &so, const QString &label, const QString &user,
                    bool blank)
    {
        QVERIFY(forward(w)->isEnabled());
        forward(w)->click();
        QCOMPARE(w.currentId(), int(InitTokenWizard::SoPinPageId));
        type(&w, "soPin", so);
        if (blank)
            type(&w, "soPinRepeat", so);
        QVERIFY(forward(w)->isEnabled());
        forward(w)->click(); // an initialized token checks the SO-PIN first
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::LabelPageId), 10000);
        type(&w, "label", label);
        QVERIFY(forward(w)->isEnabled());
        forward(w)->click();
        type(&w, "userPin", user);
        type(&w, "userPinRepeat", user);
        QVERIFY(forward(w)->isEnabled());
        forward(w)->click();
        QCOMPARE(w.currentId(), int(InitTokenWizard::ConfirmPageId));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Every level of TokenDesk's own categories (where a careless PIN would land);
        // Qt's own stay at their defaults (qt.text.layout alone would print thousands of lines).
        QLoggingCategory::setFilterRules(QStringLiteral("tokendesk.*.debug=true\ntokendesk.*.info=true"));
        g_previous = qInstallMessageHandler(capture);
        QCoreApplication::setOrganizationName(QStringLiteral("TokenDeskLifecycleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("TokenDeskLifecycleTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());

        // SoftHSM reads its token directory at C_Initialize: make every token first.
        m_hsm.initToken(QStringLiteral("Used"), kUsedUser, kUsedSo);
        m_hsm.pkcs11Tool(QStringLiteral("Used"),
                         {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                          QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("k1")},
                         kUsedUser);
        m_hsm.initToken(QStringLiteral("Guarded"), QStringLiteral("usr-Guard#3"), kGuardedSo);
        m_hsm.initToken(QStringLiteral("Dialog"), kDialogUser, kDialogSo);
        m_hsm.initToken(QStringLiteral("Blocked"), QStringLiteral("usr-Blk#1"), kBlockedSo);
        m_pinsUsed << kBlockedSo << QStringLiteral("usr-Blk#1") << QStringLiteral("usr-Blk#2");
        m_pinsUsed << kUsedUser << kUsedSo << kGuardedSo << QStringLiteral("usr-Guard#3") << kDialogUser << kDialogSo;
        m_inventory = std::make_unique<Inventory>(m_registry);
        QVERIFY(find(QStringLiteral("Used")));
    }

    void wizardValidationKeepsButtonsDisabled()
    {
        const auto used = find(QStringLiteral("Used"));
        QVERIFY(used);
        InitTokenWizard w(*m_inventory, m_registry, specs(), used->first);
        waitListed(w);
        QVERIFY(w.state().chosen);
        QCOMPARE(w.state().chosen->token.label, QStringLiteral("Used"));
        // The list shows the blank token too, with what tells tokens apart.
        auto *list = child<QTreeWidget>(&w, "tokenList");
        QVERIFY(!list->findItems(QStringLiteral("not initialized"), Qt::MatchRecursive, 5).isEmpty());
        QVERIFY(!list->findItems(used->first.id.serial, Qt::MatchRecursive, 4).isEmpty());
        forward(w)->click();

        // SO-PIN: an initialized token wants its current SO-PIN once.
        QCOMPARE(w.currentId(), int(InitTokenWizard::SoPinPageId));
        QVERIFY(!child<QLineEdit>(&w, "soPinRepeat")->isVisible());
        QVERIFY(!forward(w)->isEnabled());
        type(&w, "soPin", QStringLiteral("so1"));
        QVERIFY(!forward(w)->isEnabled());
        QVERIFY2(child<QLabel>(&w, "soMessage")->text().contains(QStringLiteral("too short")),
                 qPrintable(child<QLabel>(&w, "soMessage")->text()));
        type(&w, "soPin", QString(256, QLatin1Char('s')));
        QVERIFY(!forward(w)->isEnabled());
        QVERIFY(child<QLabel>(&w, "soMessage")->text().contains(QStringLiteral("too long")));
        type(&w, "soPin", kUsedSo);
        QVERIFY(forward(w)->isEnabled());
        forward(w)->click(); // the token checks the SO-PIN here

        // Label: at most 32 bytes of UTF-8, shown as stored.
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::LabelPageId), 10000);
        QCOMPARE(child<QLineEdit>(&w, "label")->text(), QStringLiteral("Used")); // proposed: the current label
        type(&w, "label", QString(33, QLatin1Char('x')));
        QVERIFY(!forward(w)->isEnabled());
        QVERIFY(child<QLabel>(&w, "labelMessage")->text().contains(QStringLiteral("33 bytes")));
        type(&w, "label", QString(17, QChar(0xE4))); // 17 characters, 34 bytes
        QVERIFY(!forward(w)->isEnabled());
        QVERIFY(child<QLabel>(&w, "labelMessage")->text().contains(QStringLiteral("34 bytes")));
        type(&w, "label", QStringLiteral("Büro"));
        QVERIFY(forward(w)->isEnabled());
        QCOMPARE(child<QLabel>(&w, "labelPreview")->text(),
                 QStringLiteral("[Büro") + QString(27, QChar(0x00B7)) + QLatin1Char(']'));
        QVERIFY(child<QLabel>(&w, "labelBytes")->text().startsWith(QStringLiteral("5 of 32 bytes")));
        forward(w)->click();

        // User PIN: typed twice, within the token's 4..255.
        QCOMPARE(w.currentId(), int(InitTokenWizard::UserPinPageId));
        type(&w, "userPin", QStringLiteral("usr-One#1"));
        type(&w, "userPinRepeat", QStringLiteral("usr-Two#2"));
        QVERIFY(!forward(w)->isEnabled());
        QVERIFY(child<QLabel>(&w, "userPinMessage")->text().contains(QStringLiteral("do not match")));
        type(&w, "userPin", QStringLiteral("u1"));
        type(&w, "userPinRepeat", QStringLiteral("u1"));
        QVERIFY(!forward(w)->isEnabled());
        QVERIFY(child<QLabel>(&w, "userPinMessage")->text().contains(QStringLiteral("too short")));
        type(&w, "userPin", QString(256, QLatin1Char('u')));
        type(&w, "userPinRepeat", QString(256, QLatin1Char('u')));
        QVERIFY(!forward(w)->isEnabled());
        QVERIFY(child<QLabel>(&w, "userPinMessage")->text().contains(QStringLiteral("too long")));
        type(&w, "userPin", QStringLiteral("usr-Three#3"));
        type(&w, "userPinRepeat", QStringLiteral("usr-Three#3"));
        QVERIFY(forward(w)->isEnabled());
        forward(w)->click();

        // Commit page: what is erased, and the label or serial typed to confirm.
        QCOMPARE(w.currentId(), int(InitTokenWizard::ConfirmPageId));
        QCOMPARE(w.button(QWizard::CommitButton)->text(), QStringLiteral("&Erase and Initialize"));
        QTRY_COMPARE_WITH_TIMEOUT(int(w.state().countState), int(InitTokenState::Count::Read), 10000);
        const QString summary = child<QLabel>(&w, "summary")->text();
        QVERIFY2(summary.contains(QStringLiteral("1 key (1 public)")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Not logged in")), qPrintable(summary));
        for (const QString &wrong : {QString(), QStringLiteral("used"), QStringLiteral("Büro"), QStringLiteral("Use")}) {
            type(&w, "confirmation", wrong);
            QVERIFY2(!w.button(QWizard::CommitButton)->isEnabled(), qPrintable(wrong));
        }
        type(&w, "confirmation", used->first.id.serial);
        QVERIFY(w.button(QWizard::CommitButton)->isEnabled());
        type(&w, "confirmation", QStringLiteral("Used"));
        QVERIFY(w.button(QWizard::CommitButton)->isEnabled());

        // Cancel: every PIN field and collected PIN is wiped; nothing was done to the token.
        w.reject();
        for (SecretEdit *e : w.findChildren<SecretEdit *>())
            QVERIFY2(e->text().isEmpty(), qPrintable(e->objectName()));
        QVERIFY(w.state().params.soPin.empty() && w.state().params.userPin.empty());
        QCOMPARE(Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), used->first.id.serial).label,
                 QStringLiteral("Used"));
    }

    void wizardBlankTokenNeedsSoPinTwice()
    {
        InitTokenWizard w(*m_inventory, m_registry, specs());
        waitListed(w);
        QVERIFY(!forward(w)->isEnabled()); // nothing chosen yet
        auto *page = qobject_cast<ChooseTokenPage *>(w.currentPage());
        QVERIFY(page && page->selectToken(QString()));
        QTRY_COMPARE(int(w.state().countState), int(InitTokenState::Count::NotInitialized));
        forward(w)->click();
        QVERIFY(child<QLineEdit>(&w, "soPinRepeat")->isVisible());
        type(&w, "soPin", QStringLiteral("so-Blank#1"));
        type(&w, "soPinRepeat", QStringLiteral("so-Blank#2"));
        QVERIFY(!forward(w)->isEnabled());
        QVERIFY(child<QLabel>(&w, "soMessage")->text().contains(QStringLiteral("do not match")));
        type(&w, "soPinRepeat", QStringLiteral("so-Blank#1"));
        QVERIFY(forward(w)->isEnabled());
        w.reject();
    }

    void wizardInitializesFreeSlot()
    {
        InitTokenWizard w(*m_inventory, m_registry, specs());
        QSignalSpy changed(&w, &InitTokenWizard::tokenChanged);
        QSignalSpy initialized(&w, &InitTokenWizard::tokenInitialized);
        waitListed(w);
        QVERIFY(qobject_cast<ChooseTokenPage *>(w.currentPage())->selectToken(QString()));
        fillWizard(w, QStringLiteral("so-Fresh#5"), QStringLiteral("Fresh UI"), QStringLiteral("usr-Fresh#6"), true);
        QCOMPARE(w.button(QWizard::CommitButton)->text(), QStringLiteral("&Initialize"));
        QVERIFY(!w.button(QWizard::CommitButton)->isEnabled());
        type(&w, "confirmation", QStringLiteral("Fresh UI")); // a blank token has no label or serial: the new label
        QVERIFY(w.button(QWizard::CommitButton)->isEnabled());
        w.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::ResultPageId), 20000);
        QVERIFY(w.state().outcome && w.state().outcome->complete());
        QCOMPARE(child<QLabel>(&w, "resultHeadline")->text(), QStringLiteral("The token is initialized and ready to use."));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(initialized.count(), 1);
        const TokenRef ref = initialized.first().first().value<TokenRef>();
        QCOMPARE(ref.id.serial, w.state().outcome->token.id.serial);
        QVERIFY(!ref.id.serial.isEmpty());
        // The PIN fields were wiped when the job started.
        for (SecretEdit *e : w.findChildren<SecretEdit *>())
            QVERIFY(e->text().isEmpty());
        QCOMPARE(login(ref, QStringLiteral("usr-Fresh#6")), CKR_OK);
        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), ref.id.serial);
        QCOMPARE(oracle.label, QStringLiteral("Fresh UI"));
        QVERIFY(oracle.has("token initialized") && oracle.has("PIN initialized"));
        w.accept();
    }

    void wizardReinitializesUsedToken()
    {
        const auto used = find(QStringLiteral("Used"));
        QVERIFY(used);
        InitTokenWizard w(*m_inventory, m_registry, specs(), used->first);
        QSignalSpy initialized(&w, &InitTokenWizard::tokenInitialized);
        waitListed(w);
        fillWizard(w, kUsedSo, QStringLiteral("Reused"), QStringLiteral("usr-Reused#8"), false);
        QTRY_COMPARE_WITH_TIMEOUT(int(w.state().countState), int(InitTokenState::Count::Read), 10000);
        type(&w, "confirmation", used->first.id.serial);
        w.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::ResultPageId), 20000);
        QVERIFY2(w.state().outcome && w.state().outcome->complete(),
                 qPrintable(child<QLabel>(&w, "resultDetails")->text()));
        QCOMPARE(initialized.count(), 1);
        const TokenRef ref = initialized.first().first().value<TokenRef>();
        QCOMPARE(ref.id.serial, used->first.id.serial);
        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), ref.id.serial);
        QCOMPARE(oracle.label, QStringLiteral("Reused"));
        m_pinsUsed << QStringLiteral("usr-Reused#8");
        const QByteArray objects = m_hsm.pkcs11Tool(QStringLiteral("Reused"), {QStringLiteral("-O")},
                                                    QStringLiteral("usr-Reused#8"));
        QVERIFY2(!objects.contains("label:"), objects.constData());
        QCOMPARE(login(ref, kUsedUser), CKR_PIN_INCORRECT);
        w.accept();
    }

    // A wrong SO-PIN is found on its own page, before anything else is typed; the
    // corrected one then initializes.
    void wizardWrongSoPinFoundOnItsPage()
    {
        const auto guarded = find(QStringLiteral("Guarded"));
        QVERIFY(guarded);
        InitTokenWizard w(*m_inventory, m_registry, specs(), guarded->first);
        QSignalSpy changed(&w, &InitTokenWizard::tokenChanged);
        waitListed(w);
        forward(w)->click();
        type(&w, "soPin", QStringLiteral("so-Not#it"));
        forward(w)->click();
        auto *check = child<QLabel>(&w, "soCheck");
        QTRY_VERIFY2_WITH_TIMEOUT(check->text().contains(QStringLiteral("CKR_PIN_INCORRECT")), qPrintable(check->text()),
                                  10000);
        QCOMPARE(w.currentId(), int(InitTokenWizard::SoPinPageId));
        QVERIFY2(check->text().contains(QStringLiteral("Wrong SO-PIN.")), qPrintable(check->text()));
        QVERIFY(!check->text().contains(QStringLiteral("few tries")));
        QVERIFY(child<QLineEdit>(&w, "soPin")->text().isEmpty()); // typed again, not retried
        // SoftHSM set SO COUNT_LOW: said for what it is.
        const QString status = child<QLabel>(&w, "soStatus")->text();
        QVERIFY2(status.contains(QStringLiteral("a wrong PIN was entered since the last successful login")), qPrintable(status));
        QCOMPARE(changed.count(), 1); // the tree refreshes the SO-PIN state
        QCOMPARE(Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), guarded->first.id.serial).label,
                 QStringLiteral("Guarded"));

        type(&w, "soPin", kGuardedSo);
        forward(w)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::LabelPageId), 10000);
        type(&w, "label", QStringLiteral("Guarded II"));
        forward(w)->click();
        type(&w, "userPin", QStringLiteral("usr-Guard#5"));
        type(&w, "userPinRepeat", QStringLiteral("usr-Guard#5"));
        forward(w)->click();
        QTRY_COMPARE_WITH_TIMEOUT(int(w.state().countState), int(InitTokenState::Count::Read), 10000);
        type(&w, "confirmation", QStringLiteral("Guarded"));
        w.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::ResultPageId), 20000);
        QVERIFY2(w.state().outcome && w.state().outcome->complete(), qPrintable(child<QLabel>(&w, "resultDetails")->text()));
        QCOMPARE(login(w.state().outcome->token, QStringLiteral("usr-Guard#5")), CKR_OK);
        QCOMPARE(Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), guarded->first.id.serial).label,
                 QStringLiteral("Guarded II"));
        w.accept();
    }

    // While the SO-PIN check or the initialization runs, no key or button closes the
    // wizard or steps back. The token's executor is held by a job of the test, so the
    // wizard's job waits behind it: "running" for as long as the test needs.
    void wizardJobCannotBeEscaped()
    {
        const auto t = find(QStringLiteral("Blocked"));
        QVERIFY(t);
        InitTokenWizard w(*m_inventory, m_registry, specs(), t->first);
        QSignalSpy refused(&w, &TokenJobWizard::closeRefused);
        waitListed(w);
        forward(w)->click();
        type(&w, "soPin", kBlockedSo);

        auto tryToLeave = [&](int expectedPage) {
            const int before = int(refused.count());
            QTest::keyClick(&w, Qt::Key_Escape);
            w.close(); // the window's close button
            QVERIFY(!w.button(QWizard::CancelButton)->isEnabled());
            QVERIFY(!w.button(QWizard::BackButton)->isEnabled());
            w.button(QWizard::CancelButton)->click();
            w.button(QWizard::BackButton)->click();
            QVERIFY(w.isVisible());
            QCOMPARE(w.currentId(), expectedPage);
            QVERIFY(refused.count() >= before + 2);
        };
        {
            QSemaphore gate;
            QFuture<void> hold = m_inventory->withSession<void>(
                t->first, [&gate](QPromise<void> &, Session &, const CK_TOKEN_INFO &) { gate.acquire(); });
            forward(w)->click(); // the SO-PIN check waits behind the held executor
            QVERIFY(w.isJobRunning());
            tryToLeave(int(InitTokenWizard::SoPinPageId));
            gate.release();
            settled(hold).waitForFinished();
        }
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::LabelPageId), 10000);
        type(&w, "label", QStringLiteral("Unescaped"));
        forward(w)->click();
        type(&w, "userPin", QStringLiteral("usr-Blk#2"));
        type(&w, "userPinRepeat", QStringLiteral("usr-Blk#2"));
        forward(w)->click();
        QTRY_COMPARE_WITH_TIMEOUT(int(w.state().countState), int(InitTokenState::Count::Read), 10000);
        type(&w, "confirmation", QStringLiteral("Blocked"));
        {
            QSemaphore gate;
            QFuture<void> hold = m_inventory->withSession<void>(
                t->first, [&gate](QPromise<void> &, Session &, const CK_TOKEN_INFO &) { gate.acquire(); });
            w.button(QWizard::CommitButton)->click();
            QCOMPARE(w.currentId(), int(InitTokenWizard::ProgressPageId));
            QVERIFY(w.isJobRunning());
            tryToLeave(int(InitTokenWizard::ProgressPageId));
            gate.release();
            settled(hold).waitForFinished();
        }
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::ResultPageId), 20000);
        QVERIFY(w.state().outcome && w.state().outcome->complete());
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled() || !w.button(QWizard::BackButton)->isVisible());
        QCOMPARE(Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), t->first.id.serial).label,
                 QStringLiteral("Unescaped"));
        w.accept();
    }

    // What CKF_USER_PIN_COUNT_LOW / FINAL_TRY / LOCKED are called in the login dialog,
    // the PIN dialogs and the detail pane: COUNT_LOW is a wrong PIN since the last
    // successful login (SoftHSM sets it after one and never locks), never "few tries".
    void pinStateWording_data()
    {
        QTest::addColumn<qulonglong>("flags");
        QTest::addColumn<QString>("said");
        QTest::addColumn<QStringList>("neverSaid");
        QTest::newRow("count low") << qulonglong(CKF_USER_PIN_COUNT_LOW)
                                   << QStringLiteral("a wrong PIN was entered since the last successful login")
                                   << QStringList{QStringLiteral("few tries"), QStringLiteral("one try left"),
                                                  QStringLiteral("1 try left")};
        QTest::newRow("final try") << qulonglong(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY)
                                   << QStringLiteral("one try left")
                                   << QStringList{QStringLiteral("few tries"), QStringLiteral("since the last")};
        QTest::newRow("locked") << qulonglong(CKF_USER_PIN_LOCKED) << QStringLiteral("locked (no tries left)")
                                << QStringList{QStringLiteral("few tries"), QStringLiteral("one try left")};
        QTest::newRow("ok") << qulonglong(0) << QString()
                            << QStringList{QStringLiteral("few tries"), QStringLiteral("try left"),
                                           QStringLiteral("wrong PIN was entered")};
    }
    void pinStateWording()
    {
        QFETCH(qulonglong, flags);
        QFETCH(QString, said);
        QFETCH(QStringList, neverSaid);
        const auto t = find(QStringLiteral("Dialog"));
        QVERIFY(t);
        TokenSnapshot snap = t->second;
        snap.info.flags = (snap.info.flags & ~CK_FLAGS(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED))
            | CK_FLAGS(flags);
        auto check = [&](const QString &where, const QString &text) {
            QVERIFY2(said.isEmpty() || text.contains(said, Qt::CaseInsensitive), qPrintable(where + QLatin1String(": ") + text));
            for (const QString &wrong : neverSaid)
                QVERIFY2(!text.contains(wrong, Qt::CaseInsensitive), qPrintable(where + QLatin1String(": ") + text));
        };
        LoginDialog login(*m_inventory, t->first, snap);
        check(QStringLiteral("login dialog"), child<QLabel>(&login, "pinStatus")->text());
        ChangePinDialog change(*m_inventory, t->first, snap, PinChangeMode::User);
        check(QStringLiteral("change PIN"), child<QLabel>(&change, "pinStatus")->text());
        TreeNode node;
        node.kind = TreeNode::Kind::Token;
        node.payload = snap;
        check(QStringLiteral("detail pane"), DetailPane::html(&node));
    }

    // A wrong PIN keeps the login dialog open with the token's new state and an empty
    // field; the right one then logs in from the same dialog.
    void loginDialogWrongThenRight()
    {
        const auto t = find(QStringLiteral("Dialog"));
        QVERIFY(t);
        LoginDialog d(*m_inventory, t->first, t->second);
        QSignalSpy loggedIn(&d, &LoginDialog::loggedIn);
        QSignalSpy changed(&d, &LoginDialog::tokenChanged);
        d.show();
        auto *pin = child<QLineEdit>(&d, "pin");
        type(&d, "pin", QStringLiteral("usr-Wrong#0"));
        QTest::keyClick(pin, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!d.isBusy() && changed.count() == 1, 10000);
        QVERIFY(d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QVERIFY(pin->text().isEmpty());
        const QString error = child<QLabel>(&d, "error")->text();
        QVERIFY2(error.contains(QStringLiteral("Wrong PIN.")) && error.contains(QStringLiteral("CKR_PIN_INCORRECT")),
                 qPrintable(error));
        QVERIFY(d.snapshot().info.flags & CKF_USER_PIN_COUNT_LOW); // re-read after the failure
        const QString status = child<QLabel>(&d, "pinStatus")->text();
        QVERIFY2(status.contains(QStringLiteral("a wrong PIN was entered since the last successful login")), qPrintable(status));
        type(&d, "pin", kDialogUser);
        QTest::keyClick(pin, Qt::Key_Return);
        QVERIFY(loggedIn.wait(10000));
        QTRY_VERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Accepted));
        // Logged in for real, and COUNT_LOW is gone from what the token reports.
        QVERIFY(settled(m_inventory->readObjects(t->first)).result().loggedIn);
        const TokenSnapshot after = settled(m_inventory->tokenInfo(t->first)).result();
        QVERIFY(!(after.info.flags & CKF_USER_PIN_COUNT_LOW));
        settled(m_inventory->logout(t->first)).waitForFinished();
    }

    // In the main window: a wrong PIN leaves the login dialog open and the detail pane
    // shows COUNT_LOW for what it is; after the right PIN the pane no longer shows it.
    void mainWindowRefreshesPinStateAfterLogin()
    {
        const QString path = SoftHsmFixture::softhsmModule();
        MainWindow w(*m_inventory, [path] { return QList<ModuleSpec>{ModuleSpec{path, QStringLiteral("softhsm2"), false}}; });
        QSignalSpy refreshed(&w, &MainWindow::refreshFinished);
        w.show();
        w.refreshAll();
        QVERIFY(refreshed.wait(30000));
        auto tokenIndex = [&w] {
            const QModelIndexList found = w.model()->match(w.model()->index(0, 0), Qt::DisplayRole, QStringLiteral("Dialog"),
                                                           1, Qt::MatchRecursive | Qt::MatchExactly);
            return found.value(0);
        };
        QVERIFY(tokenIndex().isValid());
        w.tree()->setCurrentIndex(tokenIndex());
        auto pane = [&] { return DetailPane::html(w.model()->node(tokenIndex())); };
        const QString countLow = QStringLiteral("a wrong PIN was entered since the last successful login");
        QVERIFY(!pane().contains(countLow));
        QAction *loginAction = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->text() == QStringLiteral("&Log in…"))
                loginAction = a;
        QVERIFY(loginAction && loginAction->isEnabled());
        loginAction->trigger();
        QTRY_VERIFY(w.findChild<LoginDialog *>());
        LoginDialog *d = w.findChild<LoginDialog *>();
        QPointer<LoginDialog> alive(d);
        type(d, "pin", QStringLiteral("usr-Wrong#1"));
        QTest::keyClick(child<QLineEdit>(d, "pin"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(pane().contains(countLow), 10000);
        QVERIFY(alive && d->isVisible() && !d->isBusy());
        type(d, "pin", kDialogUser);
        QTest::keyClick(child<QLineEdit>(d, "pin"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!alive, 10000); // closed (and deleted) once logged in
        QTRY_VERIFY_WITH_TIMEOUT(w.model()->node(tokenIndex())->loggedIn && !pane().contains(countLow), 10000);
        settled(m_inventory->logout(w.model()->tokenRef(tokenIndex()).value())).waitForFinished();
    }

    void changePinDialogWrongThenRight()
    {
        const auto t = find(QStringLiteral("Dialog"));
        QVERIFY(t);
        ChangePinDialog d(*m_inventory, t->first, t->second, PinChangeMode::User);
        QSignalSpy changed(&d, &ChangePinDialog::tokenChanged);
        QSignalSpy done(&d, &ChangePinDialog::pinChanged);
        d.show();
        QVERIFY(child<QLabel>(&d, "pinStatus")->text().contains(QStringLiteral("User PIN: OK")));
        auto *action = child<QPushButton>(&d, "actionButton");
        QVERIFY(!action->isEnabled());
        type(&d, "currentPin", QStringLiteral("usr-Bad#0"));
        type(&d, "newPin", QStringLiteral("usr-New#7"));
        type(&d, "repeatPin", QStringLiteral("usr-New#8"));
        QVERIFY(!action->isEnabled());
        QVERIFY(child<QLabel>(&d, "message")->text().contains(QStringLiteral("do not match")));
        type(&d, "repeatPin", QStringLiteral("usr-New#7"));
        QVERIFY(action->isEnabled());
        action->click();
        // The PINs left the fields as the job started.
        QVERIFY(child<QLineEdit>(&d, "currentPin")->text().isEmpty());
        QVERIFY(changed.wait(10000));
        QCOMPARE(done.count(), 0);
        const QString error = child<QLabel>(&d, "error")->text();
        QVERIFY2(error.contains(QStringLiteral("Wrong PIN")) && error.contains(QStringLiteral("CKR_PIN_INCORRECT")),
                 qPrintable(error));
        // Re-read after the failure: SoftHSM now reports COUNT_LOW, and the dialog shows it.
        QVERIFY(d.snapshot().info.flags & CKF_USER_PIN_COUNT_LOW);
        QVERIFY2(child<QLabel>(&d, "pinStatus")->text().contains(QStringLiteral("a wrong PIN was entered")),
                 qPrintable(child<QLabel>(&d, "pinStatus")->text()));
        QVERIFY(!action->isEnabled()); // nothing is retried: the fields are empty

        type(&d, "currentPin", kDialogUser);
        type(&d, "newPin", QStringLiteral("usr-New#7"));
        type(&d, "repeatPin", QStringLiteral("usr-New#7"));
        action->click();
        QVERIFY(done.wait(10000));
        QTRY_VERIFY(child<QLabel>(&d, "error")->text().contains(QStringLiteral("The PIN was changed.")));
        QTRY_VERIFY(!(d.snapshot().info.flags & CKF_USER_PIN_COUNT_LOW));
        QCOMPARE(login(t->first, QStringLiteral("usr-New#7")), CKR_OK);
        d.accept();
    }

    void soAndUnblockDialogs()
    {
        const auto t = find(QStringLiteral("Dialog"));
        QVERIFY(t);
        {
            ChangePinDialog d(*m_inventory, t->first, t->second, PinChangeMode::So);
            QSignalSpy done(&d, &ChangePinDialog::pinChanged);
            d.show();
            QVERIFY(child<QLabel>(&d, "pinStatus")->text().contains(QStringLiteral("SO-PIN: OK")));
            QVERIFY(!child<QCheckBox>(&d, "stayLoggedIn")->isVisible()); // user mode only
            type(&d, "currentPin", kDialogSo);
            type(&d, "newPin", QStringLiteral("so-DlgNew#1"));
            type(&d, "repeatPin", QStringLiteral("so-DlgNew#1"));
            child<QPushButton>(&d, "actionButton")->click();
            QVERIFY(done.wait(10000));
        }
        {
            ChangePinDialog d(*m_inventory, t->first, t->second, PinChangeMode::Unblock);
            QSignalSpy done(&d, &ChangePinDialog::pinChanged);
            d.show();
            QCOMPARE(d.windowTitle(), QStringLiteral("Unblock PIN — Dialog"));
            type(&d, "currentPin", QStringLiteral("so-DlgNew#1"));
            type(&d, "newPin", QStringLiteral("usr-Unb#4"));
            type(&d, "repeatPin", QStringLiteral("usr-Unb#4"));
            child<QPushButton>(&d, "actionButton")->click();
            QVERIFY(done.wait(10000));
            QVERIFY(child<QLabel>(&d, "error")->text().contains(QStringLiteral("new user PIN is set")));
        }
        QCOMPARE(login(t->first, QStringLiteral("usr-Unb#4")), CKR_OK);
        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), t->first.id.serial);
        QVERIFY(oracle.has("PIN initialized") && !oracle.has("user PIN count low"));
    }

    // The dialogs ask the token's session whether it is logged in (a scan's snapshot cannot know).
    void dialogsKnowTheLoginState()
    {
        const auto t = find(QStringLiteral("Dialog"));
        QVERIFY(t);
        settled(m_inventory->login(t->first, CKU_USER, SecureBytes::fromUtf8("usr-Unb#4"))).waitForFinished();
        {
            ChangePinDialog d(*m_inventory, t->first, t->second, PinChangeMode::User);
            d.show();
            QTRY_VERIFY(!child<QCheckBox>(&d, "stayLoggedIn")->isVisible()); // logged in already: stays so
        }
        {
            ChangePinDialog d(*m_inventory, t->first, t->second, PinChangeMode::So);
            d.show();
            QTRY_VERIFY(child<QLabel>(&d, "hint")->text().contains(QStringLiteral("You will be logged out")));
        }
        settled(m_inventory->logout(t->first)).waitForFinished();
        ChangePinDialog d(*m_inventory, t->first, t->second, PinChangeMode::User);
        d.show();
        QTRY_VERIFY(child<QCheckBox>(&d, "stayLoggedIn")->isVisible());
    }

    void closingClearsFields()
    {
        const auto t = find(QStringLiteral("Dialog"));
        QVERIFY(t);
        ChangePinDialog d(*m_inventory, t->first, t->second, PinChangeMode::User);
        d.show();
        type(&d, "currentPin", QStringLiteral("usr-Typed#1"));
        type(&d, "newPin", QStringLiteral("usr-Typed#2"));
        type(&d, "repeatPin", QStringLiteral("usr-Typed#2"));
        d.reject();
        for (SecretEdit *e : d.findChildren<SecretEdit *>())
            QVERIFY2(e->text().isEmpty(), qPrintable(e->objectName()));
        // Nor can undo bring them back.
        auto *current = child<SecretEdit>(&d, "currentPin");
        current->undo();
        QVERIFY(current->text().isEmpty());
    }

    // Last: every PIN used above, looked for in all that was logged and in the settings file.
    void zzNoPinInLogsOrSettings()
    {
        QString log;
        {
            QMutexLocker lock(&g_logMutex);
            log = g_log;
        }
        // The capture works: our lifecycle log is in it (and would show a PIN if one were logged).
        QVERIFY2(log.contains(QStringLiteral("C_InitToken")), "the log capture saw nothing");
        QVERIFY(log.contains(QStringLiteral("tokendesk.lifecycle")));
        qInfo("canary usr-Canary#0");
        {
            QMutexLocker lock(&g_logMutex);
            QVERIFY(g_log.contains(QStringLiteral("usr-Canary#0"))); // the grep below would catch a PIN
        }
        QByteArray settings;
        QDirIterator it(m_settings.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            settings += f.readAll();
        }
        QVERIFY2(settings.contains("InitTokenWizard"), "the wizard wrote no settings to look at");
        m_pinsUsed.removeDuplicates();
        QVERIFY(m_pinsUsed.size() >= 15);
        for (const QString &pin : std::as_const(m_pinsUsed)) {
            if (pin.size() < 4)
                continue; // "u1" and the like would match ordinary words
            QVERIFY2(!log.contains(pin), qPrintable(QStringLiteral("PIN %1 found in the log").arg(pin)));
            QVERIFY2(!settings.contains(pin.toUtf8()), qPrintable(QStringLiteral("PIN %1 found in the settings").arg(pin)));
        }
    }

    void cleanupTestCase()
    {
        m_inventory.reset();
        qInstallMessageHandler(g_previous);
    }
};

QTEST_MAIN(TestLifecycleUi)
#include "tst_lifecycleui.moc"
