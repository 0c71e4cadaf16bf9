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
#include "wizards/inittoken/choosetokenpage.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QCheckBox>
#include <QDeadlineTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
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

// What went wrong after C_InitToken, for a failure message.
QString followUp(const InitTokenOutcome &o) { return o.followUpError ? userError(o.followUpError).text() : QString(); }

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
    QString m_spyLog;
    // C_Login calls the spy has logged so far.
    int logins() const
    {
        QFile f(m_spyLog);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        static const QRegularExpression re(QStringLiteral("^\\d+: C_Login$"), QRegularExpression::MultilineOption);
        return int(QString::fromUtf8(f.readAll()).count(re));
    }
    // pkcs11-tool, straight on SoftHSM: does this PIN log in to the token with this label?
    static bool oracleLogin(const QString &label, const QString &pin)
    {
        QByteArray out, err;
        return SoftHsmFixture::runStatus(QStringLiteral("pkcs11-tool"),
                                         {QStringLiteral("--module"), SoftHsmFixture::softhsmModule(),
                                          QStringLiteral("--token-label"), label, QStringLiteral("--login"),
                                          QStringLiteral("--pin"), pin, QStringLiteral("--list-objects")},
                                         &out, &err)
            == 0;
    }
    InitTokenRequest initRequest(const TokenRef &ref, bool wasInitialized, const QString &label, const char *so,
                                 const char *user)
    {
        InitTokenRequest r;
        r.token = ref;
        r.wasInitialized = wasInitialized;
        r.label = InitTokenValidator::storedLabel(label);
        r.soPin = SecureBytes::fromUtf8(so);
        r.userPin = SecureBytes::fromUtf8(user);
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // fault module -> OpenSC's pkcs11-spy -> SoftHSM: the spy's log counts the C_Login calls.
        m_spyLog = m_hsm.dir() + QStringLiteral("/spy.log");
        qputenv("TOKENDESK_FAULT_TARGET", QFile::encodeName(SoftHsmFixture::spyModule()));
        qputenv("PKCS11SPY", QFile::encodeName(SoftHsmFixture::softhsmModule()));
        qputenv("PKCS11SPY_OUTPUT", QFile::encodeName(m_spyLog));
        Faults::set({}, {});
        m_hsm.initToken(QStringLiteral("Faulty"), QStringLiteral("1234"), QStringLiteral("12345678"));
        m_hsm.initToken(QStringLiteral("Pulled"), QStringLiteral("1234"), QStringLiteral("12345678"));
        m_hsm.initToken(QStringLiteral("Locked"), QStringLiteral("1234"), QStringLiteral("12345678"));
        m_hsm.initToken(QStringLiteral("Pad"), QStringLiteral("1234"), QStringLiteral("12345678"));
        m_hsm.initToken(QStringLiteral("Hsm"), QStringLiteral("123456"), QStringLiteral("3537363231383830"));
        m_hsm.initToken(QStringLiteral("Decor"), QStringLiteral("1234"), QStringLiteral("12345678"));
        m_hsm.initToken(QStringLiteral("Kept"), QStringLiteral("1234"), QStringLiteral("12345678"));
        m_hsm.initToken(QStringLiteral("Twin"), QStringLiteral("1234"), QStringLiteral("12345678"));
        for (const char *odd : {"Odd0", "Odd1", "Odd2"})
            m_hsm.initToken(QString::fromLatin1(odd), QStringLiteral("1234"), QStringLiteral("12345678"));
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
        forward(w)->click(); // the SO-PIN is checked here
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::LabelPageId), 10000);
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
        QCOMPARE(changed.count(), 2); // after the SO-PIN check (our session was closed) and after the job
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
        QVERIFY(child<QLabel>(&d, "pinStatus")->text().contains(QStringLiteral("one try left")));
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
        QVERIFY2(error.contains(QStringLiteral("Wrong PIN. One try left: the next wrong PIN locks it.")), qPrintable(error));
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

    // OpenSC reports a SmartCard-HSM's label as "<label> (UserPIN)". After C_InitToken the
    // token is found again by manufacturer + model + serial, so C_InitPIN sets the PIN the
    // user chose; pkcs11-tool logs in with it, not with the SO-PIN's first 6 bytes.
    void decoratedLabelAfterInit()
    {
        const auto t = find(QStringLiteral("Decor"));
        QVERIFY(t);
        qputenv("TOKENDESK_FAULT_LABEL_SUFFIX", " (UserPIN)");
        const QFuture<InitTokenOutcome> job = LifecycleJobs::initToken(
            *m_inventory, m_registry, initRequest(t->first, true, QStringLiteral("Decorated"), "12345678", "24680"));
        const InitTokenOutcome o = settled(job).result();
        qunsetenv("TOKENDESK_FAULT_LABEL_SUFFIX");
        QVERIFY2(o.found && o.userPinSet, qPrintable(followUp(o)));
        QCOMPARE(o.snapshot.label, QStringLiteral("Decorated (UserPIN)"));
        QVERIFY2(o.complete(), qPrintable(o.verificationProblems.join(QLatin1Char(' '))));
        QCOMPARE(o.token.id, t->first.id);
        QVERIFY(oracleLogin(QStringLiteral("Decorated"), QStringLiteral("24680")));
        QVERIFY(!oracleLogin(QStringLiteral("Decorated"), QStringLiteral("123456")));
    }

    // Cheap clones report one manufacturer, model and serial: the identity then carries the
    // slot, and initialization must still find (and set the PIN of) the token it erased.
    void twinTokensInitializeTheChosenOne()
    {
        qputenv("TOKENDESK_FAULT_SERIAL", "CLONE0001");
        const auto t = find(QStringLiteral("Twin"));
        QVERIFY(t);
        QVERIFY2(t->first.id.slot.has_value(), "twins must be told apart by their slot");
        const InitTokenOutcome o = settled(LifecycleJobs::initToken(
                                               *m_inventory, m_registry,
                                               initRequest(t->first, true, QStringLiteral("Twin again"), "12345678", "97531")))
                                       .result();
        qunsetenv("TOKENDESK_FAULT_SERIAL");
        QVERIFY2(o.found && o.userPinSet, qPrintable(followUp(o)));
        QCOMPARE(o.token.slot, t->first.slot);
        QVERIFY(oracleLogin(QStringLiteral("Twin again"), QStringLiteral("97531")));
        // Its twins were not touched.
        QVERIFY(oracleLogin(QStringLiteral("Kept"), QStringLiteral("1234")));
    }

    // SoftHSM gives a token initialized in its free slot a new serial (and may move it to
    // a new slot id); with a decorated label on top, nothing but "the one new token of
    // this manufacturer and model" identifies it.
    void blankTokenGetsNewSerial()
    {
        const ModuleSnapshot snap = settled(m_inventory->scan(spec())).result();
        std::optional<TokenRef> blank;
        for (const SlotSnapshot &sl : snap.slots)
            if (sl.token && !(sl.token->info.flags & CKF_TOKEN_INITIALIZED))
                blank = TokenRef{snap.path, sl.id, sl.token->id};
        QVERIFY(blank);
        QVERIFY(blank->id.serial.isEmpty());
        qputenv("TOKENDESK_FAULT_LABEL_SUFFIX", " (UserPIN)");
        const InitTokenOutcome o = settled(LifecycleJobs::initToken(
                                               *m_inventory, m_registry,
                                               initRequest(*blank, false, QStringLiteral("Moved"), "87654321", "13579")))
                                       .result();
        qunsetenv("TOKENDESK_FAULT_LABEL_SUFFIX");
        QVERIFY2(o.found && o.userPinSet, qPrintable(followUp(o)));
        QVERIFY(o.complete());
        QCOMPARE(o.previousSlot, blank->slot);
        QVERIFY(!o.token.id.serial.isEmpty()); // a new identity: nothing of the chosen one survived
        QVERIFY(!(o.token.id == blank->id));
        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), o.token.id.serial);
        QCOMPARE(oracle.label, QStringLiteral("Moved"));
        QVERIFY(oracleLogin(QStringLiteral("Moved"), QStringLiteral("13579")));
    }

    // A wrong SO-PIN is found on the SO-PIN page with one C_Login; a SO-PIN that
    // C_InitToken refuses later brings the wizard back there with the label, the user
    // PIN and the confirmation kept; corrected, the token is initialized.
    void wrongSoPinFoundEarlyNothingLost()
    {
        const auto t = find(QStringLiteral("Kept"));
        QVERIFY(t);
        InitTokenWizard w(*m_inventory, m_registry, {spec()}, t->first);
        QSignalSpy listed(&w, &InitTokenWizard::tokensListed);
        w.show();
        QVERIFY(listed.wait(10000));
        forward(w)->click();
        const int start = logins();
        QVERIFY(start >= 0);
        type(&w, "soPin", QStringLiteral("87654321"));
        forward(w)->click();
        auto *check = child<QLabel>(&w, "soCheck");
        QTRY_VERIFY_WITH_TIMEOUT(check->text().contains(QStringLiteral("CKR_PIN_INCORRECT")), 10000);
        QCOMPARE(w.currentId(), int(InitTokenWizard::SoPinPageId));
        QCOMPARE(logins() - start, 1); // one C_Login per click, never retried
        QVERIFY(child<QLineEdit>(&w, "soPin")->text().isEmpty());

        type(&w, "soPin", QStringLiteral("12345678"));
        forward(w)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::LabelPageId), 10000);
        QCOMPARE(logins() - start, 2);
        type(&w, "label", QStringLiteral("Kept II"));
        forward(w)->click();
        type(&w, "userPin", QStringLiteral("97531"));
        type(&w, "userPinRepeat", QStringLiteral("97531"));
        forward(w)->click();
        QTRY_COMPARE_WITH_TIMEOUT(int(w.state().countState), int(InitTokenState::Count::Read), 10000);
        type(&w, "confirmation", QStringLiteral("Kept"));
        {
            Faults f("C_InitToken=0xA0"); // the SO-PIN was changed meanwhile: CKR_PIN_INCORRECT
            w.button(QWizard::CommitButton)->click();
            QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::SoPinPageId), 20000);
        }
        QVERIFY2(check->text().contains(QStringLiteral("Nothing on the token was changed.")), qPrintable(check->text()));
        QVERIFY(child<QLineEdit>(&w, "soPin")->text().isEmpty());
        QCOMPARE(child<QLineEdit>(&w, "label")->text(), QStringLiteral("Kept II"));
        QCOMPARE(child<QLineEdit>(&w, "userPin")->text(), QStringLiteral("97531"));
        QCOMPARE(child<QLineEdit>(&w, "userPinRepeat")->text(), QStringLiteral("97531"));
        QCOMPARE(Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), t->first.id.serial).label, QStringLiteral("Kept"));

        type(&w, "soPin", QStringLiteral("12345678"));
        forward(w)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::LabelPageId), 10000);
        QCOMPARE(logins() - start, 3);
        forward(w)->click();
        QCOMPARE(w.currentId(), int(InitTokenWizard::UserPinPageId));
        forward(w)->click();
        QCOMPARE(w.currentId(), int(InitTokenWizard::ConfirmPageId));
        QCOMPARE(child<QLineEdit>(&w, "confirmation")->text(), QStringLiteral("Kept"));
        QTRY_VERIFY_WITH_TIMEOUT(w.button(QWizard::CommitButton)->isEnabled(), 10000);
        w.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::ResultPageId), 20000);
        QVERIFY2(w.state().outcome && w.state().outcome->complete(), qPrintable(child<QLabel>(&w, "resultDetails")->text()));
        QCOMPARE(logins() - start, 4); // + the SO login for C_InitPIN
        w.accept();
        QVERIFY(oracleLogin(QStringLiteral("Kept II"), QStringLiteral("97531")));
        QVERIFY(!oracleLogin(QStringLiteral("Kept II"), QStringLiteral("123456")));
    }

    // A serial of NUL bytes, spaces or control characters: shown as "(none)" or hex,
    // never raw, and the confirmation asks for something that can be typed.
    void oddSerial_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QByteArray>("fill");
        QTest::addColumn<QString>("shown");
        QTest::newRow("NUL bytes") << QStringLiteral("Odd0") << QByteArray("0x00") << QStringLiteral("(none)");
        QTest::newRow("spaces") << QStringLiteral("Odd1") << QByteArray("0x20") << QStringLiteral("(none)");
        // As core renders an unprintable field everywhere (tree, details, --list).
        QTest::newRow("control") << QStringLiteral("Odd2") << QByteArray("0x01")
                                 << QStringLiteral("hex:01010101010101010101010101010101");
    }
    void oddSerial()
    {
        QFETCH(QString, label);
        QFETCH(QByteArray, fill);
        QFETCH(QString, shown);
        const auto plain = find(label);
        QVERIFY(plain);
        qputenv("TOKENDESK_FAULT_SERIAL_FILL", QByteArray::number(qulonglong(plain->first.slot)) + ',' + fill);
        const auto t = find(label);
        QVERIFY(t);
        InitTokenWizard w(*m_inventory, m_registry, {spec()}, t->first);
        QSignalSpy listed(&w, &InitTokenWizard::tokensListed);
        w.show();
        QVERIFY(listed.wait(10000));
        QCOMPARE(w.state().chosen->ref.slot, t->first.slot);
        auto *list = child<QTreeWidget>(&w, "tokenList");
        QCOMPARE(list->currentItem()->text(4), shown);
        QVERIFY(!list->currentItem()->text(4).contains(QChar(0)));
        forward(w)->click();
        QVERIFY(!w.currentPage()->subTitle().contains(QChar(0)));
        type(&w, "soPin", QStringLiteral("12345678"));
        forward(w)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::LabelPageId), 10000);
        type(&w, "label", label + QStringLiteral(" new"));
        forward(w)->click();
        type(&w, "userPin", QStringLiteral("86420"));
        type(&w, "userPinRepeat", QStringLiteral("86420"));
        forward(w)->click();
        QTRY_COMPARE_WITH_TIMEOUT(int(w.state().countState), int(InitTokenState::Count::Read), 10000);
        const QString summary = child<QLabel>(&w, "summary")->text();
        QVERIFY2(summary.contains(QStringLiteral("serial ") + shown), qPrintable(summary));
        const QString ask = child<QLabel>(&w, "confirmationLabel")->text();
        QVERIFY2(!ask.contains(QChar(0)) && !ask.contains(QChar(1)) && ask.contains(label), qPrintable(ask));
        QVERIFY2(!ask.contains(QStringLiteral("serial number")), qPrintable(ask)); // nothing typeable there
        type(&w, "confirmation", label);
        QVERIFY(w.button(QWizard::CommitButton)->isEnabled());
        w.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(InitTokenWizard::ResultPageId), 20000);
        QVERIFY2(w.state().outcome && w.state().outcome->complete(), qPrintable(child<QLabel>(&w, "resultDetails")->text()));
        QVERIFY(!child<QLabel>(&w, "resultDetails")->text().contains(QChar(0)));
        w.accept();
        qunsetenv("TOKENDESK_FAULT_SERIAL_FILL");
        QVERIFY(oracleLogin(label + QStringLiteral(" new"), QStringLiteral("86420")));
    }

    void cleanupTestCase() { m_inventory.reset(); }
};

QTEST_MAIN(TestLifecycleFaults)
#include "tst_lifecyclefaults.moc"
