// SPDX-License-Identifier: GPL-3.0-or-later
// SmartCard-HSM device work (issue 16) against the emulated card behind a real
// pcscd (run through with_card.sh). Every state change TokenDesk makes is read
// back with sc-hsm-tool / pkcs11-tool, and TokenDesk reads what they did.
#include "listrun.h"
#include "schsmtestsupport.h"
#include "dkek/dkeksharejobs.h"
#include "dkek/keycheckvalue.h"
#include "dkek/passwordsharing.h"
#include "p11/module.h"
#include "schsm/apdu.h"
#include "schsm/dkekimportplan.h"
#include "schsm/initializedevicevalidator.h"
#include "schsm/schsmcard.h"
#include "schsm/schsmdevice.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmjobs.h"
#include "schsm/schsmobjects.h"
#include "schsm/tlv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <map>

using namespace SchsmTest;

namespace {
const char *kVectorPassword = "TokenDesk vector one";
const QByteArray kPasswordShareKcv = QByteArray::fromHex("1869AACFBA17D873"); // vectors README
const QByteArray kTwoOfThreeKcv = QByteArray::fromHex("09DE576F12F7DC1B");    // vectors README
const QByteArray kBothSharesKcv = QByteArray::fromHex("37F1C935F7EE4831");    // vectors README, real device

QString dataFile(const QString &name)
{
    return QStringLiteral(TOKENDESK_TEST_DATA "/dkek/") + name;
}

InitializeDeviceParams params(const char *soPin, const char *userPin, int shares)
{
    InitializeDeviceParams p;
    p.currentSoPin = SecureBytes::fromUtf8(soPin);
    p.userPin = SecureBytes::fromUtf8(userPin);
    p.dkekShares = shares;
    p.acceptNoDkek = shares == 0;
    return p;
}

// The token label OpenSC's module, loaded in this process, reports for the first token.
QString inProcessTokenLabel(Module &module)
{
    for (CK_SLOT_ID slot : slotList(module, true)) {
        CK_TOKEN_INFO info{};
        if (P11CALL(module, C_GetTokenInfo, slot, &info) != CKR_OK)
            continue;
        return QString::fromUtf8(reinterpret_cast<const char *>(info.label), sizeof info.label).trimmed();
    }
    return {};
}

QString errorText(const std::function<void()> &fn, SchsmError::Code *code = nullptr, quint16 *sw = nullptr)
{
    try {
        fn();
    } catch (const SchsmError &e) {
        if (code)
            *code = e.code();
        if (sw)
            *sw = e.sw();
        return e.message();
    }
    return {};
}
} // namespace

class TestSchsm : public QObject {
    Q_OBJECT
private:
    QString m_reader;
    DkekShareInput m_passwordShare; // share-password.pbe
    DkekShareInput m_nOfMShare;     // share-2of3.pbe, opened from custodian shares 1 and 3

    void factory()
    {
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
    }
    void initializeWithScHsmTool(int shares)
    {
        factory();
        const ToolRun r = runTool(QStringLiteral("sc-hsm-tool"),
                                  {QStringLiteral("--initialize"), QStringLiteral("--so-pin"),
                                   QStringLiteral("3537363231383830"), QStringLiteral("--pin"), QStringLiteral("648219"),
                                   QStringLiteral("--dkek-shares"), QString::number(shares), QStringLiteral("--label"),
                                   QStringLiteral("toolinit")});
        QVERIFY2(r.exitCode == 0 && !r.out.contains(QLatin1String("failed")), qPrintable(r.out));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_reader = QString::fromUtf8(qgetenv("SCHSM_READER"));
        QVERIFY2(!m_reader.isEmpty() && !qEnvironmentVariableIsEmpty("SCHSM_CONTROL"),
                 "run this test through tests/schsm/with_card.sh");

        OpenShareRequest req;
        req.path = dataFile(QStringLiteral("share-password.pbe"));
        req.passwords.push_back(SecureBytes::fromUtf8(kVectorPassword));
        auto opened = DkekShareJobs::open(req);
        QVERIFY(opened);
        QCOMPARE(opened->kcv, kPasswordShareKcv);
        m_passwordShare = {QStringLiteral("share-password.pbe"), opened->kcv, opened->share};

        // n-of-m: custodians 1 and 3 of the vector's 2-of-3 split.
        const auto custodians = CustodianShare::parsePrinted(SecureBytes::fromUtf8(
            "Prime       : ff:0e:2e:17:8f:74:6c:cb\n"
            "Share ID    : 1\nShare value : e6:fb:13:da:9e:fd:45:07\n"
            "Share ID    : 3\nShare value : de:de:84:87:b7:9d:a3:6e\n"));
        QCOMPARE(custodians.size(), std::size_t(2));
        const SecureBytes secret = PasswordSharing::reconstruct({&custodians[0], &custodians[1]});
        OpenShareRequest nOfM;
        nOfM.path = dataFile(QStringLiteral("share-2of3.pbe"));
        nOfM.passwords = PasswordSharing::passwordCandidates(secret);
        nOfM.fromCustodianShares = true;
        auto opened2 = DkekShareJobs::open(nOfM);
        QVERIFY(opened2);
        QCOMPARE(opened2->kcv, kTwoOfThreeKcv);
        m_nOfMShare = {QStringLiteral("share-2of3.pbe"), opened2->kcv, opened2->share};
    }

