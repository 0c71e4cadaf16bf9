// SPDX-License-Identifier: GPL-3.0-or-later
// Certificate import through the wizard, driven as a user does: Enter in the file
// field shows the plan and writes nothing; Enter on the plan page writes nothing;
// only the Import button writes, and then exactly the planned certificates are on
// the token per pkcs11-tool -O (table-driven over the options). A running import
// cannot be escaped, closed, cancelled or stepped back from.
#include "commandtestbench.h"

#include "keys/certificateimport.h"
#include "wizards/certimport/certimportfilepage.h"
#include "wizards/certimport/certimportplanpage.h"
#include "wizards/certimport/certimportrunpage.h"
#include "wizards/certimport/certimportwizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTreeWidget>

namespace {
const QString kToken = QStringLiteral("Import");

// A certificate object as pkcs11-tool -O shows it.
struct ToolCert {
    QString subject, label, id;
    bool operator<(const ToolCert &o) const
    {
        return std::tie(subject, label, id) < std::tie(o.subject, o.label, o.id);
    }
    bool operator==(const ToolCert &o) const = default;
};
} // namespace

class TestCertImportWizard : public QObject {
    Q_OBJECT
    CommandTestBench m_bench{QStringLiteral(TOKENDESK_HOLD_MODULE)};
    TokenRef m_ref;
    QMap<QString, QString> m_files;     // row → certificate file
    QMap<QString, QString> m_ids;       // row → the key's CKA_ID (hex), rows with a key

    QString path(const QString &name) const { return m_bench.path(name); }

