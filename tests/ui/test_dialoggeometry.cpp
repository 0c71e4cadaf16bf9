// SPDX-License-Identifier: GPL-3.0-or-later
// Every dialog and wizard at its default size on a 1366×768 screen: each one is opened
// offscreen (each wizard page, the result pages after a real job on SoftHSM) and every
// visible button and label must be inside the window, not hidden by a scrollbar or a
// frame, and not clipped (SmallScreen::problems). Also the new-user findings: result
// pages that keep the "in progress" title or a Cancel button after the write, URIs that
// cannot be copied, a status line left over from the waiting after a failure, the rename
// plan that hides rows, the import refusal that does not point to the box that allows it.
#include "commandtestbench.h"
#include "smallscreen.h"

#include "commands/deleteobjectsdialog.h"
#include "commands/healthcheckdialog.h"
#include "commands/healthfindingwidget.h"
#include "commands/pkcs12importdialog.h"
#include "commands/renamekeydialog.h"
#include "commands/selfsignedcertificatedialog.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/addmoduledialog.h"
#include "dialogs/attributesdialog.h"
#include "dialogs/copybutton.h"
#include "dialogs/crashedmodulesdialog.h"
#include "dialogs/logindialog.h"
#include "dialogs/manualdialog.h"
#include "dialogs/pin/changepindialog.h"
#include "dialogs/shortcutsdialog.h"
#include "wizards/certimport/certimportfilepage.h"
#include "wizards/certimport/certimportrunpage.h"
#include "wizards/certimport/certimportwizard.h"
#include "wizards/csr/csrkeychoice.h"
#include "wizards/csr/csrwizard.h"
#include "wizards/dkek/checkdkeksharesdialog.h"
#include "wizards/dkek/createdkeksharewizard.h"
#include "wizards/inittoken/inittokenwizard.h"
#include "wizards/keygen/keygenparamspage.h"
#include "wizards/keygen/keygenrunpage.h"
#include "wizards/keygen/keygenwizard.h"
#include "widgets/secretedit.h"

#include <QCheckBox>
#include <QClipboard>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QWizard>

#include <memory>

namespace {
const QString kToken = QStringLiteral("Geometry");
// Long enough to wrap or scroll wherever it is shown, as real labels and subjects are.
const QString kLongLabel = QStringLiteral("Signing key of the accounts payable department, Rotterdam office, 2026");
} // namespace

class TestDialogGeometry : public QObject {
    Q_OBJECT
    CommandTestBench m_bench;
    TokenRef m_ref;
    TokenSnapshot m_snapshot;