    // A test that took the card out puts it back, whatever happened.
    void cleanup()
    {
        QCOMPARE(control(QStringLiteral("insert")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(m_reader), 10000);
    }

    // --- pure parts -----------------------------------------------------------
    void commandApduEncodings()
    {
        const SecureBytes data = SecureBytes::fromUtf8("123456");
        const auto hex = [](const CommandApdu &a) {
            return QByteArray(reinterpret_cast<const char *>(a.bytes().data()), qsizetype(a.bytes().size())).toHex();
        };
        QCOMPARE(hex(CommandApdu(0x00, 0x20, 0x00, 0x81)), QByteArray("00200081"));
        QCOMPARE(hex(CommandApdu(0x00, 0x20, 0x00, 0x81, data)), QByteArray("00200081063132333435 36").replace(' ', ""));
        QCOMPARE(hex(CommandApdu(0x80, 0x52, 0x00, 0x00, SecureBytes(), 256)), QByteArray("8052000000"));
        QCOMPARE(hex(CommandApdu(0x80, 0x58, 0x00, 0x00, SecureBytes(), 65536)), QByteArray("80580000000000"));
        QCOMPARE(hex(CommandApdu(0x00, 0xB1, 0x2F, 0x02, data, 1024)), QByteArray("00b12f0200000631323334353604 00").replace(' ', ""));
        SecureBytes big(300);
        const CommandApdu ext(0x00, 0xD7, 0x00, 0x00, big);
        QCOMPARE(ext.bytes().size(), CK_ULONG(4 + 3 + 300));
        QVERIFY(!errorText([] { CommandApdu(0, 0, 0, 0, SecureBytes(), 70000); }).isEmpty());
        QVERIFY(!errorText([] { const unsigned char one = 0x90; ResponseApdu::parse(&one, 1); }).isEmpty());
        const unsigned char ok[3] = {0x01, 0x90, 0x00};
        const ResponseApdu r = ResponseApdu::parse(ok, 3);
        QCOMPARE(r.sw, quint16(0x9000));
        QCOMPARE(r.data, QByteArray(1, '\x01'));
    }

    void tlvChecksLengths()
    {
        QVERIFY(!TlvReader(QByteArray::fromHex("5F2005414243")).next()); // 5 bytes announced, 3 there
        QVERIFY(!TlvReader(QByteArray::fromHex("5F")).next());
        QVERIFY(!TlvReader(QByteArray::fromHex("538301")).next());      // 3-byte length: refused
        const auto item = TlvReader(QByteArray::fromHex("5F2003414243")).next();
        QVERIFY(item);
        QCOMPARE(item->tag, quint16(0x5F20));
        QCOMPARE(item->value, QByteArray("ABC"));
        QCOMPARE(SchsmCard::serialFromDeviceCertificate(QByteArray::fromHex("7F2105")), QString());
        QVERIFY_THROWS_EXCEPTION(SchsmError, DkekState::parse(QByteArray(9, '\0')));
        QVERIFY_THROWS_EXCEPTION(SchsmError, DkekState::parse(QByteArray::fromHex("0103") + QByteArray(8, '\0')));
    }

    void statusWordSentences_data()
    {
        QTest::addColumn<int>("sw");
        QTest::addColumn<int>("context");
        QTest::addColumn<QString>("text");
        QTest::newRow("so 63C2") << 0x63C2 << int(SwContext::SoPin) << QStringLiteral("Wrong SO-PIN — 2 tries left (SW 63C2)");
        QTest::newRow("so 63C1") << 0x63C1 << int(SwContext::SoPin) << QStringLiteral("Wrong SO-PIN — 1 tries left (SW 63C1)");
        QTest::newRow("user 63C0") << 0x63C0 << int(SwContext::UserPin)
                                   << QStringLiteral("Wrong user PIN — no tries left: the user PIN is now locked (SW 63C0)");
        QTest::newRow("so locked") << 0x6983 << int(SwContext::SoPin)
                                   << QStringLiteral("The SO-PIN is locked: the device refuses initialization and PIN resets for good (SW 6983)");
        QTest::newRow("6A88") << 0x6A88 << int(SwContext::SoPin) << QStringLiteral("The device has not been initialized yet (SW 6A88)");
        QTest::newRow("6985 dkek") << 0x6985 << int(SwContext::DkekImport)
                                   << QStringLiteral("The device takes no DKEK share now: it is not initialized, was initialized "
                                                     "without DKEK shares, or already has all of them (SW 6985)");
        QTest::newRow("6982") << 0x6982 << int(SwContext::General) << QStringLiteral("The device refused: log in with the user PIN first (SW 6982)");
    }
    void statusWordSentences()
    {
        QFETCH(int, sw);
        QFETCH(int, context);
        QFETCH(QString, text);
        const SchsmError e = SchsmError::fromStatusWord(quint16(sw), SwContext(context));
        QCOMPARE(e.message(), text);
        QCOMPARE(e.sw(), quint16(sw));
        // The wizards' "nothing changed": the device's sentence closed with its full stop.
        QVERIFY(e.changedNothing());
        QCOMPARE(e.messageNothingChanged(), text + QStringLiteral(". Nothing on the device was changed."));
    }

    void nothingChangedAfterARefusal()
    {
        const SchsmError e = SchsmError::refused(QStringLiteral("An SO-PIN has 16 hexadecimal digits."));
        QVERIFY(e.changedNothing());
        QCOMPARE(e.messageNothingChanged(),
                 QStringLiteral("An SO-PIN has 16 hexadecimal digits. Nothing on the device was changed."));
        QVERIFY(!SchsmError(SchsmError::Code::PartlyDone, QStringLiteral("x")).changedNothing());
        QVERIFY(!SchsmError(SchsmError::Code::Removed, QStringLiteral("x")).changedNothing());
    }

    void validatorRules_data()
    {
        QTest::addColumn<QByteArray>("so");
        QTest::addColumn<QByteArray>("newSo");
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<int>("retry");
        QTest::addColumn<int>("shares");
        QTest::addColumn<bool>("acceptNoDkek");
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("transport");
        QTest::addColumn<bool>("ok");
        QTest::newRow("fine") << QByteArray("0011223344556677") << QByteArray() << QByteArray("123456") << 3 << 1 << false << "x" << false << true;
        QTest::newRow("so short") << QByteArray("00112233") << QByteArray() << QByteArray("123456") << 3 << 1 << false << "" << false << false;
        QTest::newRow("so not hex") << QByteArray("001122334455667g") << QByteArray() << QByteArray("123456") << 3 << 1 << false << "" << false << false;
        QTest::newRow("vendor default kept") << QByteArray("3537363231383830") << QByteArray() << QByteArray("123456") << 3 << 1 << false << "" << false << false;
        QTest::newRow("vendor default replaced") << QByteArray("3537363231383830") << QByteArray("A1B2C3D4E5F60718") << QByteArray("123456") << 3 << 1 << false << "" << false << true;
        QTest::newRow("new = vendor") << QByteArray("0011223344556677") << QByteArray("3537363231383830") << QByteArray("123456") << 3 << 1 << false << "" << false << false;
        QTest::newRow("new = current (case)") << QByteArray("00112233445566AA") << QByteArray("00112233445566aa") << QByteArray("123456") << 3 << 1 << false << "" << false << false;
        QTest::newRow("pin 5") << QByteArray("0011223344556677") << QByteArray() << QByteArray("12345") << 3 << 1 << false << "" << false << false;
        QTest::newRow("pin 16") << QByteArray("0011223344556677") << QByteArray() << QByteArray("1234567890123456") << 3 << 1 << false << "" << false << false;
        QTest::newRow("6 chars, 4 tries") << QByteArray("0011223344556677") << QByteArray() << QByteArray("123456") << 4 << 1 << false << "" << false << false;
        QTest::newRow("7 chars, 5 tries") << QByteArray("0011223344556677") << QByteArray() << QByteArray("1234567") << 5 << 1 << false << "" << false << true;
        QTest::newRow("8 chars, 11 tries") << QByteArray("0011223344556677") << QByteArray() << QByteArray("12345678") << 11 << 1 << false << "" << false << false;
        QTest::newRow("0 shares unticked") << QByteArray("0011223344556677") << QByteArray() << QByteArray("123456") << 3 << 0 << false << "" << false << false;
        QTest::newRow("0 shares ticked") << QByteArray("0011223344556677") << QByteArray() << QByteArray("123456") << 3 << 0 << true << "" << false << true;
        QTest::newRow("label 33 bytes") << QByteArray("0011223344556677") << QByteArray() << QByteArray("123456") << 3 << 1 << false << QString(33, QLatin1Char('x')) << false << false;
        QTest::newRow("label + transport") << QByteArray("0011223344556677") << QByteArray() << QByteArray("123456") << 3 << 1 << false << "x" << true << false;
    }
    void validatorRules()
    {
        QFETCH(QByteArray, so);
        QFETCH(QByteArray, newSo);
        QFETCH(QByteArray, pin);
        QFETCH(int, retry);
        QFETCH(int, shares);
        QFETCH(bool, acceptNoDkek);
        QFETCH(QString, label);
        QFETCH(bool, transport);
        QFETCH(bool, ok);
        InitializeDeviceParams p;
        p.currentSoPin = SecureBytes(so.constData(), std::size_t(so.size()));
        p.newSoPin = SecureBytes(newSo.constData(), std::size_t(newSo.size()));
        p.userPin = SecureBytes(pin.constData(), std::size_t(pin.size()));
        p.retryCounter = retry;
        p.dkekShares = shares;
        p.acceptNoDkek = acceptNoDkek;
        p.label = label;
        p.transportPin = transport;
        QCOMPARE(InitializeDeviceValidator::check(p).isEmpty(), ok);
    }

    void tokenInfoIsWhatScHsmToolWrites()
    {
        // Bytes read from the emulated card after `sc-hsm-tool --initialize --label "My HSM label"`.
        QCOMPARE(SchsmCard::tokenInfo(QStringLiteral("My HSM label")).toHex().toUpper(),
                 QByteArray("3015020100800C4D792048534D206C6162656C03020520"));
    }

    // --- against the device -----------------------------------------------------
    void findsTheDevice()
    {
        QCOMPARE(SchsmDevice::findReaders(), QStringList{m_reader});
    }

    void freshDeviceStatusMatchesScHsmTool()
    {
        factory();
        const SchsmStatus s = SchsmDevice::readStatus(m_reader);
        const auto facts = scHsmToolFacts();
        QCOMPARE(fact(facts, QStringLiteral("never initialized")), QStringLiteral("yes"));
        QVERIFY(!s.initialized());
        QCOMPARE(s.soPin.kind, PinState::Kind::NotInitialized);
        QCOMPARE(s.firmwareText(), fact(facts, QStringLiteral("Version")));
    }

    void initialize_data()
    {
        QTest::addColumn<int>("shares");
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("retry");
        QTest::addColumn<bool>("rrc");
        QTest::addColumn<bool>("changeSoPin");
        QTest::newRow("0 shares, no label") << 0 << QString() << 3 << true << false;
        QTest::newRow("1 share, label, 5 tries") << 1 << QStringLiteral("Vault A") << 5 << false << true;
        QTest::newRow("2 shares, unicode label") << 2 << QStringLiteral("Tresor Ö") << 10 << true << true;
    }
    void initialize()
    {
        QFETCH(int, shares);
        QFETCH(QString, label);
        QFETCH(int, retry);
        QFETCH(bool, rrc);
        QFETCH(bool, changeSoPin);
        factory();
        const QByteArray userPin = retry > 5 ? "87654321" : "1234567";
        InitializeDeviceParams p = params("0011223344556677", userPin.constData(), shares);
        p.label = label;
        p.retryCounter = retry;
        p.soMayResetUserPin = rrc;
        if (changeSoPin)
            p.newSoPin = SecureBytes::fromUtf8("8899AABBCCDDEEFF");
        const InitializeDeviceResult r = SchsmDevice::initialize(m_reader, p);
        QCOMPARE(r.labelWritten, !label.isEmpty());
        QCOMPARE(r.soPinChanged, changeSoPin);

        // sc-hsm-tool (second client) sees what TokenDesk set.
        const auto facts = scHsmToolFacts();
        QCOMPARE(fact(facts, QStringLiteral("SO-PIN tries left")), QStringLiteral("15"));
        QCOMPARE(fact(facts, QStringLiteral("User PIN tries left")), QString::number(retry));
        QCOMPARE(fact(facts, QStringLiteral("DKEK shares")), QString::number(shares));
        QCOMPARE(fact(facts, QStringLiteral("rrc")), rrc ? QStringLiteral("yes") : QString());
        if (shares > 0)
            QCOMPARE(fact(facts, QStringLiteral("pending")), QString::number(shares));
        QCOMPARE(r.status.dkek.total, shares);
        QCOMPARE(r.status.dkek.outstanding, shares);
        QCOMPARE(r.status.userPin.triesLeft, retry);

        // OpenSC shows the label where sc-hsm-tool --label puts it, and the same serial.
        const auto [tokenLabel, serial] = openScTokenLabelAndSerial();
        QCOMPARE(tokenLabel, (label.isEmpty() ? QStringLiteral("SmartCard-HSM") : label) + QStringLiteral(" (UserPIN)"));
        QCOMPARE(serial, r.status.serial);

        // The user PIN works through OpenSC; the SO-PIN in force resets it only when allowed.
        const ToolRun login = runTool(QStringLiteral("pkcs11-tool"),
                                      {QStringLiteral("--module"), kOpenScModule, QStringLiteral("--login"),
                                       QStringLiteral("--pin"), QString::fromLatin1(userPin), QStringLiteral("-O")});
        QVERIFY2(login.exitCode == 0, qPrintable(login.out));
        const QString soNow = changeSoPin ? QStringLiteral("8899AABBCCDDEEFF") : QStringLiteral("0011223344556677");
        const ToolRun reset = resetUserPinThroughOpenSc(soNow);
        QCOMPARE(reset.exitCode == 0, rrc);
        if (changeSoPin) {
            // The old SO-PIN no longer works: INITIALIZE with it is refused (and counted).
            InitializeDeviceParams again = params("0011223344556677", "1234567", 1);
            quint16 sw = 0;
            errorText([&] { SchsmDevice::initialize(m_reader, again); }, nullptr, &sw);
            QCOMPARE(sw, quint16(0x63CE));
        }
    }

    void wrongSoPinChangesNothing()
    {
        factory();
        InitializeDeviceParams first = params("0011223344556677", "123456", 2);
        first.label = QStringLiteral("Keep me");
        SchsmDevice::initialize(m_reader, first);
        const auto [labelBefore, serialBefore] = openScTokenLabelAndSerial();

        for (int expectedLeft : {14, 13}) {
            InitializeDeviceParams wrong = params("FFFFFFFFFFFFFFFF", "654321", 0);
            wrong.label = QStringLiteral("Overwritten");
            SchsmError::Code code{};
            quint16 sw = 0;
            const QString text = errorText([&] { SchsmDevice::initialize(m_reader, wrong); }, &code, &sw);
            QCOMPARE(code, SchsmError::Code::StatusWord);
            QCOMPARE(sw, quint16(0x63C0 | expectedLeft));
            QCOMPARE(text, QStringLiteral("Wrong SO-PIN — %1 tries left (SW 63C%2)")
                               .arg(expectedLeft)
                               .arg(QString::number(expectedLeft, 16).toUpper()));
            const SchsmStatus s = SchsmDevice::readStatus(m_reader);
            QCOMPARE(s.soPin.triesLeft, expectedLeft);
            const auto facts = scHsmToolFacts();
            QCOMPARE(fact(facts, QStringLiteral("SO-PIN tries left")), QString::number(expectedLeft));
            QCOMPARE(fact(facts, QStringLiteral("DKEK shares")), QStringLiteral("2"));
            QCOMPARE(fact(facts, QStringLiteral("pending")), QStringLiteral("2"));
        }
        QCOMPARE(openScTokenLabelAndSerial().first, labelBefore);
        QCOMPARE(labelBefore, QStringLiteral("Keep me (UserPIN)"));

        // The right SO-PIN resets the counter.
        SchsmDevice::initialize(m_reader, params("0011223344556677", "123456", 1));
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("15"));
    }