    QList<ToolCert> certificates()
    {
        QList<ToolCert> out;
        bool inCert = false;
        const QRegularExpression field(QStringLiteral("^\\s+(\\w+):\\s*(.*)$"));
        for (const QString &line : QString::fromUtf8(m_bench.tool(kToken, {QStringLiteral("-O")})).split(QLatin1Char('\n'))) {
            if (!line.isEmpty() && !line.front().isSpace()) {
                inCert = line.startsWith(QLatin1String("Certificate Object"));
                if (inCert)
                    out.append(ToolCert{});
                continue;
            }
            const auto m = field.match(line);
            if (!inCert || !m.hasMatch())
                continue;
            QString value = m.captured(2).trimmed();
            if (m.captured(1) == QLatin1String("label"))
                out.last().label = value.size() >= 2 && value.startsWith(QLatin1Char('\'')) ? value.mid(1, value.size() - 2) : value;
            else if (m.captured(1) == QLatin1String("subject"))
                out.last().subject = value.remove(QStringLiteral("DN: "));
            else if (m.captured(1) == QLatin1String("ID"))
                out.last().id = value.toLower();
        }
        std::sort(out.begin(), out.end());
        return out;
    }
    // Certificates in `after` that were not in `before` (a multiset difference).
    static QList<ToolCert> added(QList<ToolCert> before, const QList<ToolCert> &after)
    {
        QList<ToolCert> out;
        for (const ToolCert &c : after)
            if (!before.removeOne(c))
                out << c;
        return out;
    }
    QString ca(const QString &name)
    {
        const QString pem = path(name + QStringLiteral(".pem"));
        if (!QFile::exists(pem))
            CommandTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                       QStringLiteral("-keyout"), path(name + QStringLiteral(".key")), QStringLiteral("-subj"),
                                       QStringLiteral("/CN=") + name, QStringLiteral("-days"), QStringLiteral("30"),
                                       QStringLiteral("-out"), pem});
        return pem;
    }
    // A certificate issued by caName for the public key of the token key with this ID (PEM).
    QString issue(const QString &idHex, const QString &cn, const QString &caName)
    {
        const QString pubDer = path(cn + QStringLiteral(".pub.der"));
        const QString pubPem = path(cn + QStringLiteral(".pub.pem"));
        const QString csr = path(cn + QStringLiteral(".csr"));
        const QString out = path(cn + QStringLiteral(".crt.pem"));
        m_bench.tool(kToken, {QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("pubkey"),
                              QStringLiteral("--id"), idHex, QStringLiteral("-o"), pubDer});
        CommandTestBench::openssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                   QStringLiteral("-in"), pubDer, QStringLiteral("-out"), pubPem});
        CommandTestBench::openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                   QStringLiteral("-keyout"), path(QStringLiteral("throwaway.key")), QStringLiteral("-subj"),
                                   QStringLiteral("/CN=") + cn, QStringLiteral("-out"), csr});
        CommandTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                                   QStringLiteral("-force_pubkey"), pubPem, QStringLiteral("-CA"), ca(caName), QStringLiteral("-CAkey"),
                                   path(caName + QStringLiteral(".key")), QStringLiteral("-set_serial"),
                                   QString::number(qHash(cn) & 0xffffff), QStringLiteral("-days"), QStringLiteral("30"),
                                   QStringLiteral("-out"), out});
        return out;
    }
    QString concat(const QString &name, const QStringList &parts)
    {
        QByteArray all;
        for (const QString &p : parts)
            all += CommandTestBench::readFile(p);
        CommandTestBench::writeFile(path(name), all);
        return path(name);
    }
    TokenContents contents() { return m_bench.contents(m_ref); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TOKENDESK_HOLD_TARGET", QFile::encodeName(SoftHsmFixture::softhsmModule()));
        qputenv("TOKENDESK_HOLD_DIR", QFile::encodeName(path(QStringLiteral("gate"))));
        qputenv("TOKENDESK_HOLD", "");
        m_bench.initToken(kToken);
        // Each row gets its own key and CA, so rows do not depend on each other.
        int id = 0x20;
        for (const QString &row : {QStringLiteral("chain-unticked"), QStringLiteral("chain-ticked"), QStringLiteral("dup-ticked"),
                                   QStringLiteral("dup-unticked"), QStringLiteral("twice"), QStringLiteral("enter"),
                                   QStringLiteral("held")}) {
            m_ids[row] = QString::number(id++, 16);
            m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                                  QStringLiteral("--id"), m_ids[row], QStringLiteral("--label"), row});
            const QString leaf = issue(m_ids[row], QStringLiteral("leaf ") + row, QStringLiteral("CA ") + row);
            m_files[row] = row == QLatin1String("twice") ? concat(row + QStringLiteral(".pem"), {leaf, leaf})
                                                         : concat(row + QStringLiteral(".pem"), {leaf, ca(QStringLiteral("CA ") + row)});
            if (row.startsWith(QLatin1String("dup"))) { // the leaf is on the token already
                const QString der = path(row + QStringLiteral(".der"));
                CommandTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-in"), leaf, QStringLiteral("-outform"),
                                           QStringLiteral("DER"), QStringLiteral("-out"), der});
                m_bench.tool(kToken, {QStringLiteral("--write-object"), der, QStringLiteral("--type"), QStringLiteral("cert"),
                                      QStringLiteral("--id"), m_ids[row], QStringLiteral("--label"), row});
            }
        }
        // No key for these: a CA certificate alone, and another party's self-signed one.
        for (const QString &row : {QStringLiteral("ca-unticked"), QStringLiteral("ca-ticked")})
            m_files[row] = ca(QStringLiteral("CA ") + row);
        m_ref = m_bench.open(kToken);
    }

    void enterShowsPlanAndWritesNothing()
    {
        const QList<ToolCert> before = certificates();
        CertImportWizard w(m_bench.inventory(), m_ref, contents());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QLineEdit *file = w.filePage()->fileEdit();
        file->setFocus();
        QTest::keyClicks(file, m_files[QStringLiteral("enter")]);
        QVERIFY2(w.filePage()->isComplete(), qPrintable(w.filePage()->message()));
        QTest::keyClick(file, Qt::Key_Return);
        QCOMPARE(w.currentPage(), static_cast<QWizardPage *>(w.planPage()));
        QCOMPARE(w.planPage()->table()->topLevelItemCount(), 2);
        // Enter again, wherever the focus is on the plan page: still the plan, nothing written.
        QTest::keyClick(&w, Qt::Key_Return);
        QTest::keyClick(w.planPage()->table(), Qt::Key_Enter);
        w.button(QWizard::CommitButton)->setFocus();
        QTest::keyClick(w.button(QWizard::CommitButton), Qt::Key_Return);
        QCOMPARE(w.currentPage(), static_cast<QWizardPage *>(w.planPage()));
        QCOMPARE(certificates(), before);
        // Back to the file is still possible before the write.
        w.back();
        QCOMPARE(w.currentPage(), static_cast<QWizardPage *>(w.filePage()));
        w.reject();
        QCOMPARE(certificates(), before);
    }

    void writesExactlyThePlan_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<bool>("ticked");
        QTest::addColumn<QStringList>("written"); // subjects expected new on the token; empty: refused
        QTest::addColumn<QString>("refusal");
        QTest::newRow("chain, CA certificates unticked") << QStringLiteral("chain-unticked") << false
                                                        << QStringList{QStringLiteral("CN=leaf chain-unticked")} << QString();
        QTest::newRow("chain, CA certificates ticked")
            << QStringLiteral("chain-ticked") << true
            << QStringList{QStringLiteral("CN=leaf chain-ticked"), QStringLiteral("CN=CA chain-ticked")} << QString();
        QTest::newRow("CA alone, no key, unticked") << QStringLiteral("ca-unticked") << false << QStringList{}
                                                    << QStringLiteral("belongs to no key on this token");
        QTest::newRow("CA alone, no key, ticked") << QStringLiteral("ca-ticked") << true
                                                  << QStringList{QStringLiteral("CN=CA ca-ticked")} << QString();
        QTest::newRow("leaf already there, CA ticked") << QStringLiteral("dup-ticked") << true
                                                       << QStringList{QStringLiteral("CN=CA dup-ticked")} << QString();
        QTest::newRow("leaf already there, CA unticked") << QStringLiteral("dup-unticked") << false << QStringList{}
                                                         << QStringLiteral("already on the token");
        QTest::newRow("same certificate twice in the file") << QStringLiteral("twice") << false
                                                            << QStringList{QStringLiteral("CN=leaf twice")} << QString();
    }
    void writesExactlyThePlan()
    {
        QFETCH(QString, row);
        QFETCH(bool, ticked);
        QFETCH(QStringList, written);
        QFETCH(QString, refusal);
        const QList<ToolCert> before = certificates();
        CertImportWizard w(m_bench.inventory(), m_ref, contents(), m_files[row]);
        QSignalSpy ended(&w, &TokenJobWizard::jobEnded);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.filePage()->unmatchedBox()->setChecked(ticked);
        if (!refusal.isEmpty()) {
            QVERIFY(!w.filePage()->isComplete());
            QVERIFY2(w.filePage()->message().contains(refusal), qPrintable(w.filePage()->message()));
            QTest::keyClick(w.filePage()->fileEdit(), Qt::Key_Return);
            QCOMPARE(w.currentPage(), static_cast<QWizardPage *>(w.filePage()));
            QCOMPARE(certificates(), before);
            return;
        }
        QVERIFY2(w.filePage()->isComplete(), qPrintable(w.filePage()->message()));
        QCOMPARE(w.filePage()->plannedWrites(), int(written.size()));
        QTest::keyClick(w.filePage()->fileEdit(), Qt::Key_Return);
        QCOMPARE(w.currentPage(), static_cast<QWizardPage *>(w.planPage()));
        // The plan lists every distinct certificate of the file, the left-out ones as such.
        const CertificateImportPlan &plan = *w.filePage()->plan();
        QCOMPARE(w.planPage()->table()->topLevelItemCount(), int(plan.certificates.size()));
        for (int i = 0; i < w.planPage()->table()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = w.planPage()->table()->topLevelItem(i);
            QCOMPARE(item->text(1).contains(QStringLiteral("left out")), plan.certificates[std::size_t(i)].leftOut);
        }
        QCOMPARE(certificates(), before);

        QTest::mouseClick(w.button(QWizard::CommitButton), Qt::LeftButton);
        QVERIFY(ended.wait(30000) || ended.count() == 1);
        QVERIFY2(ended.at(0).at(0).toBool(), qPrintable(w.runPage()->resultText()));
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled());

        QList<ToolCert> expected;
        for (const QString &subject : written) {
            const bool leaf = subject.startsWith(QLatin1String("CN=leaf"));
            // The leaf pairs with its key (its ID and label); a CA goes in under its CN.
            expected << ToolCert{subject, leaf ? row : subject.mid(3), leaf ? m_ids[row] : QString()};
        }
        QList<ToolCert> got = added(before, certificates());
        for (ToolCert &c : got)
            if (!c.subject.startsWith(QLatin1String("CN=leaf")))
                c.id.clear(); // a CA's ID is its key identifier; not what this row checks
        std::sort(expected.begin(), expected.end());
        std::sort(got.begin(), got.end());
        QCOMPARE(got.size(), expected.size());
        for (int i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].subject, expected[i].subject);
            QCOMPARE(got[i].label, expected[i].label);
            QCOMPARE(got[i].id, expected[i].id);
        }
        QTest::mouseClick(w.button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(!w.isVisible());
    }

    void runningImportCannotBeAbandoned()
    {
        const QList<ToolCert> before = certificates();
        const QString gate = path(QStringLiteral("gate"));
        QDir(gate).removeRecursively();
        QVERIFY(QDir().mkpath(gate));
        CertImportWizard w(m_bench.inventory(), m_ref, contents(), m_files[QStringLiteral("held")]);
        QSignalSpy ended(&w, &TokenJobWizard::jobEnded);
        QSignalSpy refused(&w, &TokenJobWizard::closeRefused);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.filePage()->unmatchedBox()->setChecked(true);
        w.next();
        qputenv("TOKENDESK_HOLD", "C_CreateObject");
        QTest::mouseClick(w.button(QWizard::CommitButton), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(gate + QStringLiteral("/C_CreateObject.held")), 30000);
        QVERIFY(w.isJobRunning());
        QVERIFY(!w.button(QWizard::CancelButton)->isEnabled());
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled());
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.close());
        QTest::mouseClick(w.button(QWizard::CancelButton), Qt::LeftButton);
        QTest::mouseClick(w.button(QWizard::BackButton), Qt::LeftButton);
        QVERIFY(w.isVisible());
        QCOMPARE(w.currentPage(), static_cast<QWizardPage *>(w.runPage()));
        QVERIFY(refused.count() >= 2); // Escape and the close button said why
        QCOMPARE(ended.count(), 0);
        { QFile release(gate + QStringLiteral("/release")); QVERIFY(release.open(QIODevice::WriteOnly)); }
        QVERIFY(ended.wait(30000) || ended.count() == 1);
        qputenv("TOKENDESK_HOLD", "");
        QVERIFY2(ended.at(0).at(0).toBool(), qPrintable(w.runPage()->resultText()));
        QCOMPARE(added(before, certificates()).size(), 2); // leaf and CA, once each
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled());
        QTest::keyClick(&w, Qt::Key_Escape);
        QTRY_VERIFY(!w.isVisible());
    }

    void corruptFile()
    {
        const QString bad = path(QStringLiteral("bad.pem"));
        CommandTestBench::writeFile(bad, "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        CertImportWizard w(m_bench.inventory(), m_ref, contents(), bad);
        QVERIFY(!w.filePage()->isComplete());
        QVERIFY(!w.filePage()->message().isEmpty());
    }
};

QTEST_MAIN(TestCertImportWizard)
#include "test_certimportwizard.moc"