    TokenContents contents() { return m_bench.contents(m_ref); }
    const ObjectInfo *object(const TokenContents &c, CK_OBJECT_CLASS cls, const QString &label)
    {
        return CommandTestBench::find(c, cls, label);
    }
    // Shows `w` at its default size and fails with every problem found.
    static void checkFits(QWidget *w, const QString &what)
    {
        if (!w->isVisible())
            w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QStringList p = SmallScreen::problems(w);
        QVERIFY2(p.isEmpty(), qPrintable(what + QStringLiteral(": ") + p.join(QStringLiteral("; "))));
    }
    // Every page of a wizard that can be shown without starting a token job.
    static void checkEveryPage(QWizard *w, const QString &what)
    {
        for (int id : w->pageIds()) {
            const QString cls = QString::fromLatin1(w->page(id)->metaObject()->className());
            if (cls.contains(QLatin1String("Run")) || cls.contains(QLatin1String("Progress"))
                || cls.contains(QLatin1String("Derivation")) || cls == QLatin1String("CsrResultPage"))
                continue; // entering them starts the job: these are checked after a real run
            if (cls == QLatin1String("ConfirmErasePage") || cls == QLatin1String("InitResultPage"))
                continue; // they describe the token chosen on the first page; not reachable out of order
            w->setStartId(id);
            w->restart();
            checkFits(w, QStringLiteral("%1, page %2 (%3)").arg(what).arg(id).arg(cls));
        }
    }
    // A click on a copy button: it says "Copied", the clipboard holds `expected`, then it says its text again.
    static void checkCopy(QAbstractButton *button, const QString &expected)
    {
        const QString text = button->text();
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(button->text(), QStringLiteral("Copied"));
        QCOMPARE(QApplication::clipboard()->text(), expected);
        QTRY_COMPARE_WITH_TIMEOUT(button->text(), text, CopyButton::kFeedbackMs * 4);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(QGuiApplication::primaryScreen()->availableGeometry().size(), QSize(1366, 768));
        m_bench.initToken(kToken);
        m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("rsa:2048"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), kLongLabel});
        m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                              QStringLiteral("--id"), QStringLiteral("02"), QStringLiteral("--label"), QStringLiteral("ec")});
        // The EC key's certificate under another ID: the health check finds it (with a repair).
        const QString der = m_bench.certificateFor(kToken, QStringLiteral("02"),
                                                   QStringLiteral("A certificate whose common name is long enough to wrap"));
        m_bench.tool(kToken, {QStringLiteral("--write-object"), der, QStringLiteral("--type"), QStringLiteral("cert"),
                              QStringLiteral("--id"), QStringLiteral("03"), QStringLiteral("--label"), QStringLiteral("ec")});
        m_ref = m_bench.open(kToken);
        // The scan's snapshot: it carries the token's mechanisms, which the key generation form offers.
        const ModuleSnapshot scan = CommandTestBench::await(
            m_bench.inventory().scan(ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false}));
        for (const SlotSnapshot &slot : scan.slots)
            if (slot.token && slot.token->label == kToken)
                m_snapshot = *slot.token;
        QVERIFY(!m_snapshot.mechanisms.empty());
    }

    void keyGenerationResultFitsAndOffersTheUris()
    {
        const TokenContents c = contents();
        std::vector<QByteArray> ids;
        for (const ObjectInfo &o : c.objects)
            ids.push_back(o.id);
        KeyGenWizard w(m_bench.inventory(), m_ref, m_snapshot, ids);
        checkFits(&w, QStringLiteral("key generation, form"));
        QTest::keyClicks(w.paramsPage()->labelEdit(), kLongLabel + QStringLiteral(" (new)"));
        QVERIFY2(w.button(QWizard::CommitButton)->isEnabled(), qPrintable(w.paramsPage()->validationMessage()));
        QSignalSpy ended(&w, &TokenJobWizard::jobEnded);
        QTest::mouseClick(w.button(QWizard::CommitButton), Qt::LeftButton);
        QVERIFY(ended.wait(60000));
        QVERIFY2(w.runPage()->succeeded(), qPrintable(w.runPage()->statusText()));
        checkFits(&w, QStringLiteral("key generation, result"));
        // Not "Generating…" any more, and nothing left to cancel: only Finish.
        QVERIFY2(!w.runPage()->title().contains(QLatin1String("Generating")), qPrintable(w.runPage()->title()));
        QVERIFY(!w.button(QWizard::CancelButton)->isVisible());
        QVERIFY(w.button(QWizard::FinishButton)->isVisible() && w.button(QWizard::FinishButton)->isEnabled());
        // Both URIs, whole, in copyable fields; pkcs11-tool knows the objects they name.
        const QStringList uris = w.runPage()->resultUris();
        QCOMPARE(uris.size(), 2);
        const auto copies = w.runPage()->findChildren<CopyButton *>();
        QCOMPARE(copies.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(uris[i].startsWith(QLatin1String("pkcs11:")) && uris[i].contains(QLatin1String("object=")), qPrintable(uris[i]));
            checkCopy(copies[i], uris[i]);
        }
        QVERIFY(m_bench.tool(kToken, {QStringLiteral("-O")}).contains((kLongLabel + QStringLiteral(" (new)")).toUtf8()));
    }

    void pkcs12ResultAndFailureFit()
    {
        // A PKCS#12 file made with openssl: a key, its certificate with a long subject.
        const QString key = m_bench.path(QStringLiteral("p12key.pem")), cert = m_bench.path(QStringLiteral("p12cert.pem"));
        const QString p12 = m_bench.path(QStringLiteral("geometry.p12"));
        CommandTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                                   QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                   QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                                   QStringLiteral("/CN=PKCS12 import with a subject that is long enough to wrap/O=Example "
                                                  "Organisation with a long name/OU=Department of Long Names")});
        CommandTestBench::openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"), key,
                                   QStringLiteral("-in"), cert, QStringLiteral("-out"), p12, QStringLiteral("-passout"),
                                   QStringLiteral("pass:right")});
        Pkcs12ImportDialog d(m_bench.inventory(), m_ref, contents(), p12);
        checkFits(&d, QStringLiteral("PKCS#12 import, form"));
        // Wrong password first: the error, and no "Waiting for the token…" left standing.
        QTest::keyClicks(d.passwordEdit(), QStringLiteral("wrong"));
        QSignalSpy done(&d, &TokenCommandDialog::jobFinished);
        QTest::mouseClick(d.importButton(), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QVERIFY(!d.errorText().isEmpty());
        QVERIFY2(d.statusText().isEmpty(), qPrintable(d.statusText()));
        checkFits(&d, QStringLiteral("PKCS#12 import, wrong password"));
        d.passwordEdit()->setFocus();
        QTest::keyClicks(d.passwordEdit(), QStringLiteral("right"));
        QTest::mouseClick(d.importButton(), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(d.errorText()));
        QVERIFY2(d.errorText().isEmpty(), qPrintable(d.errorText()));
        checkFits(&d, QStringLiteral("PKCS#12 import, result"));
        QVERIFY(d.resultValues().join(QLatin1Char(' ')).contains(QLatin1String("long enough to wrap")));
        QVERIFY(d.resultValues().first().startsWith(QLatin1String("pkcs11:")));
    }

    void selfSignedResultStaysOnScreen()
    {
        const TokenContents c = contents();
        const ObjectInfo *k = object(c, CKO_PRIVATE_KEY, kLongLabel);
        QVERIFY(k);
        SelfSignedCertificateDialog d(m_bench.inventory(), m_ref, c, *k);
        checkFits(&d, QStringLiteral("self-signed certificate, form"));
        d.field(QStringLiteral("CN"))->setText(QStringLiteral("Accounts payable signing key, Rotterdam"));
        d.field(QStringLiteral("O"))->setText(QStringLiteral("Example Organisation with a rather long name"));
        d.field(QStringLiteral("OU"))->setText(QStringLiteral("Accounts payable, Rotterdam"));
        QSignalSpy done(&d, &TokenCommandDialog::jobFinished);
        QVERIFY2(d.createButton()->isEnabled(), qPrintable(d.validationMessage()));
        QTest::mouseClick(d.createButton(), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(d.errorText()));
        checkFits(&d, QStringLiteral("self-signed certificate, result"));
        // The fingerprint as openssl computes it from the stored certificate.
        QVERIFY(d.resultValues().contains(d.result()->info.sha256Fingerprint));
    }

    void healthCheckShowsRepair()
    {
        HealthCheckDialog d(m_bench.inventory(), m_ref, contents());
        QVERIFY(!d.findingWidgets().isEmpty());
        checkFits(&d, QStringLiteral("health check"));
        HealthFindingWidget *f = nullptr;
        for (HealthFindingWidget *w : d.findingWidgets())
            if (w->repairButton())
                f = w;
        QVERIFY2(f, "no finding with a repair");
        QTest::mouseClick(f->repairButton(), Qt::LeftButton);
        QVERIFY(f->confirmation()->isVisible());
        checkFits(&d, QStringLiteral("health check, repair confirmation"));
    }

    void renamePlanShowsEveryRow()
    {
        const TokenContents c = contents();
        const ObjectInfo *k = object(c, CKO_PRIVATE_KEY, kLongLabel);
        QVERIFY(k);
        RenameKeyDialog d(m_bench.inventory(), m_ref, c, *k);
        d.labelEdit()->setText(kLongLabel + QStringLiteral(", renamed for the second half of the year"));
        checkFits(&d, QStringLiteral("rename"));
        QListWidget *plan = d.planList();
        QVERIFY(plan->count() >= 2);
        for (int i = 0; i < plan->count(); ++i) {
            const QRect r = plan->visualItemRect(plan->item(i));
            QVERIFY2(plan->viewport()->rect().contains(r),
                     qPrintable(QStringLiteral("row %1 (%2) is cut off").arg(i).arg(plan->item(i)->text())));
        }
        QVERIFY(!plan->horizontalScrollBar()->isVisible());
    }

    void certificateImportEveryPageAndResult()
    {
        // A certificate for the RSA key, imported through every page to the result.
        const QString der = m_bench.certificateFor(kToken, QStringLiteral("01"),
                                                   QStringLiteral("Imported certificate with a long common name"));
        CertImportWizard w(m_bench.inventory(), m_ref, contents(), der);
        checkEveryPage(&w, QStringLiteral("certificate import"));
        w.setStartId(w.pageIds().first());
        w.restart();
        QVERIFY2(w.filePage()->plannedWrites() == 1, qPrintable(w.filePage()->message()));
        QTest::mouseClick(w.button(QWizard::NextButton), Qt::LeftButton);
        QSignalSpy ended(&w, &TokenJobWizard::jobEnded);
        QTest::mouseClick(w.button(QWizard::CommitButton), Qt::LeftButton);
        QVERIFY(ended.wait(30000));
        QVERIFY2(ended.at(0).at(0).toBool(), qPrintable(w.runPage()->resultText()));
        checkFits(&w, QStringLiteral("certificate import, result"));
        QVERIFY(!w.button(QWizard::CancelButton)->isVisible());
        QVERIFY(!w.runPage()->title().contains(QLatin1String("Writing")));
    }

    void importRefusalPointsToTheBox()
    {
        // A certificate of a key that is not on the token: refused, and the page says how to import it anyway.
        const QString key = m_bench.path(QStringLiteral("other.pem")), cert = m_bench.path(QStringLiteral("other.crt"));
        CommandTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                                   QStringLiteral("-out"), cert, QStringLiteral("-subj"), QStringLiteral("/CN=Somebody else")});
        CertImportWizard w(m_bench.inventory(), m_ref, contents(), cert);
        checkFits(&w, QStringLiteral("certificate import, refused"));
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        const QString box = w.filePage()->unmatchedBox()->text().remove(QLatin1Char('&'));
        QVERIFY2(w.filePage()->message().contains(box), qPrintable(w.filePage()->message()));
        QTest::mouseClick(w.filePage()->unmatchedBox(), Qt::LeftButton);
        QVERIFY2(w.button(QWizard::NextButton)->isEnabled(), qPrintable(w.filePage()->message()));
    }

    void otherDialogsFit()
    {
        const TokenContents c = contents();
        const ObjectInfo *k = object(c, CKO_PRIVATE_KEY, kLongLabel);
        QVERIFY(k);
        {
            DeleteObjectsDialog d(m_bench.inventory(), m_ref, c, *k);
            checkFits(&d, QStringLiteral("delete"));
        }
        {
            LoginDialog d(m_bench.inventory(), m_ref, m_snapshot);
            checkFits(&d, QStringLiteral("login"));
        }
        for (PinChangeMode mode : {PinChangeMode::User, PinChangeMode::So, PinChangeMode::Unblock}) {
            ChangePinDialog d(m_bench.inventory(), m_ref, m_snapshot, mode);
            checkFits(&d, QStringLiteral("PIN change, mode %1").arg(int(mode)));
        }
        {
            AddModuleDialog d({});
            checkFits(&d, QStringLiteral("add module"));
        }
        {
            CrashedModule crashed;
            crashed.path = QStringLiteral("/usr/lib/x86_64-linux-gnu/pkcs11/some-vendor-module-with-a-long-name.so");
            crashed.calls = {QStringLiteral("C_Initialize"), QStringLiteral("C_GetSlotList")};
            crashed.when = QDateTime::currentDateTime();
            CrashedModulesDialog d({crashed}, {});
            checkFits(&d, QStringLiteral("crashed modules"));
        }
        {
            AttributesDialog d(m_bench.inventory(), m_ref, *k);
            QSignalSpy loaded(&d, &AttributesDialog::loaded);
            QVERIFY(loaded.wait(30000));
            checkFits(&d, QStringLiteral("attributes"));
        }
        {
            AboutDialog d;
            checkFits(&d, QStringLiteral("about"));
        }
        {
            ShortcutsDialog d({});
            checkFits(&d, QStringLiteral("shortcuts"));
        }
        {
            ManualDialog d;
            checkFits(&d, QStringLiteral("manual"));
        }
        {
            CheckDkekSharesDialog d;
            checkFits(&d, QStringLiteral("check DKEK shares"));
        }
    }

    void wizardsEveryPageFits()
    {
        {
            CsrWizard w(m_bench.inventory(), m_ref, CsrKeyChoice::fromObjects(contents().objects), QByteArray::fromHex("01"));
            checkEveryPage(&w, QStringLiteral("CSR"));
        }
        {
            const QList<ModuleSpec> modules{ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false}};
            InitTokenWizard w(m_bench.inventory(), m_bench.inventory().registry(), modules, m_ref);
            checkEveryPage(&w, QStringLiteral("initialize token"));
        }
        {
            CreateDkekShareWizard w;
            checkEveryPage(&w, QStringLiteral("DKEK share"));
        }
    }
};

int main(int argc, char **argv)
{
    SmallScreen::useSmallScreen();
    QApplication app(argc, argv);
    TestDialogGeometry t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_dialoggeometry.moc"
