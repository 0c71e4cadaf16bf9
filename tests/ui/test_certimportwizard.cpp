// SPDX-License-Identifier: GPL-3.0-or-later
// Certificate import through the wizard: a CA-signed chain for a token key, then the refusals.
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "keys/csrbuilder.h"
#include "p11/module.h"
#include "wizards/certimport/certimportfilepage.h"
#include "wizards/certimport/certimportrunpage.h"
#include "wizards/certimport/certimportwizard.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

class TestCertImportWizard : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    TokenRef m_ref;
    QString m_chain;

    TokenContents contents()
    {
        QFuture<TokenContents> f = m_inventory->readObjects(m_ref);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 20000); }();
        return f.result();
    }
    QString file(const QString &name) const { return m_hsm.dir() + QLatin1Char('/') + name; }
    static QStringList args(std::initializer_list<const char *> l)
    {
        QStringList out;
        for (const char *a : l)
            out << QString::fromLatin1(a);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Import"));
        m_hsm.pkcs11Tool(QStringLiteral("Import"), args({"--keypairgen", "--key-type", "rsa:2048", "--id", "c0ffee", "--label", "mail"}));
        m_inventory = std::make_unique<Inventory>(m_registry);
        QFuture<ModuleSnapshot> f = m_inventory->scan(ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false});
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 20000);
        for (const SlotSnapshot &s : f.result().slots)
            if (s.token && s.token->label == QLatin1String("Import"))
                m_ref = TokenRef{f.result().path, s.id, s.token->id};
        QFuture<void> login = m_inventory->login(m_ref, CKU_USER, SecureBytes::fromUtf8("1234"));
        QTRY_VERIFY_WITH_TIMEOUT(login.isFinished(), 20000);

        // A request from the token key, signed by a CA that openssl makes here.
        CsrSpec spec;
        spec.subject.commonName = QStringLiteral("Mail User");
        QFuture<CsrResult> csr = m_inventory->withSession<CsrResult>(
            m_ref, [spec](QPromise<CsrResult> &p, Session &s, const CK_TOKEN_INFO &ti) {
                p.addResult(createCsr(s, ti, QByteArray::fromHex("c0ffee"), spec));
            });
        QTRY_VERIFY_WITH_TIMEOUT(csr.isFinished(), 20000);
        QFile req(file(QStringLiteral("req.pem")));
        QVERIFY(req.open(QIODevice::WriteOnly));
        req.write(csr.result().pem);
        req.close();
        SoftHsmFixture::run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                                        QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                                                        file(QStringLiteral("ca.key")), QStringLiteral("-out"), file(QStringLiteral("ca.pem")),
                                                        QStringLiteral("-subj"), QStringLiteral("/CN=Test CA"), QStringLiteral("-days"), QStringLiteral("30")});
        SoftHsmFixture::run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), req.fileName(),
                                                        QStringLiteral("-CA"), file(QStringLiteral("ca.pem")), QStringLiteral("-CAkey"),
                                                        file(QStringLiteral("ca.key")), QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                                                        QStringLiteral("30"), QStringLiteral("-out"), file(QStringLiteral("user.pem"))});
        m_chain = file(QStringLiteral("chain.pem"));
        QFile chain(m_chain);
        QVERIFY(chain.open(QIODevice::WriteOnly));
        for (const QString &part : {file(QStringLiteral("user.pem")), file(QStringLiteral("ca.pem"))}) {
            QFile f2(part);
            QVERIFY(f2.open(QIODevice::ReadOnly));
            chain.write(f2.readAll());
        }
    }

    void importsChainPairedWithKey()
    {
        CertImportWizard w(*m_inventory, m_ref, contents(), m_chain);
        w.show();
        QVERIFY2(w.filePage()->isComplete(), qPrintable(w.filePage()->message()));
        QCOMPARE(w.filePage()->plannedWrites(), 2);
        QSignalSpy done(w.runPage(), &CertImportRunPage::finishedImport);
        w.next();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(w.runPage()->resultText()));
        // pkcs11-tool: the user certificate carries the key's ID and label.
        const QString listing = QString::fromUtf8(m_hsm.pkcs11Tool(QStringLiteral("Import"), {QStringLiteral("-O")}));
        const qsizetype cert = listing.indexOf(QStringLiteral("Certificate Object"));
        QVERIFY(cert >= 0);
        QVERIFY(listing.count(QStringLiteral("ID:         c0ffee")) >= 3); // private key, public key, certificate
        QVERIFY(listing.contains(QStringLiteral("subject:    DN: CN=Mail User")));
        QVERIFY(listing.contains(QStringLiteral("subject:    DN: CN=Test CA")));
    }

    void duplicateWritesNothing()
    {
        CertImportWizard w(*m_inventory, m_ref, contents(), m_chain);
        QCOMPARE(w.filePage()->plannedWrites(), 0);
        QVERIFY(!w.filePage()->isComplete());
        QVERIFY2(w.filePage()->message().contains(QStringLiteral("already")), qPrintable(w.filePage()->message()));
    }

    void refusesCertificateOfAnotherKey()
    {
        SoftHsmFixture::run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                                                        QStringLiteral("-nodes"), QStringLiteral("-keyout"), file(QStringLiteral("other.key")),
                                                        QStringLiteral("-out"), file(QStringLiteral("other.pem")), QStringLiteral("-subj"),
                                                        QStringLiteral("/CN=Elsewhere"), QStringLiteral("-days"), QStringLiteral("5")});
        CertImportWizard w(*m_inventory, m_ref, contents(), file(QStringLiteral("other.pem")));
        QVERIFY(!w.filePage()->isComplete());
        QVERIFY2(w.filePage()->message().contains(QStringLiteral("belongs to no key on this token")), qPrintable(w.filePage()->message()));
        w.filePage()->unmatchedBox()->setChecked(true); // explicitly as another certificate
        QVERIFY(w.filePage()->isComplete());
    }

    void corruptFile()
    {
        QFile bad(file(QStringLiteral("bad.pem")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        bad.close();
        CertImportWizard w(*m_inventory, m_ref, contents(), bad.fileName());
        QVERIFY(!w.filePage()->isComplete());
        QVERIFY(!w.filePage()->message().isEmpty());
    }
};

QTEST_MAIN(TestCertImportWizard)
#include "test_certimportwizard.moc"
