// SPDX-License-Identifier: GPL-3.0-or-later
// What SoftHSM never does, through a module that forwards every call to SoftHSM and
// fails or flags only what a test asks for (faultp11.cpp): a locked PIN, a final try,
// a locked SO-PIN, write protection, CKR_PIN_INVALID, a token pulled out between
// C_InitToken and C_InitPIN, a PIN-pad reader, a SmartCard-HSM's hex SO-PIN. The
// PIN dialogs and the wizard are driven offscreen through their real widgets.
#include "pkcs11toollist.h"
#include "softhsmfixture.h"

#include "dialogs/pin/changepindialog.h"
#include "widgets/secretedit.h"
#include "inventory/inventory.h"
#include "lifecycle/lifecycleerror.h"
#include "lifecycle/lifecyclejobs.h"
#include "lifecycle/inittokenvalidator.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QCheckBox>
#include <QDeadlineTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace {
template <typename T>
QFuture<T> settled(QFuture<T> f)
{
    // Jobs submitted on the GUI thread start from the event loop: run it, never block.
    QDeadlineTimer deadline(20000);
    while (!f.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!f.isFinished())
        qFatal("a token job did not finish within 20 s");
    return f;
}

template <typename T>
CK_RV failureOf(QFuture<T> f)
{
    try {
        settled(f).waitForFinished();
    } catch (const Pkcs11Error &e) {
        return e.rv();
    }
    return CKR_OK;
}

template <typename T>
T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

QPushButton *forward(QWizard &w)
{
    return static_cast<QPushButton *>(w.currentPage()->isCommitPage() ? w.button(QWizard::CommitButton)
                                                                       : w.button(QWizard::NextButton));
}

QString name(CK_RV rv) { return QString::fromLatin1(ckrName(rv)); }

// One fault configuration for the length of a scope.
class Faults {
public:
    explicit Faults(const QByteArray &faults, const QByteArray &flags = {}) { set(faults, flags); }
    ~Faults() { set({}, {}); }
    static void set(const QByteArray &faults, const QByteArray &flags)
    {
        qputenv("TOKENDESK_FAULTS", faults);
        qputenv("TOKENDESK_FAULT_FLAGS", flags);
    }
};
} // namespace

