// SPDX-License-Identifier: GPL-3.0-or-later
// Token and PIN lifecycle against real SoftHSM tokens: the pure validators, then
// initialization (free slot and used token), PIN change, SO-PIN change, wrong
// PINs and unblock, each checked through TokenDesk and through pkcs11-tool -L in
// another process (the oracle reads what SoftHSM wrote to disk).
//
// What SoftHSM 2.6 really does with wrong PINs (found with pkcs11-tool and a
// probe before writing this test, and checked again below):
//   - It never locks a PIN. Every wrong C_Login answers CKR_PIN_INCORRECT, also
//     after ten or more tries; CKR_PIN_LOCKED never comes.
//   - The first wrong PIN sets CKF_USER_PIN_COUNT_LOW (CKF_SO_PIN_COUNT_LOW for
//     the SO); it is stored with the token, so other processes see it too.
//     CKF_*_FINAL_TRY and CKF_*_LOCKED are never set.
//   - A correct login clears COUNT_LOW; so does C_InitPIN by the SO (unblock).
//   - Re-initializing (C_InitToken) needs the current SO-PIN (wrong: CKR_PIN_INCORRECT,
//     SO COUNT_LOW) and keeps the token's serial; the user PIN is gone afterwards
//     (CKF_USER_PIN_INITIALIZED clear) until C_InitPIN. In the process that ran
//     C_InitToken the slot id stays; a new process sees the token under a slot id
//     derived from its serial, so TokenDesk finds tokens by serial, never by slot.
//   - Its free slot answers C_OpenSession with CKR_TOKEN_NOT_RECOGNIZED and
//     reports CKF_SO_PIN_LOCKED | CKF_SO_PIN_TO_BE_CHANGED while blank.
// Locked and final-try tokens are therefore tested in test_lifecycle_faults.
#include "pkcs11toollist.h"
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "inventory/p11text.h"
#include "lifecycle/displayfield.h"
#include "lifecycle/inittokenvalidator.h"
#include "lifecycle/lifecycleerror.h"
#include "lifecycle/lifecyclejobs.h"
#include "lifecycle/objectcount.h"
#include "lifecycle/pinchangevalidator.h"
#include "lifecycle/pinstatus.h"
#include "lifecycle/pinvalidator.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

#include <QFile>
#include <QSet>
#include <QTest>

#include <cstring>

namespace {
SecureBytes pin(const char *s) { return SecureBytes::fromUtf8(s); }

template <std::size_t N>
void setPadded(CK_UTF8CHAR (&field)[N], const char *text)
{
    std::memset(field, ' ', N);
    std::memcpy(field, text, std::min(N, std::strlen(text)));
}

CK_TOKEN_INFO tokenInfo(CK_FLAGS flags, CK_ULONG minLen = 4, CK_ULONG maxLen = 255,
                        const char *manufacturer = "SoftHSM project", const char *label = "Old",
                        const char *serial = "0123456789abcdef")
{
    CK_TOKEN_INFO ti{};
    ti.flags = flags;
    ti.ulMinPinLen = minLen;
    ti.ulMaxPinLen = maxLen;
    setPadded(ti.manufacturerID, manufacturer);
    setPadded(ti.label, label);
    setPadded(ti.serialNumber, serial);
    setPadded(ti.model, "Model");
    return ti;
}

constexpr CK_FLAGS kReady = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_INITIALIZED | CKF_LOGIN_REQUIRED;

template <typename T>
CK_RV failureOf(QFuture<T> f)
{
    try {
        f.waitForFinished();
    } catch (const Pkcs11Error &e) {
        return e.rv();
    }
    return CKR_OK;
}

QString name(CK_RV rv) { return QString::fromLatin1(ckrName(rv)); }
} // namespace

