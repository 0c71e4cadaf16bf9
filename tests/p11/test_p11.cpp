// SPDX-License-Identifier: GPL-3.0-or-later
// The PKCS#11 layer against a real SoftHSM token filled by pkcs11-tool and openssl.
#include "softhsmfixture.h"
#include "tokenbuilder.h"

#include "inventory/inventory.h"
#include "inventory/objectfacts.h"
#include "inventory/p11text.h"
#include "inventory/pairing.h"
#include "p11/errortext.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestP11 : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm; // first member: SOFTHSM2_CONF is set before anything loads SoftHSM
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    TokenRef m_alpha;

    ModuleSnapshot scanSoftHsm()
    {
        return m_inventory->scan(ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false}).result();
    }
    const ObjectInfo *find(const TokenContents &c, CK_OBJECT_CLASS cls, const QString &label)
    {
        for (const ObjectInfo &o : c.objects)
            if (o.cls == cls && o.labelText() == label)
                return &o;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Alpha"));
        TokenBuilder b(m_hsm, QStringLiteral("Alpha"));
        const QStringList alice = b.makeSoftwareKeyAndCert(QStringLiteral("alice"), QStringLiteral("rsa"), QStringLiteral("/CN=Alice/O=Example"));
        b.writeObject(alice[0], QStringLiteral("privkey"), QStringLiteral("0a"), QStringLiteral("alice"));
        b.writeObject(alice[1], QStringLiteral("cert"), QStringLiteral("0a"), QStringLiteral("alice"));
        const QStringList bob = b.makeSoftwareKeyAndCert(QStringLiteral("bob"), QStringLiteral("ec"), QStringLiteral("/CN=Bob"));
        b.writeObject(bob[0], QStringLiteral("privkey"), QStringLiteral("0b"), QStringLiteral("bob"));
        const QString bobPub = b.dir() + QStringLiteral("/bob.pub.der");
        SoftHsmFixture::run(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                        QStringLiteral("-in"), bob[0], QStringLiteral("-pubout"),
                                                        QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), bobPub});
        b.writeObject(bobPub, QStringLiteral("pubkey"), QStringLiteral("0b"), QStringLiteral("bob"));
        // Bob's certificate under another CKA_ID: the mistake Java and browsers do not forgive.
        b.writeObject(bob[1], QStringLiteral("cert"), QStringLiteral("0c"), QStringLiteral("bob-cert"));
        const QStringList carol = b.makeSoftwareKeyAndCert(QStringLiteral("carol"), QStringLiteral("ec"), QStringLiteral("/CN=Carol CA"));
        b.writeObject(carol[1], QStringLiteral("cert"), QStringLiteral("0d"), QStringLiteral("carol"));
        b.generateOnToken(QStringLiteral("rsa:2048"), QStringLiteral("0e"), QStringLiteral("dave"));
        // A certificate that shares dave's ID but carries carol's key.
        b.writeObject(carol[1], QStringLiteral("cert"), QStringLiteral("0e"), QStringLiteral("dave"));
        b.generateOnToken(QStringLiteral("EC:prime256v1"), QStringLiteral("0f"), QStringLiteral("eve"));
        QFile notes(b.dir() + QStringLiteral("/notes.txt"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("hello");
        notes.close();
        b.writeObject(notes.fileName(), QStringLiteral("data"), QStringLiteral("10"), QStringLiteral("notes"));

        m_inventory = std::make_unique<Inventory>(m_registry);
        const ModuleSnapshot snap = scanSoftHsm();
        QVERIFY2(snap.error.isEmpty(), qPrintable(snap.error));
        for (const SlotSnapshot &s : snap.slots)
            if (s.token && s.token->label == QLatin1String("Alpha"))
                m_alpha = TokenRef{snap.path, s.id, s.token->id};
        QVERIFY(!m_alpha.id.serial.isEmpty());
    }

    void moduleIsLoadedOnce()
    {
        auto a = m_registry.load(SoftHsmFixture::softhsmModule());
        auto b = m_registry.load(SoftHsmFixture::softhsmModule());
        QCOMPARE(a.get(), b.get());
    }

    void moduleLoadErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << QStringLiteral("/nonexistent/libnothing.so") << QStringLiteral("does not exist");
        QTest::newRow("not a library") << QStringLiteral("/etc/hostname") << QStringLiteral("could not be loaded as a library");
        QTest::newRow("not PKCS#11") << QStringLiteral("/lib/x86_64-linux-gnu/libz.so.1") << QStringLiteral("not a PKCS#11 module");
    }
    void moduleLoadErrors()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const ModuleSnapshot snap = m_inventory->scan(ModuleSpec{path, QStringLiteral("bad"), true}).result();
        QVERIFY2(snap.error.contains(expected), qPrintable(snap.error));
        QVERIFY(snap.slots.empty());
        // The good module keeps working next to the bad one.
        QVERIFY(scanSoftHsm().error.isEmpty());
    }

    void tokenInfoAndFlags()
    {
        const ModuleSnapshot snap = scanSoftHsm();
        QCOMPARE(snap.manufacturer, QStringLiteral("SoftHSM"));
        const TokenSnapshot *alpha = nullptr;
        for (const SlotSnapshot &s : snap.slots)
            if (s.token && s.token->id == m_alpha.id)
                alpha = &*s.token;
        QVERIFY(alpha);
        QCOMPARE(alpha->id.manufacturer, QStringLiteral("SoftHSM project"));
        QCOMPARE(alpha->id.model, QStringLiteral("SoftHSM v2"));
        const CK_FLAGS f = alpha->info.flags;
        QVERIFY(f & CKF_TOKEN_INITIALIZED);
        QVERIFY(f & CKF_LOGIN_REQUIRED);
        QVERIFY(f & CKF_USER_PIN_INITIALIZED);
        QVERIFY(f & CKF_RNG);
        QVERIFY(!(f & CKF_USER_PIN_LOCKED));
        QCOMPARE(alpha->info.ulMinPinLen, CK_ULONG(4));
        QCOMPARE(alpha->info.ulMaxPinLen, CK_ULONG(255));
        bool rsaGen = false;
        for (const MechanismInfo &m : alpha->mechanisms)
            if (m.type == CKM_RSA_PKCS_KEY_PAIR_GEN) {
                rsaGen = (m.info.flags & CKF_GENERATE_KEY_PAIR) && m.info.ulMaxKeySize >= 4096;
                QCOMPARE(m.name, QStringLiteral("CKM_RSA_PKCS_KEY_PAIR_GEN"));
            }
        QVERIFY(rsaGen);
        // The free slot SoftHSM always offers is listed, uninitialized.
        bool freeSlot = false;
        for (const SlotSnapshot &s : snap.slots)
            freeSlot = freeSlot || (s.token && !(s.token->info.flags & CKF_TOKEN_INITIALIZED));
        QVERIFY(freeSlot);
    }

    void objectsBeforeLogin()
    {
        const TokenContents c = m_inventory->readObjects(m_alpha).result();
        QVERIFY(!c.loggedIn);
        QVERIFY(c.privateObjectsHidden);
        QVERIFY(find(c, CKO_CERTIFICATE, QStringLiteral("alice")));
        QVERIFY(!find(c, CKO_PRIVATE_KEY, QStringLiteral("alice")));
        // The ID mismatch shows before login too: bob's public-key object stands in for his key.
        const auto p = computePairing(c);
        const PairInfo &bobCert = pairingOf(p, c, *find(c, CKO_CERTIFICATE, QStringLiteral("bob-cert")));
        QCOMPARE(bobCert.state, PairState::IdMismatch);
        QCOMPARE(bobCert.partnerId, QByteArray::fromHex("0b"));
    }

    void objectsAfterLogin()
    {
        m_inventory->login(m_alpha, CKU_USER, SecureBytes::fromUtf8("1234")).waitForFinished();
        const TokenContents c = m_inventory->readObjects(m_alpha).result();
        QVERIFY(c.loggedIn);
        QVERIFY(!c.privateObjectsHidden);
        const ObjectInfo *alice = find(c, CKO_PRIVATE_KEY, QStringLiteral("alice"));
        QVERIFY(alice);
        QCOMPARE(alice->id, QByteArray::fromHex("0a"));
        QCOMPARE(ObjectFacts::keyDescription(*alice), QStringLiteral("RSA 2048 bits"));
        QVERIFY(ObjectFacts::keyFlags(*alice).contains(QStringLiteral("sign")));
        QVERIFY(ObjectFacts::keyFlags(*alice).contains(QStringLiteral("imported")));
        const ObjectInfo *eve = find(c, CKO_PRIVATE_KEY, QStringLiteral("eve"));
        QVERIFY(eve);
        QVERIFY2(ObjectFacts::keyDescription(*eve).startsWith(QStringLiteral("EC P-256")), qPrintable(ObjectFacts::keyDescription(*eve)));
        QVERIFY(ObjectFacts::keyFlags(*eve).contains(QStringLiteral("generated on the token")));
        QVERIFY(ObjectFacts::keyFlags(*eve).contains(QStringLiteral("sensitive")));
        const ObjectInfo *cert = find(c, CKO_CERTIFICATE, QStringLiteral("alice"));
        QVERIFY(cert);
        const auto ci = ObjectFacts::certificate(*cert);
        QVERIFY(ci);
        QCOMPARE(ci->commonName, QStringLiteral("Alice"));
        QVERIFY(ci->subject.contains(QStringLiteral("O=Example")));
        const ObjectInfo *notes = find(c, CKO_DATA, QStringLiteral("notes"));
        QVERIFY(notes);
        QCOMPARE(notes->attrs.bytes(CKA_VALUE), QByteArray("hello"));
    }

    void pairing()
    {
        const TokenContents c = m_inventory->readObjects(m_alpha).result();
        QVERIFY(c.loggedIn);
        const auto p = computePairing(c);
        auto stateOf = [&](CK_OBJECT_CLASS cls, const QString &label) {
            const ObjectInfo *o = find(c, cls, label);
            return o ? pairingOf(p, c, *o).state : PairState::NotApplicable;
        };
        QCOMPARE(stateOf(CKO_PRIVATE_KEY, QStringLiteral("alice")), PairState::Paired);
        QCOMPARE(stateOf(CKO_CERTIFICATE, QStringLiteral("alice")), PairState::Paired);
        QCOMPARE(stateOf(CKO_PRIVATE_KEY, QStringLiteral("bob")), PairState::IdMismatch);
        QCOMPARE(stateOf(CKO_CERTIFICATE, QStringLiteral("bob-cert")), PairState::IdMismatch);
        QCOMPARE(pairingOf(p, c, *find(c, CKO_CERTIFICATE, QStringLiteral("bob-cert"))).partnerId, QByteArray::fromHex("0b"));
        QCOMPARE(stateOf(CKO_CERTIFICATE, QStringLiteral("carol")), PairState::Unpaired);
        QCOMPARE(stateOf(CKO_PRIVATE_KEY, QStringLiteral("dave")), PairState::WrongPartner);
        QCOMPARE(stateOf(CKO_CERTIFICATE, QStringLiteral("dave")), PairState::WrongPartner);
        QCOMPARE(stateOf(CKO_PRIVATE_KEY, QStringLiteral("eve")), PairState::Unpaired);
    }

    // Our URIs must be exactly what GnuTLS' p11tool prints for the same objects.
    void urisMatchP11tool()
    {
        const TokenContents c = m_inventory->readObjects(m_alpha).result();
        QSet<QString> ours;
        for (const ObjectInfo &o : c.objects)
            ours.insert(o.uri);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GNUTLS_PIN"), QStringLiteral("1234")); // test PIN, throwaway token
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("p11tool"), {QStringLiteral("--provider"), SoftHsmFixture::softhsmModule(),
                                            QStringLiteral("--login"), QStringLiteral("--list-all"),
                                            QStringLiteral("pkcs11:token=Alpha")});
        QVERIFY(p.waitForFinished(60000));
        QSet<QString> theirs;
        const QRegularExpression url(QStringLiteral("URL: (pkcs11:\\S+)"));
        auto it = url.globalMatch(QString::fromUtf8(p.readAllStandardOutput()));
        while (it.hasNext())
            theirs.insert(it.next().captured(1));
        QVERIFY2(theirs.size() >= 10, qPrintable(QString::number(theirs.size())));
        QCOMPARE(ours, theirs);
        const ModuleSnapshot snap = scanSoftHsm();
        for (const SlotSnapshot &s : snap.slots)
            if (s.token && s.token->id == m_alpha.id)
                QCOMPARE(s.token->uri, QStringLiteral("pkcs11:model=SoftHSM%20v2;manufacturer=SoftHSM%20project;serial=")
                                           + m_alpha.id.serial + QStringLiteral(";token=Alpha"));
    }

    void errorSentences()
    {
        const UserError locked = userError(CKR_PIN_LOCKED);
        QVERIFY(locked.sentence.contains(QStringLiteral("security officer")));
        QCOMPARE(locked.code, QStringLiteral("CKR_PIN_LOCKED"));
        QVERIFY(userError(CKR_PIN_INCORRECT, CKF_USER_PIN_FINAL_TRY).text().contains(QStringLiteral("1 try left")));
        QVERIFY(userError(CKR_PIN_INCORRECT, CKF_USER_PIN_FINAL_TRY).text().endsWith(QStringLiteral("(CKR_PIN_INCORRECT)")));
        // COUNT_LOW means "a wrong PIN was entered since the last successful login", not a count.
        const QString countLow = userError(CKR_PIN_INCORRECT, CKF_USER_PIN_COUNT_LOW).text();
        QVERIFY(countLow.contains(QStringLiteral("since the last successful login")));
        QVERIFY(!countLow.contains(QStringLiteral("few tries")));
        // The same in --list's PIN column (text and JSON).
        const CK_FLAGS ready = CKF_TOKEN_INITIALIZED | CKF_USER_PIN_INITIALIZED;
        QCOMPARE(P11Text::userPinState(ready | CKF_USER_PIN_COUNT_LOW),
                 QStringLiteral("a wrong PIN was entered since the last successful login"));
        QCOMPARE(P11Text::soPinState(ready | CKF_SO_PIN_COUNT_LOW),
                 QStringLiteral("a wrong PIN was entered since the last successful login"));
        QCOMPARE(P11Text::userPinState(ready | CKF_USER_PIN_FINAL_TRY), QStringLiteral("one try left"));
        QCOMPARE(P11Text::soPinState(CKF_SO_PIN_LOCKED | CKF_SO_PIN_TO_BE_CHANGED), QStringLiteral("not set"));
        QVERIFY(userError(CKR_PIN_INCORRECT, CKF_USER_PIN_LOCKED).text().contains(QStringLiteral("locked")));
        QVERIFY(userError(CKR_DEVICE_REMOVED).text().contains(QStringLiteral("removed")));
        QCOMPARE(userError(CK_RV(CKR_VENDOR_DEFINED + 0x123)).code, QStringLiteral("CKR_VENDOR_DEFINED"));
        QCOMPARE(userError(CK_RV(0x8123)).code, QStringLiteral("CKR_UNKNOWN"));
    }

    void logoutHidesPrivateObjects()
    {
        m_inventory->logout(m_alpha).waitForFinished();
        const TokenContents c = m_inventory->readObjects(m_alpha).result();
        QVERIFY(!c.loggedIn);
        QVERIFY(!find(c, CKO_PRIVATE_KEY, QStringLiteral("alice")));
    }
};

QTEST_GUILESS_MAIN(TestP11)
#include "test_p11.moc"