class TestLifecycleFaults : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm; // first member: SOFTHSM2_CONF is set before anything loads SoftHSM
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;

    static ModuleSpec spec() { return ModuleSpec{QStringLiteral(TOKENDESK_FAULT_MODULE), QStringLiteral("fault"), true}; }
    std::optional<std::pair<TokenRef, TokenSnapshot>> find(const QString &label)
    {
        const ModuleSnapshot snap = settled(m_inventory->scan(spec())).result();
        for (const SlotSnapshot &s : snap.slots)
            if (s.token && (s.token->info.flags & CKF_TOKEN_INITIALIZED) && s.token->label == label)
                return std::make_pair(TokenRef{snap.path, s.id, s.token->id}, *s.token);
        return std::nullopt;
    }
    CK_RV login(const TokenRef &ref, CK_USER_TYPE user, const char *pin)
    {
        const CK_RV rv = failureOf(m_inventory->login(ref, user, SecureBytes::fromUtf8(pin)));
        if (rv == CKR_OK)
            settled(m_inventory->logout(ref)).waitForFinished();
        return rv;
    }
    PinChangeRequest change(PinChangeMode mode, const char *current, const char *next)
    {
        PinChangeRequest r;
        r.mode = mode;
        r.currentPin = SecureBytes::fromUtf8(current);
        r.newPin = SecureBytes::fromUtf8(next);
        return r;
    }
    static void type(QWidget *root, const char *name, const QString &text) { child<QLineEdit>(root, name)->setText(text); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TOKENDESK_FAULT_TARGET", QFile::encodeName(SoftHsmFixture::softhsmModule()));
        Faults::set({}, {});
        m_hsm.initToken(QStringLiteral("Faulty"), QStringLiteral("1234"), QStringLiteral("12345678"));
        m_hsm.initToken(QStringLiteral("Pulled"), QStringLiteral("1234"), QStringLiteral("12345678"));
        m_hsm.initToken(QStringLiteral("Locked"), QStringLiteral("1234"), QStringLiteral("12345678"));
        m_hsm.initToken(QStringLiteral("Pad"), QStringLiteral("1234"), QStringLiteral("12345678"));
        m_hsm.initToken(QStringLiteral("Hsm"), QStringLiteral("123456"), QStringLiteral("3537363231383830"));
        m_inventory = std::make_unique<Inventory>(m_registry);
        const ModuleSnapshot snap = settled(m_inventory->scan(spec())).result();
        QVERIFY2(snap.error.isEmpty(), qPrintable(snap.error));
        QVERIFY(find(QStringLiteral("Faulty")));
    }

    void writeProtected()
    {
        const auto t = find(QStringLiteral("Faulty"));
        QVERIFY(t);
        Faults f("C_InitToken=0xE2,C_SetPIN=0xE2");
        InitTokenRequest r;
        r.token = t->first;
        r.wasInitialized = true;
        r.label = InitTokenValidator::storedLabel(QStringLiteral("Nope"));
        r.soPin = SecureBytes::fromUtf8("12345678");
        r.userPin = SecureBytes::fromUtf8("4321");
        const CK_RV rv = failureOf(LifecycleJobs::initToken(*m_inventory, m_registry, std::move(r)));
        QCOMPARE(name(rv), QStringLiteral("CKR_TOKEN_WRITE_PROTECTED"));
        QVERIFY(initTokenError(rv, t->second.info, true).sentence.contains(QStringLiteral("write-protected")));
        QCOMPARE(name(failureOf(LifecycleJobs::changePin(*m_inventory, t->first, change(PinChangeMode::User, "1234", "4321")))),
                 QStringLiteral("CKR_TOKEN_WRITE_PROTECTED"));
        // The user was logged in for the change and is logged out again; the token still works.
        QCOMPARE(login(t->first, CKU_USER, "1234"), CKR_OK);
        QCOMPARE(Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), t->first.id.serial).label, QStringLiteral("Faulty"));
    }

    void pinInvalid()
    {
        const auto t = find(QStringLiteral("Faulty"));
        QVERIFY(t);
        Faults f("C_SetPIN=0xA1");
        const CK_RV rv = failureOf(LifecycleJobs::changePin(*m_inventory, t->first, change(PinChangeMode::User, "1234", "4321")));
        QCOMPARE(name(rv), QStringLiteral("CKR_PIN_INVALID"));
        QVERIFY(lifecycleError(rv, t->second.info, PinRole::User, PinRole::User).sentence.contains(QStringLiteral("characters")));
    }

    // C_InitToken worked, then the token "was pulled out": an erased token without a user
    // PIN. The wizard says so plainly; after re-inserting, Unblock PIN sets the PIN.
    void tokenPulledBetweenInitAndUserPin()
    {
        const auto t = find(QStringLiteral("Pulled"));
        QVERIFY(t);
        InitTokenWizard w(*m_inventory, m_registry, {spec()}, t->first);
        QSignalSpy listed(&w, &InitTokenWizard::tokensListed);
        QSignalSpy changed(&w, &InitTokenWizard::tokenChanged);
        w.show();
        QVERIFY(listed.wait(10000));
        forward(w)->click();
        type(&w, "soPin", QStringLiteral("12345678"));
        forward(w)->click();
        type(&w, "label", QStringLiteral("Half done"));
        forward(w)->click();
        type(&w, "userPin", QStringLiteral("5678"));
        type(&w, "userPinRepeat", QStringLiteral("5678"));
        forward(w)->click();
        QTRY_COMPARE_WITH_TIMEOUT(int(w.state().countState), int(InitTokenState::Count::Read), 10000);
        type(&w, "confirmation", QStringLiteral("Pulled"));
        {
            Faults f("C_InitPIN=0xE0");
            w.button(QWizard::CommitButton)->click();
            QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::ResultPageId), 20000);
        }
        const InitTokenOutcome &o = *w.state().outcome;
        QVERIFY(o.found && !o.userPinSet && !o.complete());
        QCOMPARE(userError(o.followUpError).code, QStringLiteral("CKR_TOKEN_NOT_PRESENT"));
        QCOMPARE(child<QLabel>(&w, "resultHeadline")->text(), QStringLiteral("The token was initialized, but not completely."));
        const QString details = child<QLabel>(&w, "resultDetails")->text();
        QVERIFY2(details.contains(QStringLiteral("The user PIN could not be set")) && details.contains(QStringLiteral("removed"))
                     && details.contains(QStringLiteral("Unblock PIN")),
                 qPrintable(details));
        QCOMPARE(changed.count(), 1);
        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), t->first.id.serial);
        QCOMPARE(oracle.label, QStringLiteral("Half done"));
        QVERIFY(oracle.has("token initialized") && !oracle.has("PIN initialized"));
        w.accept();

        // The app stays usable: the SO sets the user PIN, which then logs in.
        const auto again = find(QStringLiteral("Half done"));
        QVERIFY(again);
        ChangePinDialog d(*m_inventory, again->first, again->second, PinChangeMode::User);
        d.show();
        // No user PIN yet: no change possible, the dialog offers to set one with the SO-PIN.
        QVERIFY(!child<QPushButton>(&d, "actionButton")->isEnabled());
        QVERIFY(child<QPushButton>(&d, "unblockInstead")->isVisible());
        child<QPushButton>(&d, "unblockInstead")->click();
        QCOMPARE(d.mode(), PinChangeMode::Unblock);
        QCOMPARE(d.windowTitle(), QStringLiteral("Set user PIN — Half done"));
        QSignalSpy done(&d, &ChangePinDialog::pinChanged);
        type(&d, "currentPin", QStringLiteral("12345678"));
        type(&d, "newPin", QStringLiteral("5678"));
        type(&d, "repeatPin", QStringLiteral("5678"));
        child<QPushButton>(&d, "actionButton")->click();
        QVERIFY(done.wait(10000));
        QCOMPARE(login(again->first, CKU_USER, "5678"), CKR_OK);
        QVERIFY(Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), t->first.id.serial).has("PIN initialized"));
    }

    void lockedPinOffersUnblock()
    {
        const auto t = find(QStringLiteral("Locked"));
        QVERIFY(t);
        {
            Faults f("C_Login=0xA4", "40000"); // CKF_USER_PIN_LOCKED, and C_Login says CKR_PIN_LOCKED
            const CK_RV rv = failureOf(LifecycleJobs::changePin(*m_inventory, t->first, change(PinChangeMode::User, "1234", "4321")));
            QCOMPARE(name(rv), QStringLiteral("CKR_PIN_LOCKED"));
            QVERIFY(lifecycleError(rv, t->second.info, PinRole::User, PinRole::User).sentence.contains(QStringLiteral("unblock")));
        }
        Faults f({}, "40000");
        const auto locked = find(QStringLiteral("Locked"));
        QVERIFY(locked->second.info.flags & CKF_USER_PIN_LOCKED);
        ChangePinDialog d(*m_inventory, locked->first, locked->second, PinChangeMode::User);
        d.show();
        QVERIFY(child<QLabel>(&d, "pinStatus")->text().contains(QStringLiteral("User PIN: locked")));
        QVERIFY(!child<QLineEdit>(&d, "currentPin")->isEnabled());
        QVERIFY(!child<QPushButton>(&d, "actionButton")->isEnabled());
        QVERIFY(child<QLabel>(&d, "message")->text().contains(QStringLiteral("Unblock")));
        QVERIFY(child<QPushButton>(&d, "unblockInstead")->isVisible());
        child<QPushButton>(&d, "unblockInstead")->click();
        QCOMPARE(d.mode(), PinChangeMode::Unblock);
        QVERIFY(child<QLineEdit>(&d, "currentPin")->isEnabled());
        type(&d, "currentPin", QStringLiteral("12345678"));
        type(&d, "newPin", QStringLiteral("2468"));
        type(&d, "repeatPin", QStringLiteral("2468"));
        QSignalSpy done(&d, &ChangePinDialog::pinChanged);
        Faults::set({}, {}); // SoftHSM "unlocks" as C_InitPIN succeeds
        child<QPushButton>(&d, "actionButton")->click();
        QVERIFY(done.wait(10000));
        QVERIFY(child<QLabel>(&d, "pinStatus")->text().contains(QStringLiteral("User PIN: OK")));
        QCOMPARE(login(t->first, CKU_USER, "2468"), CKR_OK);
    }

    void finalTryNeedsConfirmationEachTime()
    {
        const auto t = find(QStringLiteral("Locked"));
        QVERIFY(t);
        Faults f({}, "20000"); // CKF_USER_PIN_FINAL_TRY
        const auto last = find(QStringLiteral("Locked"));
        ChangePinDialog d(*m_inventory, last->first, last->second, PinChangeMode::User);
        QSignalSpy changed(&d, &ChangePinDialog::tokenChanged);
        d.show();
        QVERIFY(child<QLabel>(&d, "pinStatus")->text().contains(QStringLiteral("1 try left")));
        auto *ack = child<QCheckBox>(&d, "finalTryAck");
        auto *action = child<QPushButton>(&d, "actionButton");
        QVERIFY(ack->isVisible());
        type(&d, "currentPin", QStringLiteral("0000"));
        type(&d, "newPin", QStringLiteral("1357"));
        type(&d, "repeatPin", QStringLiteral("1357"));
        QVERIFY(!action->isEnabled());
        ack->setChecked(true);
        QVERIFY(action->isEnabled());
        action->click(); // wrong PIN: SoftHSM answers CKR_PIN_INCORRECT
        QVERIFY(changed.wait(10000));
        const QString error = child<QLabel>(&d, "error")->text();
        QVERIFY2(error.contains(QStringLiteral("1 try left. The next wrong entry locks it.")), qPrintable(error));
        QVERIFY(!ack->isChecked()); // the next try needs its own confirmation
        type(&d, "currentPin", QStringLiteral("2468"));
        type(&d, "newPin", QStringLiteral("1357"));
        type(&d, "repeatPin", QStringLiteral("1357"));
        QVERIFY(!action->isEnabled());
        ack->setChecked(true);
        QVERIFY(action->isEnabled());
        d.reject();
    }

    void lockedSoPinOffersInitialization()
    {
        const auto t = find(QStringLiteral("Faulty"));
        QVERIFY(t);
        Faults f({}, "400000"); // CKF_SO_PIN_LOCKED
        const auto locked = find(QStringLiteral("Faulty"));
        for (PinChangeMode mode : {PinChangeMode::So, PinChangeMode::Unblock}) {
            ChangePinDialog d(*m_inventory, locked->first, locked->second, mode);
            QSignalSpy init(&d, &ChangePinDialog::initializeRequested);
            d.show();
            QVERIFY(!child<QPushButton>(&d, "actionButton")->isEnabled());
            QVERIFY(child<QLabel>(&d, "pinStatus")->text().contains(QStringLiteral("SO-PIN: locked")));
            QVERIFY(child<QPushButton>(&d, "initializeInstead")->isVisible());
            child<QPushButton>(&d, "initializeInstead")->click();
            QCOMPARE(init.count(), 1);
            QVERIFY(!d.isVisible());
        }
        // And the wizard refuses it: C_InitToken needs the SO-PIN.
        InitTokenWizard w(*m_inventory, m_registry, {spec()}, locked->first);
        QSignalSpy listed(&w, &InitTokenWizard::tokensListed);
        w.show();
        QVERIFY(listed.wait(10000));
        forward(w)->click();
        QVERIFY(!forward(w)->isEnabled());
        QVERIFY(child<QLabel>(&w, "soMessage")->text().contains(QStringLiteral("locked")));
        w.reject();
    }

    void pinPad()
    {
        const auto t = find(QStringLiteral("Pad"));
        QVERIFY(t);
        Faults f({}, "100"); // CKF_PROTECTED_AUTHENTICATION_PATH
        qputenv("TOKENDESK_PINPAD_OLD", "1234");
        qputenv("TOKENDESK_PINPAD_NEW", "8765");
        const auto pad = find(QStringLiteral("Pad"));
        {
            ChangePinDialog d(*m_inventory, pad->first, pad->second, PinChangeMode::User);
            QSignalSpy done(&d, &ChangePinDialog::pinChanged);
            d.show();
            QVERIFY(!child<QLineEdit>(&d, "currentPin")->isVisible());
            QVERIFY(!child<QLineEdit>(&d, "newPin")->isVisible());
            QVERIFY(child<QLabel>(&d, "hint")->text().contains(QStringLiteral("PIN pad")));
            QVERIFY(child<QPushButton>(&d, "actionButton")->isEnabled());
            child<QPushButton>(&d, "actionButton")->click();
            QVERIFY(done.wait(10000));
        }
        QCOMPARE(login(t->first, CKU_USER, "8765"), CKR_OK); // what the "reader" entered
        // The wizard on a PIN-pad reader: no PIN fields; the reader "enters" them.
        qputenv("TOKENDESK_PINPAD_LOGIN", "12345678");
        qputenv("TOKENDESK_PINPAD_NEW", "9999");
        InitTokenWizard w(*m_inventory, m_registry, {spec()}, pad->first);
        QSignalSpy listed(&w, &InitTokenWizard::tokensListed);
        w.show();
        QVERIFY(listed.wait(10000));
        forward(w)->click();
        QVERIFY(!child<QLineEdit>(&w, "soPin")->isVisible());
        QVERIFY(forward(w)->isEnabled());
        forward(w)->click();
        type(&w, "label", QStringLiteral("Padded"));
        forward(w)->click();
        QVERIFY(!child<QLineEdit>(&w, "userPin")->isVisible());
        QVERIFY(forward(w)->isEnabled());
        forward(w)->click();
        QTRY_COMPARE_WITH_TIMEOUT(int(w.state().countState), int(InitTokenState::Count::Read), 10000);
        type(&w, "confirmation", QStringLiteral("Pad"));
        w.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::ResultPageId), 20000);
        QVERIFY(w.state().outcome && w.state().outcome->complete());
        w.accept();
        Faults::set({}, {});
        QCOMPARE(login(w.state().outcome->token, CKU_USER, "9999"), CKR_OK);
        QCOMPARE(Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), t->first.id.serial).label, QStringLiteral("Padded"));
    }

    // A SmartCard-HSM behind OpenSC reports "www.CardContact.de": its SO-PIN is 16 hex digits,
    // and the wizard says so before anything is sent.
    void smartCardHsmSoPinIsHex()
    {
        qputenv("TOKENDESK_FAULT_MANUFACTURER", "www.CardContact.de");
        const auto t = find(QStringLiteral("Hsm"));
        QVERIFY(t);
        QCOMPARE(t->first.id.manufacturer, QStringLiteral("www.CardContact.de"));
        InitTokenWizard w(*m_inventory, m_registry, {spec()}, t->first);
        QSignalSpy listed(&w, &InitTokenWizard::tokensListed);
        w.show();
        QVERIFY(listed.wait(10000));
        forward(w)->click();
        QVERIFY(child<QLabel>(&w, "soHint")->text().contains(QStringLiteral("16 hexadecimal digits")));
        type(&w, "soPin", QStringLiteral("12345678"));
        QVERIFY(!forward(w)->isEnabled());
        QVERIFY(child<QLabel>(&w, "soMessage")->text().contains(QStringLiteral("16 hexadecimal digits")));
        type(&w, "soPin", QStringLiteral("353736323138383X"));
        QVERIFY(!forward(w)->isEnabled());
        type(&w, "soPin", QStringLiteral("3537363231383830"));
        QVERIFY(forward(w)->isEnabled());
        w.reject();
        qunsetenv("TOKENDESK_FAULT_MANUFACTURER");
    }

    void cleanupTestCase() { m_inventory.reset(); }
};

QTEST_MAIN(TestLifecycleFaults)
#include "tst_lifecyclefaults.moc"