class TestLifecycleCore : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm; // first member: SOFTHSM2_CONF is set before anything loads SoftHSM
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    QString m_module;

    ModuleSnapshot scan()
    {
        return m_inventory->scan(ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false}).result();
    }
    // The token with this label (or the blank one for an empty label), as the tree would name it.
    std::optional<std::pair<TokenRef, TokenSnapshot>> find(const QString &label)
    {
        const ModuleSnapshot snap = scan();
        for (const SlotSnapshot &s : snap.slots) {
            if (!s.token)
                continue;
            const bool initialized = s.token->info.flags & CKF_TOKEN_INITIALIZED;
            if ((label.isEmpty() && !initialized) || (initialized && s.token->label == label))
                return std::make_pair(TokenRef{snap.path, s.id, s.token->id}, *s.token);
        }
        return std::nullopt;
    }
    InitTokenRequest request(const TokenRef &ref, bool initialized, const char *label, const char *so,
                             const char *user)
    {
        InitTokenRequest r;
        r.token = ref;
        r.wasInitialized = initialized;
        r.label = InitTokenValidator::storedLabel(QString::fromUtf8(label));
        r.soPin = pin(so);
        r.userPin = pin(user);
        return r;
    }
    CK_RV login(const TokenRef &ref, CK_USER_TYPE user, const char *p)
    {
        return failureOf(m_inventory->login(ref, user, pin(p)));
    }
    CK_FLAGS flags(const TokenRef &ref) { return m_inventory->tokenInfo(ref).result().info.flags; }
    int pkcs11ToolLogin(const QString &label, const QString &p, bool so = false)
    {
        QStringList args{QStringLiteral("--module"), SoftHsmFixture::softhsmModule(), QStringLiteral("--token-label"),
                         label, QStringLiteral("--login")};
        // pkcs11-tool lists objects in a read-only session, where SoftHSM refuses an SO login
        // (CKR_SESSION_READ_ONLY_EXISTS); "change" the SO-PIN to itself instead, which needs it.
        if (so)
            args << QStringLiteral("--login-type") << QStringLiteral("so") << QStringLiteral("--so-pin") << p
                 << QStringLiteral("--change-pin") << QStringLiteral("--pin") << p << QStringLiteral("--new-pin") << p;
        else
            args << QStringLiteral("--pin") << p << QStringLiteral("-O");
        return SoftHsmFixture::runStatus(QStringLiteral("pkcs11-tool"), args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // SoftHSM reads its token directory at C_Initialize: every token made with the
        // real tools must exist before the first scan.
        m_hsm.initToken(QStringLiteral("Busy"), QStringLiteral("2468"), QStringLiteral("13572468"));
        const QStringList gen{QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("k1")};
        m_hsm.pkcs11Tool(QStringLiteral("Busy"), gen, QStringLiteral("2468"));
        const QString data = m_hsm.dir() + QStringLiteral("/data.bin");
        QFile f(data);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("some data");
        f.close();
        m_hsm.pkcs11Tool(QStringLiteral("Busy"),
                         {QStringLiteral("--write-object"), data, QStringLiteral("--type"), QStringLiteral("data"),
                          QStringLiteral("--label"), QStringLiteral("d1")},
                         QStringLiteral("2468"));
        const QString key = m_hsm.dir() + QStringLiteral("/c.key"), cert = m_hsm.dir() + QStringLiteral("/c.der");
        SoftHsmFixture::run(QStringLiteral("openssl"),
                            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                             QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-outform"),
                             QStringLiteral("DER"), QStringLiteral("-subj"), QStringLiteral("/CN=Busy"), QStringLiteral("-days"),
                             QStringLiteral("1")});
        m_hsm.pkcs11Tool(QStringLiteral("Busy"),
                         {QStringLiteral("--write-object"), cert, QStringLiteral("--type"), QStringLiteral("cert"),
                          QStringLiteral("--id"), QStringLiteral("02"), QStringLiteral("--label"), QStringLiteral("c1")},
                         QStringLiteral("2468"));
        m_hsm.initToken(QStringLiteral("Pins"), QStringLiteral("1111"), QStringLiteral("11111111"));
        m_hsm.initToken(QStringLiteral("Wrong"), QStringLiteral("2222"), QStringLiteral("22222222"));
        m_hsm.initToken(QStringLiteral("Held"), QStringLiteral("3333"), QStringLiteral("33333333"));
        m_inventory = std::make_unique<Inventory>(m_registry);
        const ModuleSnapshot snap = scan();
        QVERIFY2(snap.error.isEmpty(), qPrintable(snap.error));
        m_module = snap.path;
    }

    // ---- pure validators ----

    void pinRules()
    {
        const PinRules soft = PinRules::forToken(tokenInfo(kReady), PinRole::User);
        QCOMPARE(soft.minLength, CK_ULONG(4));
        QCOMPARE(soft.maxLength, CK_ULONG(255));
        QCOMPARE(soft.lengthText(), QStringLiteral("4 to 255 characters"));
        QVERIFY(!soft.sixteenHexDigits);
        const PinRules unknown = PinRules::forToken(tokenInfo(kReady, CK_UNAVAILABLE_INFORMATION, CK_EFFECTIVELY_INFINITE),
                                                    PinRole::User);
        QCOMPARE(unknown.minLength, CK_ULONG(0));
        QCOMPARE(unknown.maxLength, CK_ULONG(0));
        // A maximum below the minimum is a module bug: only the minimum is enforced.
        QCOMPARE(PinRules::forToken(tokenInfo(kReady, 6, 4), PinRole::User).maxLength, CK_ULONG(0));
        // SmartCard-HSM through OpenSC: the SO-PIN is 16 hex digits; the user PIN follows the token's limits.
        const CK_TOKEN_INFO hsm = tokenInfo(kReady, 6, 15, "www.CardContact.de");
        QVERIFY(PinRules::forToken(hsm, PinRole::So).sixteenHexDigits);
        QCOMPARE(PinRules::forToken(hsm, PinRole::So).minLength, CK_ULONG(16));
        QVERIFY(!PinRules::forToken(hsm, PinRole::User).sixteenHexDigits);
        QCOMPARE(PinRules::forToken(hsm, PinRole::User).maxLength, CK_ULONG(15));
        QVERIFY(PinRules::forToken(tokenInfo(kReady | CKF_PROTECTED_AUTHENTICATION_PATH), PinRole::User).protectedPath);
    }

    void pinValidator()
    {
        const PinRules r = PinRules::forToken(tokenInfo(kReady, 4, 8), PinRole::User);
        QVERIFY(PinValidator::checkNew(pin("1234"), pin("1234"), r, PinRole::User).isEmpty());
        QVERIFY(PinValidator::checkNew(pin("12345678"), pin("12345678"), r, PinRole::User).isEmpty());
        QVERIFY(PinValidator::checkNew(pin("123"), pin("123"), r, PinRole::User).contains(QStringLiteral("too short")));
        QVERIFY(PinValidator::checkNew(pin("123456789"), pin("123456789"), r, PinRole::User).contains(QStringLiteral("too long")));
        QVERIFY(PinValidator::checkNew(pin("1234"), pin("1235"), r, PinRole::User).contains(QStringLiteral("do not match")));
        QVERIFY(PinValidator::checkNew(pin("1234"), SecureBytes(), r, PinRole::User).contains(QStringLiteral("second time")));
        QVERIFY(!PinValidator::checkNew(SecureBytes(), SecureBytes(), r, PinRole::User).isEmpty());
        // Length counts UTF-8 bytes, as the token does: "äää" is 6 bytes.
        QVERIFY(PinValidator::checkNew(pin("äää"), pin("äää"), r, PinRole::User).isEmpty());
        QVERIFY(!PinValidator::checkNew(pin("ääää1"), pin("ääää1"), r, PinRole::User).isEmpty());
        // A current PIN that cannot be right is not sent: it would only cost a try.
        QVERIFY(PinValidator::checkCurrent(pin("12"), r, PinRole::User).contains(QStringLiteral("not sent")));
        QVERIFY(PinValidator::checkCurrent(pin("1234"), r, PinRole::User).isEmpty());
        // PIN pad: nothing typed, nothing to check.
        const PinRules pad = PinRules::forToken(tokenInfo(kReady | CKF_PROTECTED_AUTHENTICATION_PATH), PinRole::User);
        QVERIFY(PinValidator::checkNew(SecureBytes(), SecureBytes(), pad, PinRole::User).isEmpty());
        // SmartCard-HSM SO-PIN.
        const PinRules hex = PinRules::forToken(tokenInfo(kReady, 6, 15, "www.CardContact.de"), PinRole::So);
        QVERIFY(PinValidator::checkNew(pin("3537363231383830"), pin("3537363231383830"), hex, PinRole::So).isEmpty());
        QVERIFY(PinValidator::checkNew(pin("0123456789abcDEF"), pin("0123456789abcDEF"), hex, PinRole::So).isEmpty());
        for (const char *bad : {"12345678", "353736323138383", "35373632313838300", "353736323138383G"}) {
            const QString m = PinValidator::checkNew(pin(bad), pin(bad), hex, PinRole::So);
            QVERIFY2(m.contains(QStringLiteral("16 hexadecimal digits")), bad);
        }
    }

    void label()
    {
        QVERIFY(InitTokenValidator::checkLabel(QStringLiteral("My token")).isEmpty());
        QVERIFY(!InitTokenValidator::checkLabel(QString()).isEmpty());
        QVERIFY(!InitTokenValidator::checkLabel(QStringLiteral("   ")).isEmpty());
        QVERIFY(InitTokenValidator::checkLabel(QString(32, QLatin1Char('x'))).isEmpty());
        QVERIFY(InitTokenValidator::checkLabel(QString(33, QLatin1Char('x'))).contains(QStringLiteral("33 bytes")));
        // 16 × "ä" = 32 bytes fits; 17 do not, though they are only 17 characters.
        QVERIFY(InitTokenValidator::checkLabel(QString(16, QChar(0xE4))).isEmpty());
        QVERIFY(InitTokenValidator::checkLabel(QString(17, QChar(0xE4))).contains(QStringLiteral("34 bytes")));
        QVERIFY(!InitTokenValidator::checkLabel(QStringLiteral("a\tb")).isEmpty());
        const QByteArray stored = InitTokenValidator::storedLabel(QStringLiteral("  Grüße "));
        QCOMPARE(stored.size(), 32);
        QCOMPARE(stored, QByteArray("Gr\xC3\xBC\xC3\x9F" "e") + QByteArray(25, ' ')); // 7 bytes + 25 blanks
    }

    void confirmation()
    {
        InitTokenParams p;
        p.token = tokenInfo(kReady, 4, 255, "SoftHSM project", "Old", "abc123");
        p.label = QStringLiteral("New");
        QCOMPARE(InitTokenValidator::confirmationTargets(p), QStringList({QStringLiteral("Old"), QStringLiteral("abc123")}));
        for (const char *ok : {"Old", "abc123", " Old "}) {
            p.confirmation = QString::fromUtf8(ok);
            QVERIFY2(InitTokenValidator::checkConfirmation(p).isEmpty(), ok);
        }
        for (const char *bad : {"", "old", "New", "abc12", "Old abc123"}) {
            p.confirmation = QString::fromUtf8(bad);
            QVERIFY2(!InitTokenValidator::checkConfirmation(p).isEmpty(), bad);
        }
        // A serial of NUL bytes or control characters cannot be typed: only the label is asked for.
        for (const char *serial : {"\x01\x01\x01\x01", "ab\tcd"}) {
            p.token = tokenInfo(kReady, 4, 255, "SoftHSM project", "Old", serial);
            QCOMPARE(InitTokenValidator::confirmationTargets(p), QStringList({QStringLiteral("Old")}));
        }
        p.token = tokenInfo(kReady, 4, 255, "SoftHSM project", "Old", "");
        std::memset(p.token.serialNumber, 0, sizeof p.token.serialNumber);
        QCOMPARE(InitTokenValidator::confirmationTargets(p), QStringList({QStringLiteral("Old")}));
        // Neither label nor serial typeable: the new label, and the sentence says so.
        std::memset(p.token.label, 0, sizeof p.token.label);
        QCOMPARE(InitTokenValidator::confirmationTargets(p), QStringList({QStringLiteral("New")}));
        p.confirmation.clear();
        QCOMPARE(InitTokenValidator::checkConfirmation(p), QStringLiteral("Type the new label “New” to confirm."));
        // SoftHSM's free slot has neither label nor serial: the new label is typed instead.
        p.token = tokenInfo(CKF_SO_PIN_LOCKED, 4, 255, "SoftHSM project", "", "");
        QCOMPARE(InitTokenValidator::confirmationTargets(p), QStringList({QStringLiteral("New")}));
        p.confirmation = QStringLiteral("New");
        QVERIFY(InitTokenValidator::checkConfirmation(p).isEmpty());
    }

    // Blank or odd fields are shown as "(none)" or hex, never raw.
    void displayField_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QString>("typed");
        QTest::newRow("plain") << QStringLiteral("0123abc") << QStringLiteral("0123abc") << QStringLiteral("0123abc");
        QTest::newRow("empty") << QString() << QStringLiteral("(none)") << QString();
        QTest::newRow("spaces") << QStringLiteral("    ") << QStringLiteral("(none)") << QString();
        QTest::newRow("NULs") << QString(16, QChar(0)) << QStringLiteral("(none)") << QString();
        QTest::newRow("NUL-padded") << QStringLiteral("AB") + QString(14, QChar(0)) << QStringLiteral("AB")
                                    << QStringLiteral("AB");
        QTest::newRow("control") << QStringLiteral("A\x01" "B") << QStringLiteral("hex 41 01 42") << QString();
        QTest::newRow("unicode") << QStringLiteral("Büro") << QStringLiteral("Büro") << QStringLiteral("Büro");
    }
    void displayField()
    {
        QFETCH(QString, value);
        QFETCH(QString, shown);
        QFETCH(QString, typed);
        QCOMPARE(DisplayField::text(value), shown);
        QCOMPARE(DisplayField::typeable(value), typed);
    }

    void reportsLabel()
    {
        QVERIFY(TokenInitializer::reportsLabel(QStringLiteral("Work"), QStringLiteral("Work")));
        QVERIFY(TokenInitializer::reportsLabel(QStringLiteral("Work (UserPIN)"), QStringLiteral("Work")));
        QVERIFY(!TokenInitializer::reportsLabel(QStringLiteral("Workshop"), QStringLiteral("Work")));
        QVERIFY(!TokenInitializer::reportsLabel(QStringLiteral("Other (UserPIN)"), QStringLiteral("Work")));
    }

    void initValidatorSoPinAndToken()
    {
        InitTokenParams p;
        p.token = tokenInfo(kReady);
        p.soPin = pin("123");
        QVERIFY(InitTokenValidator::checkSoPin(p).contains(QStringLiteral("too short")));
        p.soPin = pin("12345678");
        QVERIFY(InitTokenValidator::checkSoPin(p).isEmpty()); // an initialized token: no confirmation needed
        p.token.flags |= CKF_SO_PIN_FINAL_TRY;
        QVERIFY(!InitTokenValidator::checkSoPin(p).isEmpty());
        p.soFinalTryAcknowledged = true;
        QVERIFY(InitTokenValidator::checkSoPin(p).isEmpty());
        p.token.flags = kReady | CKF_SO_PIN_LOCKED;
        QVERIFY(InitTokenValidator::checkToken(p).contains(QStringLiteral("locked")));
        p.token.flags = kReady | CKF_WRITE_PROTECTED;
        QVERIFY(InitTokenValidator::checkToken(p).contains(QStringLiteral("write-protected")));
        // A blank token: SoftHSM's SO flags (locked, to be changed) mean nothing; a new SO-PIN typed twice.
        p.token = tokenInfo(CKF_SO_PIN_LOCKED | CKF_SO_PIN_TO_BE_CHANGED, 4, 255, "SoftHSM project", "", "");
        QVERIFY(InitTokenValidator::checkToken(p).isEmpty());
        QVERIFY(!InitTokenValidator::checkSoPin(p).isEmpty());
        p.soPinConfirmation = pin("12345679");
        QVERIFY(InitTokenValidator::checkSoPin(p).contains(QStringLiteral("do not match")));
        p.soPinConfirmation = pin("12345678");
        QVERIFY(InitTokenValidator::checkSoPin(p).isEmpty());
        // The whole form, in page order.
        p.label = QStringLiteral("L");
        p.userPin = pin("9876");
        p.userPinConfirmation = pin("9876");
        p.confirmation = QStringLiteral("L");
        QVERIFY(InitTokenValidator::check(p).isEmpty());
        p.userPinConfirmation = pin("9875");
        QVERIFY(InitTokenValidator::check(p).contains(QStringLiteral("do not match")));
    }

    void pinChangeValidator()
    {
        PinChangeParams p;
        p.mode = PinChangeMode::User;
        p.token = tokenInfo(kReady);
        p.currentPin = pin("1234");
        p.newPin = pin("5678");
        p.newPinConfirmation = pin("5678");
        QVERIFY(PinChangeValidator::check(p).isEmpty());
        p.newPin = pin("1234");
        p.newPinConfirmation = pin("1234");
        QVERIFY(PinChangeValidator::check(p).contains(QStringLiteral("same")));
        p.mode = PinChangeMode::Unblock; // SO-PIN and user PIN may well be equal
        QVERIFY(PinChangeValidator::check(p).isEmpty());
        p.mode = PinChangeMode::User;
        p.newPin = pin("5678");
        p.newPinConfirmation = pin("5678");
        p.token.flags |= CKF_USER_PIN_FINAL_TRY;
        QVERIFY(PinChangeValidator::check(p).contains(QStringLiteral("one try left")));
        p.finalTryAcknowledged = true;
        QVERIFY(PinChangeValidator::check(p).isEmpty());
        p.token.flags = kReady | CKF_USER_PIN_LOCKED;
        QVERIFY(PinChangeValidator::checkState(PinChangeMode::User, p.token).contains(QStringLiteral("Unblock")));
        QVERIFY(PinChangeValidator::checkState(PinChangeMode::Unblock, p.token).isEmpty());
        p.token.flags = kReady | CKF_SO_PIN_LOCKED;
        QVERIFY(!PinChangeValidator::checkState(PinChangeMode::So, p.token).isEmpty());
        QVERIFY(!PinChangeValidator::checkState(PinChangeMode::Unblock, p.token).isEmpty());
        QVERIFY(PinChangeValidator::checkState(PinChangeMode::User, p.token).isEmpty());
        p.token.flags = CKF_TOKEN_INITIALIZED; // no user PIN yet
        QVERIFY(PinChangeValidator::checkState(PinChangeMode::User, p.token).contains(QStringLiteral("No user PIN")));
        QVERIFY(PinChangeValidator::checkState(PinChangeMode::Unblock, p.token).isEmpty());
    }

    void pinStatus()
    {
        using S = PinStatus::State;
        QCOMPARE(PinStatus::of(tokenInfo(kReady), PinRole::User).state, S::Ok);
        QCOMPARE(PinStatus::of(tokenInfo(kReady | CKF_USER_PIN_COUNT_LOW), PinRole::User).state, S::CountLow);
        QCOMPARE(PinStatus::of(tokenInfo(kReady | CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY), PinRole::User).state,
                 S::FinalTry);
        QCOMPARE(PinStatus::of(tokenInfo(kReady | CKF_USER_PIN_LOCKED), PinRole::User).state, S::Locked);
        QCOMPARE(PinStatus::of(tokenInfo(kReady | CKF_USER_PIN_LOCKED), PinRole::So).state, S::Ok);
        QCOMPARE(PinStatus::of(tokenInfo(kReady | CKF_SO_PIN_FINAL_TRY), PinRole::So).state, S::FinalTry);
        QCOMPARE(PinStatus::of(tokenInfo(CKF_TOKEN_INITIALIZED), PinRole::User).state, S::NotSet);
        // SoftHSM's free slot, as read: 0xc00025.
        QCOMPARE(PinStatus::of(tokenInfo(0xc00025), PinRole::So).state, S::NotSet);
        QCOMPARE(PinStatus::of(tokenInfo(kReady | CKF_USER_PIN_FINAL_TRY), PinRole::User).summary(PinRole::User),
                 QStringLiteral("User PIN: one try left"));
        // COUNT_LOW says a wrong PIN was entered since the last successful login, nothing
        // about the tries left (SoftHSM sets it after one wrong PIN and never locks).
        const PinStatus low = PinStatus::of(tokenInfo(kReady | CKF_USER_PIN_COUNT_LOW), PinRole::User);
        QCOMPARE(low.summary(PinRole::User),
                 QStringLiteral("User PIN: a wrong PIN was entered since the last successful login"));
        QCOMPARE(low.triesLeft(), -1);
        for (const QString &text : {low.summary(PinRole::User), low.advice(PinRole::User), low.advice(PinRole::So)})
            QVERIFY2(!text.contains(QStringLiteral("few")) && !text.contains(QStringLiteral("often three")), qPrintable(text));
        QCOMPARE(PinStatus::of(tokenInfo(kReady | CKF_USER_PIN_FINAL_TRY), PinRole::User).triesLeft(), 1);
        QCOMPARE(PinStatus::of(tokenInfo(kReady | CKF_USER_PIN_LOCKED), PinRole::User).triesLeft(), 0);
        QCOMPARE(PinStatus::of(tokenInfo(kReady | CKF_SO_PIN_LOCKED), PinRole::So).summary(PinRole::So),
                 QStringLiteral("SO-PIN: locked (no tries left)"));
        // A blank token has no SO-PIN to be locked (SoftHSM's free slot says "locked").
        QCOMPARE(PinStatus::of(tokenInfo(0xc00025), PinRole::So).summary(PinRole::So), QStringLiteral("SO-PIN: not set"));
    }

    void objectCount()
    {
        TokenContents c;
        auto add = [&c](CK_OBJECT_CLASS cls) {
            ObjectInfo o;
            o.cls = cls;
            c.objects.push_back(o);
        };
        QCOMPARE(ObjectCount::of(c).describe(), QStringLiteral("no objects"));
        add(CKO_CERTIFICATE);
        QCOMPARE(ObjectCount::of(c).describe(), QStringLiteral("1 certificate"));
        add(CKO_PRIVATE_KEY);
        add(CKO_PUBLIC_KEY);
        add(CKO_SECRET_KEY);
        add(CKO_DATA);
        add(CKO_DATA);
        c.privateObjectsHidden = true;
        const ObjectCount n = ObjectCount::of(c);
        QCOMPARE(n.keys(), 3);
        QCOMPARE(n.total(), 6);
        QVERIFY(n.privateObjectsHidden);
        QCOMPARE(n.describe(), QStringLiteral("3 keys (1 private, 1 public, 1 secret), 1 certificate and 2 other objects"));
    }

    // Every error the issue names gets its own sentence (not the generic fallback), with its code.
    void errorSentences()
    {
        const CK_TOKEN_INFO ti = tokenInfo(kReady | CKF_USER_PIN_COUNT_LOW, 4, 255);
        const QString generic = userError(CKR_GENERAL_ERROR).sentence;
        QSet<QString> seen;
        for (CK_RV rv : {CKR_PIN_INCORRECT, CKR_PIN_LEN_RANGE, CKR_PIN_INVALID, CKR_PIN_LOCKED,
                         CKR_TOKEN_WRITE_PROTECTED, CKR_SESSION_EXISTS, CKR_TOKEN_NOT_PRESENT}) {
            const UserError e = lifecycleError(rv, ti, PinRole::User, PinRole::User);
            QVERIFY2(!e.sentence.isEmpty() && e.sentence != generic, ckrName(rv));
            QCOMPARE(e.code, name(rv));
            QVERIFY2(e.text().endsWith(QStringLiteral("(%1)").arg(name(rv))), qPrintable(e.text()));
            QVERIFY2(!seen.contains(e.sentence), qPrintable(e.sentence));
            seen.insert(e.sentence);
        }
        QVERIFY(lifecycleError(CKR_PIN_LEN_RANGE, ti, PinRole::User, PinRole::User).sentence
                    .contains(QStringLiteral("4 to 255 characters")));
        // The flags after one wrong PIN on SoftHSM: COUNT_LOW, which is no "few tries left".
        CK_TOKEN_INFO low = ti;
        low.flags |= CKF_USER_PIN_COUNT_LOW;
        QCOMPARE(lifecycleError(CKR_PIN_INCORRECT, low, PinRole::User, PinRole::User).sentence,
                 QStringLiteral("Wrong PIN. The token does not say how many tries are left; check the PIN before you "
                                "try again."));
        low.flags |= CKF_SO_PIN_COUNT_LOW | CKF_SO_PIN_FINAL_TRY;
        QCOMPARE(lifecycleError(CKR_PIN_INCORRECT, low, PinRole::So, PinRole::So).sentence,
                 QStringLiteral("Wrong SO-PIN. One try left: the next wrong SO-PIN locks it."));
        const CK_TOKEN_INFO hsm = tokenInfo(kReady, 6, 15, "www.CardContact.de");
        QVERIFY(lifecycleError(CKR_PIN_INVALID, hsm, PinRole::So, PinRole::So).sentence
                    .contains(QStringLiteral("16 hexadecimal")));
        QCOMPARE(lifecycleError(CKR_SESSION_READ_ONLY_EXISTS, ti, PinRole::So, PinRole::So).sentence,
                 lifecycleError(CKR_TOKEN_WRITE_PROTECTED, ti, PinRole::So, PinRole::So).sentence);
    }

    // ---- real SoftHSM ----

    // A new SO-PIN that is too short reaches SoftHSM (the core job does not validate; the
    // wizard does). SoftHSM's C_InitToken answers it with CKR_PIN_INCORRECT, not
    // CKR_PIN_LEN_RANGE — on a blank token, which has no PIN to be wrong — and the token
    // stays blank. The wizard's result page turns that into "refused the new SO-PIN".
    void blankTokenRefusesShortSoPin()
    {
        const auto blank = find(QString());
        QVERIFY(blank);
        QFuture<InitTokenOutcome> f =
            LifecycleJobs::initToken(*m_inventory, m_registry, request(blank->first, false, "Short", "12", "5555"));
        const CK_RV rv = failureOf(f);
        QCOMPARE(name(rv), QStringLiteral("CKR_PIN_INCORRECT"));
        QVERIFY(initTokenError(rv, blank->second.info, false).sentence.contains(QStringLiteral("refused the new SO-PIN")));
        QVERIFY(initTokenError(rv, blank->second.info, true).sentence.startsWith(QStringLiteral("Wrong SO-PIN")));
        QVERIFY(find(QString()));
        QVERIFY(!find(QStringLiteral("Short")));
    }

    void initializeFreeSlot()
    {
        const auto blank = find(QString());
        QVERIFY(blank);
        QCOMPARE(blank->first.id.serial, QString()); // SoftHSM's free slot: no serial yet
        const int before = int(Pkcs11ToolList::read(SoftHsmFixture::softhsmModule()).size());

        const InitTokenOutcome o =
            LifecycleJobs::initToken(*m_inventory, m_registry, request(blank->first, false, "Fresh", "87654321", "4321"))
                .result();
        QVERIFY2(o.complete(), o.followUpError ? qPrintable(userError(o.followUpError).text()) : "verification");
        QCOMPARE(o.snapshot.label, QStringLiteral("Fresh"));
        QVERIFY(!o.token.id.serial.isEmpty());
        QVERIFY(o.snapshot.info.flags & CKF_USER_PIN_INITIALIZED);

        // Through TokenDesk: the new reference works, and the user PIN logs in.
        QCOMPARE(login(o.token, CKU_USER, "4321"), CKR_OK);
        QVERIFY(m_inventory->readObjects(o.token).result().loggedIn);
        m_inventory->logout(o.token).waitForFinished();

        // Through pkcs11-tool in another process: label and flags, and the PINs work.
        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), o.token.id.serial);
        QVERIFY(oracle.initialized);
        QCOMPARE(oracle.label, QStringLiteral("Fresh"));
        QVERIFY2(oracle.has("token initialized") && oracle.has("PIN initialized"), qPrintable(oracle.flags.join(u',')));
        QVERIFY(!oracle.has("user PIN count low"));
        QCOMPARE(pkcs11ToolLogin(QStringLiteral("Fresh"), QStringLiteral("4321")), 0);
        QCOMPARE(pkcs11ToolLogin(QStringLiteral("Fresh"), QStringLiteral("87654321"), true), 0);
        // SoftHSM offers a new free slot next to it.
        QCOMPARE(int(Pkcs11ToolList::read(SoftHsmFixture::softhsmModule()).size()), before + 1);
    }

    void reinitializeTokenWithObjects()
    {
        const auto busy = find(QStringLiteral("Busy"));
        QVERIFY(busy);
        const TokenRef ref = busy->first;
        // Not logged in: only public objects are listed (the private key is not).
        const ObjectCount publicOnly = ObjectCount::of(m_inventory->readObjects(ref).result());
        QVERIFY(publicOnly.privateObjectsHidden);
        QCOMPARE(publicOnly.privateKeys, 0);
        QCOMPARE(publicOnly.publicKeys, 1);
        QCOMPARE(publicOnly.certificates, 1);
        QCOMPARE(publicOnly.other, 1);
        QCOMPARE(login(ref, CKU_USER, "2468"), CKR_OK);
        const ObjectCount all = ObjectCount::of(m_inventory->readObjects(ref).result());
        QVERIFY(!all.privateObjectsHidden);
        QCOMPARE(all.privateKeys, 1);
        QCOMPARE(all.total(), 4);

        // Logged in and holding a session: withoutSession closes ours first.
        const InitTokenOutcome o =
            LifecycleJobs::initToken(*m_inventory, m_registry, request(ref, true, "Renewed", "13572468", "8642"))
                .result();
        QVERIFY2(o.complete(), o.followUpError ? qPrintable(userError(o.followUpError).text()) : "verification");
        QCOMPARE(o.token.id.serial, ref.id.serial); // SoftHSM keeps the serial on re-initialization
        QCOMPARE(o.snapshot.label, QStringLiteral("Renewed"));

        QCOMPARE(login(o.token, CKU_USER, "8642"), CKR_OK);
        const TokenContents after = m_inventory->readObjects(o.token).result();
        QVERIFY(after.loggedIn);
        QCOMPARE(int(after.objects.size()), 0);
        m_inventory->logout(o.token).waitForFinished();
        QCOMPARE(name(login(o.token, CKU_USER, "2468")), QStringLiteral("CKR_PIN_INCORRECT"));

        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), ref.id.serial);
        QCOMPARE(oracle.label, QStringLiteral("Renewed"));
        QVERIFY(oracle.has("token initialized") && oracle.has("PIN initialized"));
        const QByteArray objects = m_hsm.pkcs11Tool(QStringLiteral("Renewed"), {QStringLiteral("-O")}, QStringLiteral("8642"));
        QVERIFY2(!objects.contains("Object") && !objects.contains("label:"), objects.constData());
    }

    void reinitializeWithWrongSoPin()
    {
        const auto wrong = find(QStringLiteral("Wrong"));
        QVERIFY(wrong);
        QFuture<InitTokenOutcome> f = LifecycleJobs::initToken(*m_inventory, m_registry,
                                                               request(wrong->first, true, "Hijacked", "99999999", "7777"));
        QCOMPARE(name(failureOf(f)), QStringLiteral("CKR_PIN_INCORRECT"));
        const CK_FLAGS after = flags(wrong->first);
        QVERIFY(after & CKF_SO_PIN_COUNT_LOW);
        QVERIFY(!(after & (CKF_SO_PIN_FINAL_TRY | CKF_SO_PIN_LOCKED)));
        QVERIFY(lifecycleError(CKR_PIN_INCORRECT, m_inventory->tokenInfo(wrong->first).result().info, PinRole::So,
                               PinRole::So)
                    .sentence.startsWith(QStringLiteral("Wrong SO-PIN")));
        // Nothing changed: label, user PIN.
        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), wrong->first.id.serial);
        QCOMPARE(oracle.label, QStringLiteral("Wrong"));
        QVERIFY(oracle.has("SO PIN count low"));
        QCOMPARE(login(wrong->first, CKU_USER, "2222"), CKR_OK);
        m_inventory->logout(wrong->first).waitForFinished();
    }

    // SoftHSM refuses C_InitToken while any session of this process is open on the token:
    // a real CKR_SESSION_EXISTS. (Across processes it cannot happen with SoftHSM: each
    // process has its own library instance and sessions.)
    void sessionExistsDuringInit()
    {
        const auto held = find(QStringLiteral("Held"));
        QVERIFY(held);
        std::shared_ptr<Module> module = m_registry.load(SoftHsmFixture::softhsmModule());
        CK_RV rv = CKR_OK;
        {
            // Another component of this process holds a session (as a browser's NSS would in its
            // own process). A QCoreApplication test thread is not a GUI thread: no guard trips.
            Session other(module, held->first.slot, false);
            rv = failureOf(LifecycleJobs::initToken(*m_inventory, m_registry,
                                                    request(held->first, true, "Taken", "33333333", "3333")));
        }
        QCOMPARE(name(rv), QStringLiteral("CKR_SESSION_EXISTS"));
        QVERIFY(lifecycleError(rv, held->second.info, PinRole::So, PinRole::So).sentence.contains(QStringLiteral("Close other programs")));
        QCOMPARE(Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), held->first.id.serial).label, QStringLiteral("Held"));
    }

    void changeUserPin()
    {
        const auto t = find(QStringLiteral("Pins"));
        QVERIFY(t);
        const TokenRef ref = t->first;
        PinChangeRequest r;
        r.mode = PinChangeMode::User;
        r.currentPin = pin("1111");
        r.newPin = pin("1212");
        LifecycleJobs::changePin(*m_inventory, ref, std::move(r)).waitForFinished();
        QVERIFY(!m_inventory->readObjects(ref).result().loggedIn); // not asked to stay logged in
        QCOMPARE(pkcs11ToolLogin(QStringLiteral("Pins"), QStringLiteral("1212")), 0);
        QCOMPARE(login(ref, CKU_USER, "1212"), CKR_OK);
        m_inventory->logout(ref).waitForFinished();

        // Again, staying logged in; the PIN itself is not kept (SecureBytes wiped by the job).
        PinChangeRequest stay;
        stay.mode = PinChangeMode::User;
        stay.currentPin = pin("1212");
        stay.newPin = pin("1313");
        stay.stayLoggedIn = true;
        LifecycleJobs::changePin(*m_inventory, ref, std::move(stay)).waitForFinished();
        QVERIFY(m_inventory->readObjects(ref).result().loggedIn);
        // Logged in already: C_SetPIN directly.
        PinChangeRequest again;
        again.mode = PinChangeMode::User;
        again.currentPin = pin("1313");
        again.newPin = pin("1414");
        LifecycleJobs::changePin(*m_inventory, ref, std::move(again)).waitForFinished();
        QVERIFY(m_inventory->readObjects(ref).result().loggedIn); // who was logged in stays logged in
        m_inventory->logout(ref).waitForFinished();
        QCOMPARE(pkcs11ToolLogin(QStringLiteral("Pins"), QStringLiteral("1414")), 0);
        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), ref.id.serial);
        QVERIFY(oracle.has("PIN initialized") && !oracle.has("user PIN count low"));

        // A wrong current PIN: one failed C_Login, counted; the PIN stays.
        PinChangeRequest wrong;
        wrong.mode = PinChangeMode::User;
        wrong.currentPin = pin("0000");
        wrong.newPin = pin("1515");
        QCOMPARE(name(failureOf(LifecycleJobs::changePin(*m_inventory, ref, std::move(wrong)))),
                 QStringLiteral("CKR_PIN_INCORRECT"));
        QVERIFY(flags(ref) & CKF_USER_PIN_COUNT_LOW);
        QVERIFY(Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), ref.id.serial).has("user PIN count low"));

        // A new PIN the token refuses: SoftHSM's own CKR_PIN_LEN_RANGE, with the limits in the sentence.
        PinChangeRequest shortPin;
        shortPin.mode = PinChangeMode::User;
        shortPin.currentPin = pin("1414");
        shortPin.newPin = pin("12");
        const CK_RV rv = failureOf(LifecycleJobs::changePin(*m_inventory, ref, std::move(shortPin)));
        QCOMPARE(name(rv), QStringLiteral("CKR_PIN_LEN_RANGE"));
        QVERIFY(lifecycleError(rv, t->second.info, PinRole::User, PinRole::User).text()
                    .contains(QStringLiteral("4 to 255 characters")));
        QVERIFY(!m_inventory->readObjects(ref).result().loggedIn); // the login made for it was ended
        QCOMPARE(login(ref, CKU_USER, "1414"), CKR_OK);
        m_inventory->logout(ref).waitForFinished();
    }

    void changeSoPin()
    {
        const auto t = find(QStringLiteral("Pins"));
        QVERIFY(t);
        const TokenRef ref = t->first;
        QCOMPARE(login(ref, CKU_USER, "1414"), CKR_OK); // the SO change must end this login first
        PinChangeRequest r;
        r.mode = PinChangeMode::So;
        r.currentPin = pin("11111111");
        r.newPin = pin("12121212");
        LifecycleJobs::changePin(*m_inventory, ref, std::move(r)).waitForFinished();
        QVERIFY(!m_inventory->readObjects(ref).result().loggedIn); // the SO is never left logged in
        QCOMPARE(login(ref, CKU_SO, "12121212"), CKR_OK);
        m_inventory->logout(ref).waitForFinished();
        QCOMPARE(pkcs11ToolLogin(QStringLiteral("Pins"), QStringLiteral("12121212"), true), 0);
        QVERIFY(pkcs11ToolLogin(QStringLiteral("Pins"), QStringLiteral("11111111"), true) != 0);
        // The user PIN is untouched.
        QCOMPARE(login(ref, CKU_USER, "1414"), CKR_OK);
        m_inventory->logout(ref).waitForFinished();
        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), ref.id.serial);
        QVERIFY(oracle.has("PIN initialized"));
    }

    // See the comment at the top: SoftHSM 2.6 counts, flags COUNT_LOW, and never locks.
    void wrongUserPinsNeverLockSoftHsm()
    {
        const auto t = find(QStringLiteral("Renewed"));
        QVERIFY(t);
        const TokenRef ref = t->first;
        QVERIFY(!(flags(ref) & CKF_USER_PIN_COUNT_LOW));
        for (int i = 1; i <= 10; ++i) {
            QCOMPARE(name(login(ref, CKU_USER, "0000")), QStringLiteral("CKR_PIN_INCORRECT"));
            const CK_FLAGS f = flags(ref);
            QVERIFY2(f & CKF_USER_PIN_COUNT_LOW, qPrintable(QString::number(i)));
            QVERIFY2(!(f & (CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED)), qPrintable(QString::number(i)));
            if (i == 3) {
                const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), ref.id.serial);
                QVERIFY(oracle.has("user PIN count low"));
                QVERIFY(!oracle.has("final user PIN try") && !oracle.has("user PIN locked"));
                // What TokenDesk says after the third try, with the flags it re-read: no
                // "few tries left", which SoftHSM's COUNT_LOW does not mean.
                CK_TOKEN_INFO after{};
                after.flags = f;
                const QString said = lifecycleError(CKR_PIN_INCORRECT, after, PinRole::User, PinRole::User).sentence;
                QVERIFY2(!said.contains(QStringLiteral("few")) && said.contains(QStringLiteral("does not say how many")),
                         qPrintable(said));
            }
        }
        // Still not locked: the right PIN works and clears COUNT_LOW.
        QCOMPARE(login(ref, CKU_USER, "8642"), CKR_OK);
        QVERIFY(!(flags(ref) & CKF_USER_PIN_COUNT_LOW));
        m_inventory->logout(ref).waitForFinished();
        QVERIFY(!Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), ref.id.serial).has("user PIN count low"));
    }

    // Unblock = SO login + C_InitPIN. On SoftHSM there is no lock to lift, but it resets
    // the PIN and clears COUNT_LOW, which is exactly what the SO does for a user who forgot it.
    void unblockWithSo()
    {
        const auto t = find(QStringLiteral("Renewed"));
        QVERIFY(t);
        const TokenRef ref = t->first;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(name(login(ref, CKU_USER, "0000")), QStringLiteral("CKR_PIN_INCORRECT"));
        QVERIFY(flags(ref) & CKF_USER_PIN_COUNT_LOW);

        PinChangeRequest wrongSo;
        wrongSo.mode = PinChangeMode::Unblock;
        wrongSo.currentPin = pin("00000000");
        wrongSo.newPin = pin("5151");
        QCOMPARE(name(failureOf(LifecycleJobs::changePin(*m_inventory, ref, std::move(wrongSo)))),
                 QStringLiteral("CKR_PIN_INCORRECT"));

        PinChangeRequest r;
        r.mode = PinChangeMode::Unblock;
        r.currentPin = pin("13572468");
        r.newPin = pin("5151");
        LifecycleJobs::changePin(*m_inventory, ref, std::move(r)).waitForFinished();
        const CK_FLAGS f = flags(ref);
        QVERIFY(!(f & CKF_USER_PIN_COUNT_LOW));
        QVERIFY(!(f & CKF_SO_PIN_COUNT_LOW)); // the good SO login cleared the SO's wrong try too
        QCOMPARE(login(ref, CKU_USER, "5151"), CKR_OK);
        m_inventory->logout(ref).waitForFinished();
        const Pkcs11ToolSlot oracle = Pkcs11ToolList::bySerial(SoftHsmFixture::softhsmModule(), ref.id.serial);
        QVERIFY(oracle.has("PIN initialized"));
        QVERIFY(!oracle.has("user PIN count low"));
        QCOMPARE(pkcs11ToolLogin(QStringLiteral("Renewed"), QStringLiteral("5151")), 0);
    }

    void cleanupTestCase() { m_inventory.reset(); }
};

QTEST_GUILESS_MAIN(TestLifecycleCore)
#include "tst_lifecyclecore.moc"