    void lastSoPinTryNeedsConfirmation()
    {
        factory();
        SchsmDevice::initialize(m_reader, params("0011223344556677", "123456", 1));
        for (int i = 0; i < 14; ++i)
            errorText([&] { SchsmDevice::initialize(m_reader, params("FFFFFFFFFFFFFFFF", "123456", 1)); });
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("1"));
        SchsmError::Code code{};
        errorText([&] { SchsmDevice::initialize(m_reader, params("FFFFFFFFFFFFFFFF", "123456", 1)); }, &code);
        QCOMPARE(code, SchsmError::Code::Refused);
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("1"));
        InitializeDeviceParams confirmed = params("0011223344556677", "123456", 1);
        confirmed.confirmFinalSoPinTry = true;
        SchsmDevice::initialize(m_reader, confirmed);
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("15"));
    }

    void vendorDefaultMustBeReplaced()
    {
        QCOMPARE(control(QStringLiteral("factory nitrokey")), QStringLiteral("ok"));
        SchsmError::Code code{};
        errorText([&] { SchsmDevice::initialize(m_reader, params("3537363231383830", "123456", 1)); }, &code);
        QCOMPARE(code, SchsmError::Code::Refused);
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("15"));
        InitializeDeviceParams p = params("3537363231383830", "123456", 1);
        p.newSoPin = SecureBytes::fromUtf8("0102030405060708");
        SchsmDevice::initialize(m_reader, p);
        // The vendor default no longer opens the device; the new SO-PIN does (via OpenSC).
        const ToolRun reset = resetUserPinThroughOpenSc(QStringLiteral("0102030405060708"));
        QVERIFY2(reset.exitCode == 0, qPrintable(reset.out));
        const ToolRun old = resetUserPinThroughOpenSc(QStringLiteral("3537363231383830"));
        QVERIFY(old.exitCode != 0);
    }

    // Which devices the Initialize wizard takes for fresh from the factory (and so preselects
    // the vendor's default SO-PIN for), read from the device as the wizard reads it; each
    // state checked with sc-hsm-tool or pkcs11-tool first.
    void looksAsFromTheFactory_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("factoryLike");
        QTest::newRow("as a Nitrokey HSM leaves the factory") << "nitrokey" << true;
        QTest::newRow("never initialized (not initialized at all)") << "fresh" << false;
        QTest::newRow("vendor default, one wrong SO-PIN since") << "nitrokey, wrong SO-PIN" << false;
        QTest::newRow("vendor default, a certificate on it") << "nitrokey, certificate" << false;
        QTest::newRow("initialized with 1 DKEK share and a label") << "tool 1" << false;
    }
    void looksAsFromTheFactory()
    {
        QFETCH(QString, state);
        QFETCH(bool, factoryLike);
        if (state.startsWith(QLatin1String("nitrokey")))
            QCOMPARE(control(QStringLiteral("factory nitrokey")), QStringLiteral("ok"));
        else if (state == QLatin1String("fresh"))
            factory();
        else
            initializeWithScHsmTool(1);
        if (state == QLatin1String("nitrokey, wrong SO-PIN")) {
            QCOMPARE(verifySoPinWithOpenScTool(m_reader, QStringLiteral("FFFFFFFFFFFFFFFF")), QStringLiteral("63CE"));
            QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("14"));
        } else if (state == QLatin1String("nitrokey, certificate")) {
            const ToolRun write = writeCertificateThroughOpenSc(QStringLiteral("648219"));
            QVERIFY2(write.exitCode == 0, qPrintable(write.out));
        } else if (state == QLatin1String("nitrokey")) {
            const auto facts = scHsmToolFacts();
            QCOMPARE(fact(facts, QStringLiteral("SO-PIN tries left")), QStringLiteral("15"));
            QCOMPARE(fact(facts, QStringLiteral("DKEK shares")), QStringLiteral("0"));
            QCOMPARE(verifySoPinWithOpenScTool(m_reader, QStringLiteral("3537363231383830")), QStringLiteral("9000"));
        }
        QCOMPARE(InitializeDeviceValidator::looksAsFromTheFactory(SchsmDevice::readStatus(m_reader),
                                                                  SchsmDevice::readObjects(m_reader)),
                 factoryLike);
    }

    void importVectorShareIntoDeviceInitializedByScHsmTool()
    {
        initializeWithScHsmTool(1);
        const SchsmStatus before = SchsmDevice::readStatus(m_reader);
        QCOMPARE(before.dkek.total, 1);
        QCOMPARE(before.dkek.outstanding, 1);
        const DkekImportPlan plan = DkekImportPlan::make(before.dkek, {m_passwordShare});
        QVERIFY(plan.allowed());
        QCOMPARE(plan.expectedKcv, kPasswordShareKcv);
        const DkekImportResult r = SchsmDevice::importShares(m_reader, {m_passwordShare});
        QCOMPARE(r.imported, 1);
        QVERIFY(r.kcvMatches());
        QCOMPARE(r.status.dkek.kcv, kPasswordShareKcv);
        const auto facts = scHsmToolFacts();
        QCOMPARE(fact(facts, QStringLiteral("DKEK key check value")), QStringLiteral("1869AACFBA17D873"));
        QCOMPARE(fact(facts, QStringLiteral("pending")), QString());
    }

    void importPasswordAndNOfMShares()
    {
        factory();
        SchsmDevice::initialize(m_reader, params("0011223344556677", "123456", 2));
        SchsmJobs jobs;
        QFuture<DkekImportResult> f = jobs.importShares(m_reader, {m_passwordShare, m_nOfMShare});
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 30000);
        const DkekImportResult r = f.result();
        QCOMPARE(r.imported, 2);
        QCOMPARE(r.expectedKcv, kBothSharesKcv);
        QCOMPARE(r.status.dkek.kcv, kBothSharesKcv);
        QCOMPARE(f.progressValue(), 2);
        const auto facts = scHsmToolFacts();
        QCOMPARE(fact(facts, QStringLiteral("DKEK shares")), QStringLiteral("2"));
        QCOMPARE(fact(facts, QStringLiteral("DKEK key check value")), QStringLiteral("37F1C935F7EE4831"));
    }

    void scHsmToolImportSeenAndDuplicateRefused()
    {
        factory();
        SchsmDevice::initialize(m_reader, params("0011223344556677", "123456", 2));
        const ToolRun r = runTool(QStringLiteral("sc-hsm-tool"),
                                  {QStringLiteral("--import-dkek-share"), dataFile(QStringLiteral("share-password.pbe")),
                                   QStringLiteral("--password"), QString::fromLatin1(kVectorPassword)});
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("DKEK share imported")), qPrintable(r.out));
        const SchsmStatus s = SchsmDevice::readStatus(m_reader);
        QCOMPARE(s.dkek.outstanding, 1);
        QCOMPARE(s.dkek.kcv, kPasswordShareKcv); // one share in: the DKEK is that share

        SchsmError::Code code{};
        const QString text = errorText([&] { SchsmDevice::importShares(m_reader, {m_passwordShare}); }, &code);
        QCOMPARE(code, SchsmError::Code::Refused);
        QVERIFY2(text.contains(QLatin1String("already has the share")), qPrintable(text));
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("pending")), QStringLiteral("1"));

        const DkekImportResult done = SchsmDevice::importShares(m_reader, {m_nOfMShare});
        QVERIFY(done.expectedKcv.isEmpty()); // one share came from elsewhere: not predictable
        QCOMPARE(done.status.dkek.kcv, kBothSharesKcv);
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("DKEK key check value")), QStringLiteral("37F1C935F7EE4831"));
    }

    void refusalsSendNothing_data()
    {
        QTest::addColumn<int>("deviceShares");
        QTest::addColumn<QString>("which");
        QTest::newRow("same share twice") << 2 << QStringLiteral("twice");
        QTest::newRow("more shares than missing") << 1 << QStringLiteral("both");
        QTest::newRow("device without shares") << 0 << QStringLiteral("one");
    }
    void refusalsSendNothing()
    {
        QFETCH(int, deviceShares);
        QFETCH(QString, which);
        factory();
        SchsmDevice::initialize(m_reader, params("0011223344556677", "123456", deviceShares));
        const auto before = scHsmToolFacts();
        std::vector<DkekShareInput> shares{m_passwordShare};
        if (which == QLatin1String("twice"))
            shares.push_back(m_passwordShare);
        else if (which == QLatin1String("both"))
            shares.push_back(m_nOfMShare);
        SchsmError::Code code{};
        errorText([&] { SchsmDevice::importShares(m_reader, shares); }, &code);
        QCOMPARE(code, SchsmError::Code::Refused);
        QCOMPARE(scHsmToolFacts(), before);
    }

    void mismatchingDeviceKcvIsReported()
    {
        factory();
        SchsmDevice::initialize(m_reader, params("0011223344556677", "123456", 1));
        QCOMPARE(control(QStringLiteral("corrupt-next-import")), QStringLiteral("ok"));
        SchsmError::Code code{};
        const QString text = errorText([&] { SchsmDevice::importShares(m_reader, {m_passwordShare}); }, &code);
        QCOMPARE(code, SchsmError::Code::KcvMismatch);
        const QString deviceKcv = fact(scHsmToolFacts(), QStringLiteral("DKEK key check value"));
        QVERIFY(!deviceKcv.isEmpty());
        QVERIFY(deviceKcv != QLatin1String("1869AACFBA17D873"));
        QVERIFY2(text.contains(deviceKcv) && text.contains(QLatin1String("1869AACFBA17D873")), qPrintable(text));
    }

    void cardRemovedMidImport()
    {
        factory();
        SchsmDevice::initialize(m_reader, params("0011223344556677", "123456", 2));
        QCOMPARE(control(QStringLiteral("vanish-on-import 2")), QStringLiteral("ok"));
        SchsmError::Code code{};
        const QString text = errorText([&] { SchsmDevice::importShares(m_reader, {m_passwordShare, m_nOfMShare}); }, &code);
        QCOMPARE(code, SchsmError::Code::Removed);
        QVERIFY2(text.contains(QLatin1String("share 2 of 2")) && text.contains(QLatin1String("confirmed 1 share")),
                 qPrintable(text));
        // With the card gone the device reports nothing; back in, it has exactly the first share.
        QVERIFY_THROWS_EXCEPTION(SchsmError, SchsmDevice::readStatus(m_reader));
        QCOMPARE(control(QStringLiteral("insert")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(m_reader), 10000);
        const SchsmStatus s = SchsmDevice::readStatus(m_reader);
        QCOMPARE(s.dkek.outstanding, 1);
        QCOMPARE(s.dkek.kcv, kPasswordShareKcv);
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("pending")), QStringLiteral("1"));
    }

    void openScInThisProcessReadsTheDeviceAfterReinitialize()
    {
        // The test thread plays the token worker here; the guard is for the GUI.
        ThreadGuard::setViolationHandler([](const char *) {});
        factory();
        InitializeDeviceParams before = params("0011223344556677", "123456", 1);
        before.label = QStringLiteral("Before");
        SchsmDevice::initialize(m_reader, before);
        ModuleRegistry registry;
        const std::shared_ptr<Module> opensc = registry.load(kOpenScModule);
        QCOMPARE(inProcessTokenLabel(*opensc), QStringLiteral("Before (UserPIN)"));
        InitializeDeviceParams after = params("0011223344556677", "123456", 1);
        after.label = QStringLiteral("After");
        SchsmDevice::initialize(m_reader, after);
        // OpenSC keeps what it bound until the card leaves the reader; a reset does
        // not count. Module::reinitialize() is what the tree refresh uses for that.
        opensc->reinitialize();
        QCOMPARE(inProcessTokenLabel(*opensc), QStringLiteral("After (UserPIN)"));
        ThreadGuard::setViolationHandler({});
    }

    void jobsRunOnTheReadersWorker()
    {
        factory();
        SchsmJobs jobs;
        QFuture<InitializeDeviceResult> init = jobs.initialize(m_reader, params("0011223344556677", "123456", 1));
        QTRY_VERIFY_WITH_TIMEOUT(init.isFinished(), 30000);
        QCOMPARE(init.result().status.dkek.total, 1);
        QFuture<SchsmStatus> status = jobs.readStatus(m_reader);
        QTRY_VERIFY_WITH_TIMEOUT(status.isFinished(), 30000);
        QCOMPARE(status.result().dkek.outstanding, 1);
        QCOMPARE(QString::number(status.result().soPin.triesLeft), fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")));
        // A failure travels in the future as SchsmError.
        QFuture<InitializeDeviceResult> wrong = jobs.initialize(m_reader, params("FFFFFFFFFFFFFFFF", "123456", 1));
        QTRY_VERIFY_WITH_TIMEOUT(wrong.isFinished(), 30000);
        QVERIFY_THROWS_EXCEPTION(SchsmError, wrong.result());
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("14"));
    }

    void listReportsTheSameFacts()
    {
        factory();
        InitializeDeviceParams p = params("0011223344556677", "12345678", 2);
        p.label = QStringLiteral("Listed");
        SchsmDevice::initialize(m_reader, p);
        SchsmDevice::importShares(m_reader, {m_passwordShare, m_nOfMShare});
        const auto facts = scHsmToolFacts();

        const ToolRun json = runTool(QStringLiteral(TOKENDESK_EXE),
                                     {QStringLiteral("--list"), QStringLiteral("--json"), QStringLiteral("--module"), kOpenScModule});
        const QByteArray jsonText = json.out.toUtf8().mid(json.out.toUtf8().indexOf('{'));
        const QString schemaProblems = ListRun::schemaErrors(jsonText);
        QVERIFY2(schemaProblems.isEmpty(), qPrintable(schemaProblems));
        const QJsonObject root = QJsonDocument::fromJson(jsonText).object();
        const QJsonArray devices = root.value(QStringLiteral("smartcardHsm")).toArray();
        QVERIFY2(devices.size() == 1, qPrintable(json.out));
        const QJsonObject d = devices.at(0).toObject();
        QCOMPARE(d.value(QStringLiteral("reader")).toString(), m_reader);
        QCOMPARE(d.value(QStringLiteral("serial")).toString(), openScTokenLabelAndSerial().second);
        QCOMPARE(d.value(QStringLiteral("firmware")).toString(), fact(facts, QStringLiteral("Version")));
        QCOMPARE(QString::number(d.value(QStringLiteral("soPin")).toObject().value(QStringLiteral("triesLeft")).toInt()),
                 fact(facts, QStringLiteral("SO-PIN tries left")));
        QCOMPARE(QString::number(d.value(QStringLiteral("userPin")).toObject().value(QStringLiteral("triesLeft")).toInt()),
                 fact(facts, QStringLiteral("User PIN tries left")));
        const QJsonObject dkek = d.value(QStringLiteral("dkek")).toObject();
        QCOMPARE(QString::number(dkek.value(QStringLiteral("sharesExpected")).toInt()), fact(facts, QStringLiteral("DKEK shares")));
        QCOMPARE(dkek.value(QStringLiteral("sharesMissing")).toInt(), 0);
        QCOMPARE(dkek.value(QStringLiteral("keyCheckValue")).toString(), fact(facts, QStringLiteral("DKEK key check value")));
        QCOMPARE(d.value(QStringLiteral("soMayResetUserPin")).toBool(), fact(facts, QStringLiteral("rrc")) == QLatin1String("yes"));

        const ToolRun text = runTool(QStringLiteral(TOKENDESK_EXE), {QStringLiteral("--list"), QStringLiteral("--module"), kOpenScModule});
        QVERIFY2(text.out.contains(QRegularExpression(QStringLiteral("DKEK key check value *: 37F1C935F7EE4831"))), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("Listed (UserPIN)")), qPrintable(text.out));
    }

    void statusFactsEqualScHsmTool()
    {
        factory();
        InitializeDeviceParams p = params("0011223344556677", "12345678", 1);
        p.retryCounter = 7;
        SchsmDevice::initialize(m_reader, p);
        SchsmDevice::importShares(m_reader, {m_passwordShare});
        const SchsmStatus s = SchsmDevice::readStatus(m_reader);
        const auto facts = scHsmToolFacts();
        QCOMPARE(s.firmwareText(), fact(facts, QStringLiteral("Version")));
        QCOMPARE(QString::number(s.soPin.triesLeft), fact(facts, QStringLiteral("SO-PIN tries left")));
        QCOMPARE(QString::number(s.userPin.triesLeft), fact(facts, QStringLiteral("User PIN tries left")));
        QCOMPARE(QString::number(s.dkek.total), fact(facts, QStringLiteral("DKEK shares")));
        QCOMPARE(formatKeyCheckValue(s.dkek.kcv), fact(facts, QStringLiteral("DKEK key check value")));
        QCOMPARE(s.serial, openScTokenLabelAndSerial().second);
        const QJsonObject json = s.json();
        QCOMPARE(json.value(QStringLiteral("dkek")).toObject().value(QStringLiteral("keyCheckValue")).toString(),
                 QStringLiteral("1869AACFBA17D873"));
        QVERIFY(s.text().contains(QLatin1String("1869AACFBA17D873")));
    }
};

QTEST_GUILESS_MAIN(TestSchsm)
#include "tst_schsm.moc"
