// SPDX-License-Identifier: GPL-3.0-or-later
// The key generation wizard, driven through its pages against a real SoftHSM token.
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "p11/module.h"
#include "wizards/keygen/keygenparamspage.h"
#include "wizards/keygen/keygenrunpage.h"
#include "wizards/keygen/keygenwizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

class TestKeyGenWizard : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    TokenRef m_ref;
    TokenSnapshot m_token;

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Keys"));
        m_hsm.pkcs11Tool(QStringLiteral("Keys"), {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"),
                                                  QStringLiteral("rsa:2048"), QStringLiteral("--id"), QStringLiteral("01"),
                                                  QStringLiteral("--label"), QStringLiteral("old")});
        m_inventory = std::make_unique<Inventory>(m_registry);
        QFuture<ModuleSnapshot> f = m_inventory->scan(ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false});
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 20000);
        for (const SlotSnapshot &s : f.result().slots)
            if (s.token && s.token->label == QLatin1String("Keys")) {
                m_ref = TokenRef{f.result().path, s.id, s.token->id};
                m_token = *s.token;
            }
        QVERIFY(!m_ref.id.serial.isEmpty());
        QFuture<void> login = m_inventory->login(m_ref, CKU_USER, SecureBytes::fromUtf8("1234"));
        QTRY_VERIFY_WITH_TIMEOUT(login.isFinished(), 20000);
    }

    void offersOnlyWhatTheTokenCan()
    {
        KeyGenWizard w(*m_inventory, m_ref, m_token, {QByteArray::fromHex("01")});
        QComboBox *alg = w.paramsPage()->algorithmBox();
        QVERIFY(alg->findData(QStringLiteral("rsa-2048")) >= 0);
        QVERIFY(alg->findData(QStringLiteral("ec-prime256v1")) >= 0);
        QVERIFY(alg->findData(QStringLiteral("ec-secp384r1")) >= 0);
        // SoftHSM 2.6 on Debian has no EdDSA mechanism: not offered.
        QCOMPARE(alg->findData(QStringLiteral("ed25519")) >= 0,
                 std::any_of(m_token.mechanisms.begin(), m_token.mechanisms.end(),
                             [](const MechanismInfo &m) { return m.type == CKM_EC_EDWARDS_KEY_PAIR_GEN; }));
        // Ed25519, where offered, carries the warning about Debian 12's pkcs11 engine; RSA none.
        const int ed = alg->findData(QStringLiteral("ed25519"));
        if (ed >= 0) {
            alg->setCurrentIndex(ed);
            QVERIFY(!w.paramsPage()->caveatText().isEmpty());
        }
        alg->setCurrentIndex(alg->findData(QStringLiteral("rsa-2048")));
        QVERIFY(w.paramsPage()->caveatText().isEmpty());
    }

    void refusesBadInput()
    {
        KeyGenWizard w(*m_inventory, m_ref, m_token, {QByteArray::fromHex("01")});
        KeyGenParamsPage *p = w.paramsPage();
        p->labelEdit()->setText(QStringLiteral("new"));
        QVERIFY2(p->isComplete(), qPrintable(p->validationMessage()));
        p->idEdit()->setText(QStringLiteral("01")); // taken by "old"
        QVERIFY(!p->isComplete());
        QVERIFY(!p->validationMessage().isEmpty());
        p->idEdit()->setText(QStringLiteral("zz"));
        QVERIFY(!p->isComplete());
        p->idEdit()->setText(QStringLiteral("a1b2"));
        QVERIFY(p->isComplete());
        const int legacy = p->algorithmBox()->findData(QStringLiteral("rsa-1024"));
        if (legacy >= 0) {
            p->algorithmBox()->setCurrentIndex(legacy);
            QVERIFY(!p->isComplete()); // RSA-1024 only behind the explicit warning
            p->legacyBox()->setChecked(true);
            QVERIFY(p->isComplete());
        }
    }

    void generatesOnTheToken()
    {
        KeyGenWizard w(*m_inventory, m_ref, m_token, {QByteArray::fromHex("01")});
        QSignalSpy done(&w, &KeyGenWizard::keyGenerated);
        w.show();
        KeyGenParamsPage *p = w.paramsPage();
        p->algorithmBox()->setCurrentIndex(p->algorithmBox()->findData(QStringLiteral("ec-prime256v1")));
        p->labelEdit()->setText(QStringLiteral("wizard key"));
        QVERIFY(p->isComplete());
        w.next();
        QVERIFY(done.wait(30000));
        QVERIFY(w.runPage()->succeeded());
        QVERIFY(w.runPage()->resultText().contains(QStringLiteral("derived from the public key")));
        // pkcs11-tool sees both halves with one ID, sensitive and never extractable.
        const QString listing = QString::fromUtf8(m_hsm.pkcs11Tool(QStringLiteral("Keys"), {QStringLiteral("-O")}));
        QCOMPARE(listing.count(QStringLiteral("label:      wizard key")), 2);
        QVERIFY(listing.contains(QStringLiteral("EC_POINT 256 bits")) || listing.contains(QStringLiteral("EC_POINT")));
        QVERIFY(listing.contains(QStringLiteral("never extractable")));
    }
};

QTEST_MAIN(TestKeyGenWizard)
#include "test_keygenwizard.moc"
