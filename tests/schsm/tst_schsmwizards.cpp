// SPDX-License-Identifier: GPL-3.0-or-later
// The SmartCard-HSM Initialize and Import DKEK Shares wizards (issue 16), driven
// the way a user drives them (typing, Enter, Escape, the close button, Back,
// Stop while the job runs, a wrong SO-PIN and its correction) against the
// emulated card behind a real pcscd (run through with_card.sh). Every choice is
// checked afterwards with a second client: sc-hsm-tool, pkcs11-tool, opensc-tool.
#include "schsmtestsupport.h"

#include "dkek/custodianshare.h"
#include "dkek/dkekerror.h"
#include "dkek/dkeksharefile.h"
#include "dkek/dkeksharejobs.h"
#include "dkek/passwordsharing.h"
#include "dkek/keycheckvalue.h"
#include "schsm/initializedevicevalidator.h"
#include "schsm/schsmdevice.h"
#include "schsm/schsmjobs.h"
#include "widgets/secretedit.h"
#include "wizards/dkek/unlockdkeksharedialog.h"
#include "wizards/schsm/schsmimportshareswizard.h"
#include "wizards/schsm/schsminitializewizard.h"
#include "wizards/schsm/schsmsharespage.h"

#include "exec/tokenexecutor.h"

#include <future>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QDialogButtonBox>
#include <QProgressBar>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace SchsmTest;

namespace {
const char *kVectorPassword = "TokenDesk vector one";
const QString kSerial = QStringLiteral("DETD0000042"); // schsm_card.py's default
const QString kToolSoPin = QStringLiteral("0011223344556677");
constexpr quint32 kFastIterations = 1000; // for the shares this test makes itself
// The wizard opens fast copies of the vectors (see initTestCase): the same shares.
constexpr int kVectorOpenMs = 30000;
// The custodian shares 1 and 3 of share-2of3.pbe, as the vectors' README prints them.
const QString kVectorPrime = QStringLiteral("ff:0e:2e:17:8f:74:6c:cb");
const char *kVectorCustodian1 = "e6:fb:13:da:9e:fd:45:07";
const char *kVectorCustodian3 = "de:de:84:87:b7:9d:a3:6e";

struct Resealed {
    QString path;
    QByteArray kcv;
    QString error;
};

// Opens a vector file with its real 10,000,000 rounds (the first candidate password that
// opens it) and writes the same share under the same password with few rounds to copy.
Resealed resealVector(const QString &vector, const std::vector<SecureBytes> &candidates, const QString &copy,
                      quint32 iterations)
{
    Resealed out;
    try {
        const QByteArray file = DkekShareFile::read(vector);
        for (const SecureBytes &password : candidates) {
            std::optional<SecureBytes> share;
            try {
                share = DkekShareFile::open(file, password, kDkekShareIterations);
            } catch (const DkekError &e) {
                if (e.code() != DkekError::Code::WrongPasswordOrNotShare)
                    throw;
                continue;
            }
            const auto sealed = DkekShareFile::seal(*share, password, DkekShareFile::salt(file), iterations);
            ShareFileWriter::write(copy, *sealed, ShareFileWriter::Existing::Replace);
            out.path = copy;
            out.kcv = dkekKeyCheckValue(*share);
            return out;
        }
        out.error = QStringLiteral("no candidate password opens ") + vector;
    } catch (const std::exception &e) {
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

QString vectorFile(const QString &name)
{
    return QStringLiteral(TOKENDESK_TEST_DATA "/dkek/") + name;
}

template <typename T>
T *child(QWidget *root, const char *name)
{
    T *w = root->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

// Types into a field as a user does: focus, select what is there, type over it.
void typeInto(QWidget *root, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(root, name);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void setSpin(QWidget *root, const char *name, int value)
{
    auto *spin = child<QSpinBox>(root, name);
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(spin, QString::number(value));
    QCOMPARE(spin->value(), value);
}

// Enter in the focused field: the wizard's default button (Next, Commit or Finish).
void pressEnter(QWizard &w)
{
    QWidget *focus = w.focusWidget();
    QTest::keyClick(focus ? focus : &w, Qt::Key_Return);
}

bool forwardEnabled(QWizard &w)
{
    for (QWizard::WizardButton b : {QWizard::NextButton, QWizard::CommitButton, QWizard::FinishButton}) {
        if (QAbstractButton *button = w.button(b); button && button->isVisible())
            return button->isEnabled();
    }
    return false;
}

void setChecked(QWidget *root, const char *name, bool on)
{
    auto *box = child<QAbstractButton>(root, name);
    if (box->isChecked() != on)
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
    QCOMPARE(box->isChecked(), on);
}

// What one initialization run chooses.
struct InitChoices {
    QString currentSoPin;  // empty: the vendor's default (radio button); unused on a never-initialized device
    QString newSoPin;      // empty: keep the current one
    QString userPin;
    int retry = 3;
    bool soMayReset = true;
    bool transport = false;
    int shares = 1;
    QString label;
    QString confirmation = kSerial;
    bool stopAtConfirmation = false; // type the confirmation, then leave the commit page as it is
};
} // namespace

class TestSchsmWizards : public QObject {
    Q_OBJECT
private:
    QString m_reader;
    QTemporaryDir m_dir;
    QString m_fastA, m_fastB; // share files with few KDF rounds (password "alpha-share" / "bravo-share")
    QString m_vectorPassword, m_vector2of3; // the vectors' shares, re-sealed with few rounds
    QByteArray m_fastAKcv, m_fastBKcv;

    void factory(const QString &state = QString())
    {
        QCOMPARE(control(state.isEmpty() ? QStringLiteral("factory") : QStringLiteral("factory ") + state),
                 QStringLiteral("ok"));
    }
    void initializeWithScHsmTool(int shares, const QString &label = QStringLiteral("toolinit"))
    {
        factory();
        const ToolRun r = runTool(QStringLiteral("sc-hsm-tool"),
                                  {QStringLiteral("--initialize"), QStringLiteral("--so-pin"), kToolSoPin,
                                   QStringLiteral("--pin"), QStringLiteral("648219"), QStringLiteral("--dkek-shares"),
                                   QString::number(shares), QStringLiteral("--label"), label});
        QVERIFY2(r.exitCode == 0 && !r.out.contains(QLatin1String("failed")), qPrintable(r.out));
    }
    QString makeShare(const QString &name, const char *password, QByteArray *kcv)
    {
        CreateShareRequest req;
        req.path = m_dir.filePath(name);
        req.password = SecureBytes::fromUtf8(password);
        req.iterations = kFastIterations;
        const auto made = DkekShareJobs::create(req);
        if (made && kcv)
            *kcv = made->kcv;
        return made ? made->path : QString();
    }

    // The unlock dialog the page opened last (earlier ones may wait for deletion).
    static UnlockDkekShareDialog *visibleUnlock(SchsmSharesPage *page)
    {
        for (auto *d : page->findChildren<UnlockDkekShareDialog *>())
            if (d->isVisible())
                return d;
        return nullptr;
    }
    // Answers the unlock dialog with a password and its Open button, as a user does.
    static void answerWithPassword(SchsmSharesPage *page, const char *password)
    {
        UnlockDkekShareDialog *unlock = visibleUnlock(page);
        QVERIFY(unlock);
        typeInto(unlock, "unlockPasswordEdit", QString::fromLatin1(password));
        auto *open = child<QPushButton>(unlock, "openButton");
        QVERIFY(open->isEnabled());
        open->click();
    }
    // Opens the files one after the other, each with its password.
    void openFast(SchsmSharesPage *page, const QStringList &paths, const QList<const char *> &passwords)
    {
        page->setIterationCountForTesting(kFastIterations);
        QSignalSpy opened(page, &SchsmSharesPage::shareOpened);
        QSignalSpy asked(page, &SchsmSharesPage::unlockAsked);
        page->addShareFiles(paths);
        for (const char *password : passwords) {
            QTRY_COMPARE(asked.count(), opened.count() + 1);
            answerWithPassword(page, password);
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(opened.wait(20000), qPrintable(child<QLabel>(page, "openStatus")->text()));
        }
    }

    // Goes through every page of the Initialize wizard with these choices, up to the result.
    void runInitialize(SchsmInitializeWizard &w, const InitChoices &c)
    {
        if (w.currentId() == SchsmInitializeWizard::SoPinPageId) {
            if (c.currentSoPin.isEmpty()) {
                setChecked(&w, "soPinDefault", true);
            } else {
                setChecked(&w, "soPinOther", true);
                typeInto(&w, "currentSoPin", c.currentSoPin);
                // Typed twice only where nothing checks it: a device never initialized.
                const bool twice = !w.state().status.initialized();
                QCOMPARE(child<QLineEdit>(&w, "currentSoPinRepeat")->isVisible(), twice);
                if (twice) {
                    QVERIFY(!forwardEnabled(w));
                    typeInto(&w, "currentSoPinRepeat", c.currentSoPin);
                }
            }
            QVERIFY(forwardEnabled(w));
            pressEnter(w);
            // The device checks the SO-PIN right here (an initialized one), then the next page.
            QTRY_VERIFY_WITH_TIMEOUT(w.currentId() != SchsmInitializeWizard::SoPinPageId, 30000);
        }
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::NewSoPinPageId));
        {
            auto *change = child<QCheckBox>(&w, "changeSoPin");
            if (c.currentSoPin.isEmpty()) // the vendor's default must go, on a fresh device too
                QVERIFY(change->isChecked() && !change->isEnabled());
            else
                setChecked(&w, "changeSoPin", !c.newSoPin.isEmpty());
        }
        if (!c.newSoPin.isEmpty()) {
            typeInto(&w, "newSoPin", c.newSoPin);
            typeInto(&w, "newSoPinRepeat", c.newSoPin);
        }
        QVERIFY2(forwardEnabled(w), qPrintable(child<QLabel>(&w, "newSoPinMessage")->text()));
        pressEnter(w);

        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::UserPinPageId));
        typeInto(&w, "userPin", c.userPin);
        typeInto(&w, "userPinRepeat", c.userPin);
        setSpin(&w, "retryCounter", c.retry);
        setChecked(&w, "soMayReset", c.soMayReset);
        setChecked(&w, "transportPin", c.transport);
        QVERIFY2(forwardEnabled(w), qPrintable(child<QLabel>(&w, "userPinMessage")->text()));
        child<QLineEdit>(&w, "userPinRepeat")->setFocus();
        pressEnter(w);

        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::DkekPageId));
        setSpin(&w, "dkekShares", c.shares);
        if (c.shares == 0) {
            // 0 is said plainly and wants a tick.
            QVERIFY(child<QLabel>(&w, "dkekExplanation")->text().contains(QLatin1String("never be backed up")));
            QVERIFY(!forwardEnabled(w));
            setChecked(&w, "acceptNoDkek", true);
            child<QSpinBox>(&w, "dkekShares")->setFocus();
        }
        QVERIFY(forwardEnabled(w));
        pressEnter(w);

        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::LabelPageId));
        typeInto(&w, "label", c.label);
        if (!c.label.isEmpty())
            QVERIFY(child<QLabel>(&w, "labelPreview")->text().contains(c.label + QStringLiteral(" (UserPIN)")));
        QVERIFY2(forwardEnabled(w), qPrintable(child<QLabel>(&w, "labelMessage")->text()));
        pressEnter(w);

        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::ConfirmPageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.state().objectsState != SchsmInitState::Objects::Reading, 10000);
        QVERIFY(!forwardEnabled(w)); // nothing typed yet
        typeInto(&w, "confirmation", c.confirmation);
        if (c.stopAtConfirmation)
            return;
        QVERIFY(forwardEnabled(w));
        pressEnter(w);
    }

    void expectDeviceHas(const InitChoices &c)
    {
        const auto facts = scHsmToolFacts();
        QCOMPARE(fact(facts, QStringLiteral("SO-PIN tries left")), QStringLiteral("15"));
        if (!c.transport)
            QCOMPARE(fact(facts, QStringLiteral("User PIN tries left")), QString::number(c.retry));
        QCOMPARE(fact(facts, QStringLiteral("DKEK shares")), QString::number(c.shares));
        QCOMPARE(fact(facts, QStringLiteral("pending")), c.shares > 0 ? QString::number(c.shares) : QString());
        QCOMPARE(fact(facts, QStringLiteral("rrc")), c.soMayReset ? QStringLiteral("yes") : QString());
        QCOMPARE(fact(facts, QStringLiteral("transport option")), c.transport ? QStringLiteral("yes") : QString());
        QCOMPARE(openScTokenLabelAndSerial().first,
                 (c.label.isEmpty() ? QStringLiteral("SmartCard-HSM") : c.label) + QStringLiteral(" (UserPIN)"));
        if (!c.transport) {
            const ToolRun login = loginThroughOpenSc(c.userPin);
            QVERIFY2(login.exitCode == 0, qPrintable(login.out));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_reader = QString::fromUtf8(qgetenv("SCHSM_READER"));
        QVERIFY2(!m_reader.isEmpty() && !qEnvironmentVariableIsEmpty("SCHSM_CONTROL"),
                 "run this test through tests/schsm/with_card.sh");
        QVERIFY(m_dir.isValid());
        // The vectors cost 10,000,000 KDF rounds each: derived once per run, here, both at
        // once and with their real rounds (the check against the shared vectors), then the
        // same shares are re-sealed under the same passwords with few rounds for the wizard.
        std::vector<SecureBytes> vectorPassword;
        vectorPassword.push_back(SecureBytes::fromUtf8(kVectorPassword));
        const CustodianShare c1 = CustodianShare::parse(kVectorPrime, u"1", SecureBytes::fromUtf8(kVectorCustodian1));
        const CustodianShare c3 = CustodianShare::parse(kVectorPrime, u"3", SecureBytes::fromUtf8(kVectorCustodian3));
        const std::vector<SecureBytes> custodianPasswords =
            PasswordSharing::passwordCandidates(PasswordSharing::reconstruct({&c1, &c3}));
        auto first = std::async(std::launch::async, [&] {
            return resealVector(vectorFile(QStringLiteral("share-password.pbe")), vectorPassword,
                                m_dir.filePath(QStringLiteral("share-password.pbe")), kFastIterations);
        });
        const Resealed second = resealVector(vectorFile(QStringLiteral("share-2of3.pbe")), custodianPasswords,
                                             m_dir.filePath(QStringLiteral("share-2of3.pbe")), kFastIterations);
        const Resealed one = first.get();
        QVERIFY2(one.error.isEmpty() && second.error.isEmpty(), qPrintable(one.error + second.error));
        QCOMPARE(formatKeyCheckValue(one.kcv), QStringLiteral("1869AACFBA17D873"));    // the vectors' README
        QCOMPARE(formatKeyCheckValue(second.kcv), QStringLiteral("09DE576F12F7DC1B"));
        m_vectorPassword = one.path;
        m_vector2of3 = second.path;

        m_fastA = makeShare(QStringLiteral("alpha.pbe"), "alpha-share", &m_fastAKcv);
        m_fastB = makeShare(QStringLiteral("bravo.pbe"), "bravo-share", &m_fastBKcv);
        QVERIFY(!m_fastA.isEmpty() && !m_fastB.isEmpty());
    }

    // A test that held the card or took it out puts it back, whatever happened.
    void cleanup()
    {
        control(QStringLiteral("release"));
        QCOMPARE(control(QStringLiteral("insert")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(m_reader), 10000);
    }

    // --- Initialize -------------------------------------------------------------
    void initializeThroughEveryPage_data()
    {
        QTest::addColumn<QString>("start"); // fresh, nitrokey (vendor default), tool (sc-hsm-tool, SO-PIN kToolSoPin)
        QTest::addColumn<QString>("currentSoPin");
        QTest::addColumn<QString>("newSoPin");
        QTest::addColumn<QString>("userPin");
        QTest::addColumn<int>("retry");
        QTest::addColumn<bool>("soMayReset");
        QTest::addColumn<bool>("transport");
        QTest::addColumn<int>("shares");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("confirmation");
        QTest::newRow("never initialized, vendor default offered and replaced, 1 share, label")
            << "fresh" << "" << "A1B2C3D4E5F60718" << "123456" << 3 << true << false << 1 << "Vault A" << kSerial;
        QTest::newRow("never initialized, own SO-PIN kept")
            << "fresh" << "1122334455667788" << "" << "654321" << 3 << true << false << 1 << "" << kSerial;
        QTest::newRow("vendor default replaced, 2 shares, 5 tries, no reset by SO")
            << "nitrokey" << "" << "8899AABBCCDDEEFF" << "1234567" << 5 << false << false << 2 << "Tresor Ö"
            << kSerial;
        QTest::newRow("SO-PIN kept, 0 shares ticked, 10 tries, no label, confirmed by label")
            << "tool" << kToolSoPin << "" << "87654321" << 10 << true << false << 0 << "" << "toolinit";
        QTest::newRow("transport PIN, 1 try")
            << "tool" << kToolSoPin << "0102030405060708" << "24681012" << 1 << true << true << 1 << "" << kSerial;
    }
    void initializeThroughEveryPage()
    {
        QFETCH(QString, start);
        InitChoices c;
        QFETCH(QString, currentSoPin);
        QFETCH(QString, newSoPin);
        QFETCH(QString, userPin);
        QFETCH(int, retry);
        QFETCH(bool, soMayReset);
        QFETCH(bool, transport);
        QFETCH(int, shares);
        QFETCH(QString, label);
        QFETCH(QString, confirmation);
        c = {currentSoPin, newSoPin, userPin, retry, soMayReset, transport, shares, label, confirmation};
        if (start == QLatin1String("tool"))
            initializeWithScHsmTool(2);
        else
            factory(start == QLatin1String("nitrokey") ? start : QString());
        QString soAfter = newSoPin;
        if (soAfter.isEmpty())
            soAfter = currentSoPin;
        QString soBefore = currentSoPin.isEmpty() ? QStringLiteral("3537363231383830") : currentSoPin;

        SchsmJobs jobs;
        const SchsmStatus before = SchsmDevice::readStatus(m_reader);
        SchsmInitializeWizard w(jobs, m_reader, before);
        QSignalSpy changed(&w, &SchsmInitializeWizard::deviceChanged);
        w.show();
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::SoPinPageId));
        auto *vendor = child<QRadioButton>(&w, "soPinDefault");
        if (start == QLatin1String("fresh")) {
            // Fresh from the factory: the vendor's documented default is offered, and picked.
            QVERIFY(vendor->isVisible() && vendor->isEnabled() && vendor->isChecked());
            QVERIFY(vendor->text().contains(QLatin1String("3537363231383830")));
            QVERIFY(child<QLabel>(&w, "soPinStatus")->text().contains(QLatin1String("never been initialized")));
        } else {
            // Initialized: as the vendor left it (nothing on it, no DKEK shares) the default is
            // picked once the device's objects are read; initialized by someone, it is not.
            QTRY_VERIFY_WITH_TIMEOUT(w.state().objectsState != SchsmInitState::Objects::Reading, 10000);
            const bool factory = start == QLatin1String("nitrokey");
            QTRY_COMPARE(vendor->isChecked(), factory);
            QCOMPARE(child<QRadioButton>(&w, "soPinOther")->isChecked(), !factory);
            QCOMPARE(child<QLabel>(&w, "soPinStatus")->text().contains(QLatin1String("as the vendor initialized it")),
                     factory);
        }
        runInitialize(w, c);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::ResultPageId), 30000);
        const QString details = child<QLabel>(&w, "resultDetails")->text();
        QVERIFY2(w.state().result, qPrintable(details));
        QCOMPARE(child<QLabel>(&w, "resultHeadline")->text(), QStringLiteral("The device is initialized."));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), m_reader);
        // The result page shows the state read back from the device.
        QCOMPARE(w.state().result->status.dkek.total, shares);
        QVERIFY2(details.contains(shares == 0 ? QStringLiteral("none: keys cannot be backed up")
                                              : QStringLiteral("0 of %1 imported").arg(shares)),
                 qPrintable(details));
        QVERIFY(!w.button(QWizard::BackButton)->isVisible() || !w.button(QWizard::BackButton)->isEnabled());
        // No secret stays in a field.
        for (SecretEdit *e : w.findChildren<SecretEdit *>())
            QVERIFY(e->text().isEmpty());
        pressEnter(w); // Finish
        QVERIFY(!w.isVisible());

        // Second clients: sc-hsm-tool, pkcs11-tool, opensc-tool.
        expectDeviceHas(c);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(verifySoPinWithOpenScTool(m_reader, soAfter), QStringLiteral("9000"));
        if (soBefore != soAfter && !soBefore.isEmpty())
            QCOMPARE(verifySoPinWithOpenScTool(m_reader, soBefore), QStringLiteral("63CE"));
        if (!transport) {
            // The SO-PIN may reset the user PIN only when chosen (pkcs11-tool C_InitPIN as SO).
            QCOMPARE(resetUserPinThroughOpenSc(soAfter).exitCode == 0, soMayReset);
        }
    }

    // A wrong SO-PIN (typed, or the vendor's default on a device that has another) is
    // known right after the SO-PIN page, with the tries left; the choice is not kept and
    // nothing is sent again until the user decides; the correction goes on from there.
    void wrongSoPinChangesNothingThenCorrection_data()
    {
        QTest::addColumn<QString>("wrong"); // empty: the vendor's default (radio button)
        QTest::newRow("typed") << QStringLiteral("FFFFFFFFFFFFFFFF");
        QTest::newRow("vendor default") << QString();
    }
    void wrongSoPinChangesNothingThenCorrection()
    {
        QFETCH(QString, wrong);
        initializeWithScHsmTool(2);
        SchsmJobs jobs;
        SchsmInitializeWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        QSignalSpy changed(&w, &SchsmInitializeWizard::deviceChanged);
        w.show();
        QVERIFY(child<QLabel>(&w, "soPinStatus")->text().contains(QLatin1String("15 tries left")));
        if (wrong.isEmpty()) {
            setChecked(&w, "soPinDefault", true);
        } else {
            setChecked(&w, "soPinOther", true);
            typeInto(&w, "currentSoPin", wrong);
        }
        pressEnter(w);
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1 && !w.isJobRunning(), 30000);

        // Still on the SO-PIN page: the device's sentence with the tries left, the entry cleared.
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::SoPinPageId));
        const QString failure = child<QLabel>(&w, "soPinFailure")->text();
        QVERIFY2(failure == QStringLiteral("Wrong SO-PIN — 14 tries left (SW 63CE). Nothing on the device was changed."),
                 qPrintable(failure));
        QVERIFY(child<QLabel>(&w, "soPinStatus")->text().contains(QLatin1String("14 tries left")));
        QVERIFY(child<QLineEdit>(&w, "currentSoPin")->text().isEmpty());
        QVERIFY(!child<QRadioButton>(&w, "soPinDefault")->isChecked()); // the refused choice is not kept
        QVERIFY(child<QRadioButton>(&w, "soPinOther")->isChecked());
        QVERIFY(!forwardEnabled(w)); // never retried by itself
        auto facts = scHsmToolFacts();
        QCOMPARE(fact(facts, QStringLiteral("SO-PIN tries left")), QStringLiteral("14"));
        QCOMPARE(fact(facts, QStringLiteral("DKEK shares")), QStringLiteral("2"));
        QCOMPARE(openScTokenLabelAndSerial().first, QStringLiteral("toolinit (UserPIN)"));

        // The correction: the device accepts it at once, still nothing erased.
        typeInto(&w, "currentSoPin", kToolSoPin);
        pressEnter(w);
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::NewSoPinPageId), 30000);
        QVERIFY(child<QLabel>(&w, "soPinFailure")->text().isEmpty());
        facts = scHsmToolFacts();
        QCOMPARE(fact(facts, QStringLiteral("SO-PIN tries left")), QStringLiteral("15")); // the right one resets the count
        QCOMPARE(fact(facts, QStringLiteral("DKEK shares")), QStringLiteral("2"));
        QCOMPARE(openScTokenLabelAndSerial().first, QStringLiteral("toolinit (UserPIN)"));
        // Back and Next again: the checked SO-PIN goes on without a second check.
        w.back();
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::SoPinPageId));
        w.button(QWizard::NextButton)->click();
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::NewSoPinPageId));

        InitChoices c{kToolSoPin, QString(), QStringLiteral("135792"), 3, true, false, 1, QStringLiteral("Second"),
                      QStringLiteral("toolinit")}; // the current label identifies the device too
        runInitialize(w, c);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::ResultPageId), 30000);
        QVERIFY(w.state().result);
        facts = scHsmToolFacts();
        QCOMPARE(fact(facts, QStringLiteral("SO-PIN tries left")), QStringLiteral("15"));
        QCOMPARE(fact(facts, QStringLiteral("DKEK shares")), QStringLiteral("1"));
        QCOMPARE(openScTokenLabelAndSerial().first, QStringLiteral("Second (UserPIN)"));
        QVERIFY(loginThroughOpenSc(QStringLiteral("135792")).exitCode == 0);
    }

    // The SO-PIN was right on its page but another client changed it before the commit:
    // the initialization is refused, and the wizard goes back to the SO-PIN page as above.
    void soPinChangedBeforeCommitGoesBack()
    {
        initializeWithScHsmTool(1);
        SchsmJobs jobs;
        SchsmInitializeWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        w.show();
        setChecked(&w, "soPinOther", true);
        typeInto(&w, "currentSoPin", kToolSoPin);
        pressEnter(w);
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::NewSoPinPageId), 30000);
        // opensc-tool changes the SO-PIN behind the wizard's back.
        const ToolRun r = runTool(QStringLiteral("opensc-tool"),
                                  {QStringLiteral("--reader"), m_reader, QStringLiteral("--send-apdu"),
                                   QStringLiteral("00A4040C0BE82B0601040181C31F0201"), QStringLiteral("--send-apdu"),
                                   QStringLiteral("0024008810") + kToolSoPin + QStringLiteral("8877665544332211")});
        QVERIFY2(r.out.count(QLatin1String("SW1=0x90, SW2=0x00")) == 2, qPrintable(r.out));
        InitChoices c{kToolSoPin, QString(), QStringLiteral("135792"), 3, true, false, 1, QString(),
                      QStringLiteral("toolinit")};
        runInitialize(w, c);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::SoPinPageId), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isJobRunning(), 30000);
        const QString failure = child<QLabel>(&w, "soPinFailure")->text();
        QVERIFY2(failure == QStringLiteral("Wrong SO-PIN — 14 tries left (SW 63CE). Nothing on the device was changed."),
                 qPrintable(failure));
        QVERIFY(child<QLineEdit>(&w, "currentSoPin")->text().isEmpty());
        QVERIFY(!child<QRadioButton>(&w, "soPinDefault")->isChecked());
        QVERIFY(!forwardEnabled(w));
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("14"));
        QCOMPARE(openScTokenLabelAndSerial().first, QStringLiteral("toolinit (UserPIN)"));
        QCOMPARE(verifySoPinWithOpenScTool(m_reader, QStringLiteral("8877665544332211")), QStringLiteral("9000"));
    }

    void lastSoPinTryNeedsATick()
    {
        initializeWithScHsmTool(1);
        for (int i = 0; i < 14; ++i)
            QCOMPARE(verifySoPinWithOpenScTool(m_reader, QStringLiteral("FFFFFFFFFFFFFFFF")).left(3), QStringLiteral("63C"));
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("1"));
        SchsmJobs jobs;
        SchsmInitializeWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        w.show();
        typeInto(&w, "currentSoPin", kToolSoPin);
        QVERIFY(child<QCheckBox>(&w, "soFinalTryAck")->isVisible());
        QVERIFY(!forwardEnabled(w));
        QVERIFY(child<QLabel>(&w, "soPinMessage")->text().contains(QLatin1String("Only one SO-PIN try is left")));
        setChecked(&w, "soFinalTryAck", true);
        QVERIFY(forwardEnabled(w));
        w.button(QWizard::CancelButton)->click();
        QVERIFY(!w.isVisible());
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("1"));
    }

    void validationBlocksAndBackKeepsValues()
    {
        factory(QStringLiteral("nitrokey"));
        SchsmJobs jobs;
        SchsmInitializeWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        w.show();
        // The vendor's default is preselected on this device; the user picks Another and types.
        QTRY_VERIFY_WITH_TIMEOUT(child<QRadioButton>(&w, "soPinDefault")->isChecked(), 10000);
        QVERIFY(!child<QLineEdit>(&w, "currentSoPin")->isEnabled());
        setChecked(&w, "soPinOther", true);
        QVERIFY(child<QLineEdit>(&w, "currentSoPin")->isEnabled());
        typeInto(&w, "currentSoPin", QStringLiteral("12345"));
        QVERIFY(!forwardEnabled(w));
        QVERIFY(child<QLabel>(&w, "soPinMessage")->text().contains(QLatin1String("16 hexadecimal digits")));
        typeInto(&w, "currentSoPin", QStringLiteral("3537363231383830")); // the default, typed
        pressEnter(w);
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::NewSoPinPageId), 30000);
        auto *change = child<QCheckBox>(&w, "changeSoPin");
        QVERIFY(change->isChecked() && !change->isEnabled()); // the public default must go
        const auto newSoProblem = [&](const QString &a, const QString &b) {
            typeInto(&w, "newSoPin", a);
            typeInto(&w, "newSoPinRepeat", b);
            return forwardEnabled(w) ? QString() : child<QLabel>(&w, "newSoPinMessage")->text();
        };
        QVERIFY(newSoProblem(QStringLiteral("A1B2C3D4E5F60718"), QStringLiteral("A1B2C3D4E5F60719")).contains(QLatin1String("differ")));
        QVERIFY(newSoProblem(QStringLiteral("3537363231383830"), QStringLiteral("3537363231383830")).contains(QLatin1String("public")));
        QVERIFY(newSoProblem(QStringLiteral("A1B2C3D4E5F6071G"), QStringLiteral("A1B2C3D4E5F6071G")).contains(QLatin1String("hexadecimal")));
        QVERIFY(newSoProblem(QStringLiteral("a1b2c3d4e5f60718"), QStringLiteral("a1b2c3d4e5f60718")).isEmpty());
        pressEnter(w);

        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::UserPinPageId));
        const auto userProblem = [&](const QString &pin, const QString &repeat, int retry) {
            typeInto(&w, "userPin", pin);
            typeInto(&w, "userPinRepeat", repeat);
            setSpin(&w, "retryCounter", retry);
            return forwardEnabled(w) ? QString() : child<QLabel>(&w, "userPinMessage")->text();
        };
        // Only the first field typed: Next waits, but "differ" is not said before the repeat is used.
        typeInto(&w, "userPin", QStringLiteral("123456"));
        QVERIFY(!forwardEnabled(w));
        QVERIFY2(!child<QLabel>(&w, "userPinMessage")->text().contains(QLatin1String("differ")),
                 qPrintable(child<QLabel>(&w, "userPinMessage")->text()));
        QVERIFY(userProblem(QStringLiteral("12345"), QStringLiteral("12345"), 3).contains(QLatin1String("at least 6")));
        QVERIFY(userProblem(QStringLiteral("123456"), QStringLiteral("123457"), 3).contains(QLatin1String("differ")));
        QVERIFY(userProblem(QStringLiteral("123456"), QStringLiteral("123456"), 4).contains(QLatin1String("6-character")));
        QVERIFY(userProblem(QStringLiteral("1234567"), QStringLiteral("1234567"), 6).contains(QLatin1String("7-character")));
        QVERIFY(userProblem(QStringLiteral("12345678"), QStringLiteral("12345678"), 10).isEmpty());
        QCOMPARE(child<QLineEdit>(&w, "userPin")->maxLength(), 15);
        pressEnter(w);

        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::DkekPageId));
        setSpin(&w, "dkekShares", 0);
        QVERIFY(!forwardEnabled(w));
        setChecked(&w, "acceptNoDkek", true);
        QVERIFY(forwardEnabled(w));
        setSpin(&w, "dkekShares", 3);
        setSpin(&w, "dkekShares", 0);
        QVERIFY(!child<QCheckBox>(&w, "acceptNoDkek")->isChecked()); // 0 again needs a new tick
        QVERIFY(!forwardEnabled(w));
        setSpin(&w, "dkekShares", 2);
        pressEnter(w);

        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::LabelPageId));
        typeInto(&w, "label", QString(33, QLatin1Char('x')));
        QVERIFY(!forwardEnabled(w));
        typeInto(&w, "label", QStringLiteral("Kept"));
        QVERIFY(forwardEnabled(w));
        // Back twice and forward again: the values stay.
        w.button(QWizard::BackButton)->click();
        QCOMPARE(child<QSpinBox>(&w, "dkekShares")->value(), 2);
        w.button(QWizard::BackButton)->click();
        QCOMPARE(child<QSpinBox>(&w, "retryCounter")->value(), 10);
        QVERIFY(forwardEnabled(w));
        w.button(QWizard::NextButton)->click();
        w.button(QWizard::NextButton)->click();
        QCOMPARE(child<QLineEdit>(&w, "label")->text(), QStringLiteral("Kept"));
        pressEnter(w);
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::ConfirmPageId));
        QTRY_VERIFY_WITH_TIMEOUT(w.state().objectsState == SchsmInitState::Objects::Read, 10000);
        typeInto(&w, "confirmation", QStringLiteral("DETD000004")); // not quite the serial
        QVERIFY(!forwardEnabled(w));

        // Escape leaves; nothing was sent and no field keeps a secret.
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.isVisible());
        for (SecretEdit *e : w.findChildren<SecretEdit *>())
            QVERIFY(e->text().isEmpty());
        const auto facts = scHsmToolFacts();
        QCOMPARE(fact(facts, QStringLiteral("SO-PIN tries left")), QStringLiteral("15"));
        QCOMPARE(fact(facts, QStringLiteral("DKEK shares")), QStringLiteral("0"));
    }

    // The SO-PIN page as a new user meets it (issue 16 trial): with "Another SO-PIN"
    // preselected the field has the keyboard focus, so typing goes into it at once; the
    // subtitle speaks of a used-up try only where the device has an SO-PIN to check
    // (sc-hsm-tool says whether it was initialized); and the commit page shows the label as
    // OpenSC (pkcs11-tool -L) shows it and takes exactly that as the typed confirmation.
    void soPinPageFocusWordingAndLabelAsShown()
    {
        // Never initialized: nothing can be wrong, no try is spent.
        factory();
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("never initialized")), QStringLiteral("yes"));
        {
            SchsmJobs jobs;
            SchsmInitializeWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            const QString sub = w.currentPage()->subTitle();
            QVERIFY2(!sub.contains(QLatin1String("uses up one try")) && sub.contains(QLatin1String("no try is used up")),
                     qPrintable(sub));
            QVERIFY(child<QRadioButton>(&w, "soPinDefault")->isChecked());
        }

        // Initialized with a label and shares (not as from the factory): Another is preselected.
        initializeWithScHsmTool(1, QStringLiteral("Finance HSM"));
        const QString shownByOpenSc = openScTokenLabelAndSerial().first;
        QCOMPARE(shownByOpenSc, QStringLiteral("Finance HSM (UserPIN)"));
        SchsmJobs jobs;
        SchsmInitializeWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *soPin = child<QLineEdit>(&w, "currentSoPin");
        QTRY_VERIFY(child<QRadioButton>(&w, "soPinOther")->isChecked());
        QTRY_COMPARE(w.focusWidget(), soPin);
        QVERIFY2(w.currentPage()->subTitle().contains(QLatin1String("uses up one try")),
                 qPrintable(w.currentPage()->subTitle()));
        QTest::keyClicks(w.focusWidget(), kToolSoPin); // typed where the focus is, as a user does
        QCOMPARE(soPin->text().size(), kToolSoPin.size());
        QVERIFY(forwardEnabled(w));
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("15"));

        // The confirmation typed is the label the page shows, which is OpenSC's.
        runInitialize(w, {kToolSoPin, QString(), QStringLiteral("123456"), 3, true, false, 1, QString(), shownByOpenSc});
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::ResultPageId), 30000);
        QVERIFY(w.state().result);
        const QString summary = child<QLabel>(&w, "summary")->text();
        QVERIFY2(summary.contains(QStringLiteral("“%1”").arg(shownByOpenSc)), qPrintable(summary));

        // Without a label of its own: OpenSC's name is shown, and only the serial is asked for
        // (OpenSC's default name would fit any such device).
        QCOMPARE(openScTokenLabelAndSerial().first, QStringLiteral("SmartCard-HSM (UserPIN)"));
        SchsmInitializeWizard again(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        again.show();
        runInitialize(again, {kToolSoPin, QString(), QStringLiteral("123456"), 3, true, false, 1, QString(),
                              QStringLiteral("SmartCard-HSM (UserPIN)"), true});
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(again.currentId(), int(SchsmInitializeWizard::ConfirmPageId));
        QVERIFY(!forwardEnabled(again)); // not accepted
        const QString shown = child<QLabel>(&again, "summary")->text();
        QVERIFY2(shown.contains(QStringLiteral("“SmartCard-HSM (UserPIN)”")), qPrintable(shown));
        QVERIFY(!shown.contains(QLatin1String("(none)")));
        typeInto(&again, "confirmation", kSerial);
        QVERIFY(forwardEnabled(again));
        QTest::keyClick(&again, Qt::Key_Escape);
    }

    // A device never initialized takes the SO-PIN given on the first page as its SO-PIN and
    // checks nothing: "Another SO-PIN" is typed twice there (issue 16 trial: typed once,
    // hidden, one typo and nobody knew the device's SO-PIN). The mismatch is said once the
    // repeat field was used, Next waits for both; the SO-PIN the device then has (opensc-tool
    // VERIFY, sc-hsm-tool's tries) is the one typed twice, and the wrong repeat is not.
    void ownSoPinOnNeverInitializedTypedTwice()
    {
        factory();
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("never initialized")), QStringLiteral("yes"));
        const QString own = QStringLiteral("1122334455667788");
        const QString typo = QStringLiteral("1122334455667789");
        SchsmJobs jobs;
        SchsmInitializeWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *first = child<QLineEdit>(&w, "currentSoPin");
        auto *repeat = child<QLineEdit>(&w, "currentSoPinRepeat");
        auto *message = child<QLabel>(&w, "soPinMessage");
        QVERIFY(repeat->isVisible());
        setChecked(&w, "soPinOther", true);
        QTRY_COMPARE(w.focusWidget(), first); // picking Another puts the cursor in its field
        QTest::keyClicks(w.focusWidget(), own.left(2));
        QVERIFY2(!message->text().contains(QLatin1String("differ")), qPrintable(message->text()));
        QTest::keyClicks(w.focusWidget(), own.mid(2));
        QCOMPARE(first->text().size(), 16);
        QVERIFY(message->text().isEmpty()); // valid, the repeat not touched yet: nothing said
        QVERIFY(!forwardEnabled(w));         // but not typed twice
        pressEnter(w);
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::SoPinPageId));
        // Into the repeat field and out again without typing: now the mismatch is said.
        QTest::keyClick(w.focusWidget(), Qt::Key_Tab);
        QCOMPARE(w.focusWidget(), repeat);
        QTest::keyClick(w.focusWidget(), Qt::Key_Tab);
        QVERIFY2(message->text() == QLatin1String("The two SO-PINs differ."), qPrintable(message->text()));
        QVERIFY(!forwardEnabled(w));
        // A wrong repeat, Enter: nothing goes on.
        typeInto(&w, "currentSoPinRepeat", typo);
        QCOMPARE(message->text(), QStringLiteral("The two SO-PINs differ."));
        QVERIFY(!forwardEnabled(w));
        pressEnter(w);
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::SoPinPageId));
        // The correction: one Backspace and the right digit.
        QTest::keyClick(repeat, Qt::Key_Backspace);
        QVERIFY(!forwardEnabled(w));
        QTest::keyClick(repeat, Qt::Key_8);
        QVERIFY(message->text().isEmpty());
        QVERIFY(forwardEnabled(w));
        pressEnter(w);
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::NewSoPinPageId));
        // Not the public default: replacing it is optional, the cursor is in the first field.
        QVERIFY(child<QCheckBox>(&w, "changeSoPin")->isEnabled());
        QTRY_COMPARE(w.focusWidget(), child<QLineEdit>(&w, "newSoPin"));
        runInitialize(w, {own, QString(), QStringLiteral("246810"), 3, true, false, 1, QStringLiteral("Twice"),
                          kSerial});
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::ResultPageId), 30000);
        QVERIFY(w.state().result);
        QVERIFY(!child<QLabel>(&w, "resultDetails")->text().contains(QLatin1String("SO-PIN was changed")));
        pressEnter(w);
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("SO-PIN tries left")), QStringLiteral("15"));
        QCOMPARE(verifySoPinWithOpenScTool(m_reader, typo), QStringLiteral("63CE")); // the typo is not it
        QCOMPARE(verifySoPinWithOpenScTool(m_reader, own), QStringLiteral("9000"));  // the one typed twice is
        QCOMPARE(openScTokenLabelAndSerial().first, QStringLiteral("Twice (UserPIN)"));
    }

    // The New SO-PIN page where the change is optional (issue 16 trial): with the box ticked
    // and the fields empty Next used to go on and keep the SO-PIN. Now Next waits for both
    // fields, valid and equal; the mismatch is said only once the repeat field has content;
    // the cursor starts in the first field. Then both ends: changed (the device has the new
    // SO-PIN, not the old one, and the result says so) or unticked and kept (the result says
    // nothing of a change, and the old SO-PIN still verifies).
    void newSoPinTickedNeedsBothFields_data()
    {
        QTest::addColumn<bool>("change");
        QTest::newRow("changed") << true;
        QTest::newRow("unticked, kept") << false;
    }
    void newSoPinTickedNeedsBothFields()
    {
        QFETCH(bool, change);
        const QString fresh = QStringLiteral("A1B2C3D4E5F60718");
        initializeWithScHsmTool(1);
        SchsmJobs jobs;
        SchsmInitializeWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        setChecked(&w, "soPinOther", true);
        typeInto(&w, "currentSoPin", kToolSoPin);
        QVERIFY(!child<QLineEdit>(&w, "currentSoPinRepeat")->isVisible()); // the device checks this one
        pressEnter(w);
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::NewSoPinPageId), 30000);
        auto *box = child<QCheckBox>(&w, "changeSoPin");
        auto *message = child<QLabel>(&w, "newSoPinMessage");
        QVERIFY(box->isEnabled() && box->isChecked());
        QTRY_COMPARE(w.focusWidget(), child<QLineEdit>(&w, "newSoPin"));
        QVERIFY(!forwardEnabled(w)); // ticked, nothing typed
        pressEnter(w);
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::NewSoPinPageId));
        QTest::keyClicks(w.focusWidget(), fresh.left(2)); // typed where the cursor is
        QCOMPARE(child<QLineEdit>(&w, "newSoPin")->text().size(), 2);
        QVERIFY2(!message->text().contains(QLatin1String("differ")), qPrintable(message->text()));
        QTest::keyClicks(w.focusWidget(), fresh.mid(2));
        QVERIFY2(!message->text().contains(QLatin1String("differ")), qPrintable(message->text()));
        QVERIFY(!forwardEnabled(w)); // the repeat is missing
        QTest::keyClick(w.focusWidget(), Qt::Key_Tab);
        QTest::keyClicks(w.focusWidget(), QStringLiteral("A1B2C3D4E5F60719")); // a wrong repeat
        QCOMPARE(message->text(), QStringLiteral("The two SO-PINs differ."));
        QVERIFY(!forwardEnabled(w));
        pressEnter(w);
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::NewSoPinPageId));
        typeInto(&w, "newSoPinRepeat", fresh); // the correction
        QVERIFY(message->text().isEmpty());
        QVERIFY(forwardEnabled(w));
        // Unticked: Next keeps the SO-PIN; ticked again with the fields emptied: Next waits.
        setChecked(&w, "changeSoPin", false);
        QVERIFY(forwardEnabled(w));
        setChecked(&w, "changeSoPin", true);
        typeInto(&w, "newSoPin", QString());
        typeInto(&w, "newSoPinRepeat", QString());
        QVERIFY(!forwardEnabled(w));
        runInitialize(w, {kToolSoPin, change ? fresh : QString(), QStringLiteral("135246"), 3, true, false, 1,
                          QString(), kSerial});
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::ResultPageId), 30000);
        QVERIFY(w.state().result);
        QCOMPARE(w.state().result->soPinChanged, change);
        QCOMPARE(child<QLabel>(&w, "resultDetails")->text().contains(QLatin1String("The SO-PIN was changed")), change);
        pressEnter(w);
        QCOMPARE(verifySoPinWithOpenScTool(m_reader, change ? fresh : kToolSoPin), QStringLiteral("9000"));
        QCOMPARE(verifySoPinWithOpenScTool(m_reader, change ? kToolSoPin : fresh), QStringLiteral("63CE"));
    }

    void commitPageListsWhatIsErased()
    {
        initializeWithScHsmTool(1, QStringLiteral("Has a cert"));
        // A certificate written by OpenSC (pkcs11-tool), which the initialization erases.
        const ToolRun write = writeCertificateThroughOpenSc(QStringLiteral("648219"));
        QVERIFY2(write.exitCode == 0, qPrintable(write.out));
        SchsmJobs jobs;
        SchsmInitializeWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        w.show();
        runInitialize(w, {kToolSoPin, QString(), QStringLiteral("123456"), 3, true, false, 1, QString(),
                          QStringLiteral("Has a cert")});
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::ResultPageId), 30000);
        QVERIFY(w.state().result);
        QCOMPARE(w.state().objects.label, QStringLiteral("Has a cert"));
        QCOMPARE(w.state().objects.certificates, 1);
        // The page listed it before the commit (the summary keeps its last text).
        const QString summary = child<QLabel>(&w, "summary")->text();
        QVERIFY2(summary.contains(QLatin1String("everything on it: 1 certificate")), qPrintable(summary));
        const ToolRun objects = runTool(QStringLiteral("pkcs11-tool"),
                                        {QStringLiteral("--module"), kOpenScModule, QStringLiteral("-O")});
        QVERIFY2(!objects.out.contains(QLatin1String("Certificate Object")), qPrintable(objects.out));
    }

    // While the job runs, Escape, the close button, Cancel and Back do nothing but say why.
    // The reader's worker is held by a job of the test, so the wizard's job waits behind it.
    void initializeCannotBeEscapedWhileRunning()
    {
        factory();
        SchsmJobs jobs;
        SchsmInitializeWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        QSignalSpy refused(&w, &TokenJobWizard::closeRefused);
        QSignalSpy changed(&w, &SchsmInitializeWizard::deviceChanged);
        w.show();
        QSemaphore gate;
        // Whatever fails, the held worker is let go (the jobs' destructor waits for it).
        const auto letGo = qScopeGuard([&gate] { gate.release(); });
        QFuture<void> hold;
        InitChoices c{QString(), QStringLiteral("0011223344556677"), QStringLiteral("123456"), 3, true, false, 1,
                      QStringLiteral("Held"), kSerial};
        // The commit press is the last step of runInitialize: hold the worker just before.
        QTRY_VERIFY_WITH_TIMEOUT(w.state().objectsState != SchsmInitState::Objects::Reading, 10000);
        hold = jobs.worker(m_reader).submit<void>([&gate](QPromise<void> &) { gate.acquire(); });
        runInitialize(w, c);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::ProgressPageId));
        QVERIFY(w.isJobRunning());
        QTest::keyClick(&w, Qt::Key_Escape);
        w.close(); // the window's close button
        QVERIFY(!w.button(QWizard::CancelButton)->isEnabled());
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled());
        w.button(QWizard::CancelButton)->click();
        w.button(QWizard::BackButton)->click();
        QVERIFY(w.isVisible());
        QCOMPARE(w.currentId(), int(SchsmInitializeWizard::ProgressPageId));
        QVERIFY(refused.count() >= 2);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("never initialized")), QStringLiteral("yes"));
        gate.release();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmInitializeWizard::ResultPageId), 30000);
        QVERIFY(w.state().result);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(openScTokenLabelAndSerial().first, QStringLiteral("Held (UserPIN)"));
        w.close();
        QVERIFY(!w.isVisible());
    }

    // --- Import DKEK shares -------------------------------------------------------
    void importVectorsPasswordAndNOfM()
    {
        initializeWithScHsmTool(2);
        SchsmJobs jobs;
        SchsmImportSharesWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        QSignalSpy changed(&w, &SchsmImportSharesWizard::deviceChanged);
        SchsmSharesPage *page = w.sharesPage();
        QSignalSpy opened(page, &SchsmSharesPage::shareOpened);
        QSignalSpy asked(page, &SchsmSharesPage::unlockAsked);
        w.show();
        QVERIFY(!forwardEnabled(w));
        page->setIterationCountForTesting(kFastIterations);
        page->addShareFiles({m_vectorPassword, m_vector2of3});

        // The first file with its password.
        QTRY_COMPARE(asked.count(), 1);
        answerWithPassword(page, kVectorPassword);
        QVERIFY(opened.wait(kVectorOpenMs));

        // The second with two of its three custodians' shares.
        QTRY_COMPARE(asked.count(), 2);
        UnlockDkekShareDialog *unlock = visibleUnlock(page);
        QVERIFY(unlock);
        setChecked(unlock, "unlockCustodianMode", true);
        typeInto(unlock, "primeEdit", kVectorPrime);
        typeInto(unlock, "shareIdEdit", QStringLiteral("1"));
        typeInto(unlock, "shareValueEdit", QString::fromLatin1(kVectorCustodian1));
        child<QPushButton>(unlock, "addShareButton")->click();
        typeInto(unlock, "shareIdEdit", QStringLiteral("3"));
        typeInto(unlock, "shareValueEdit", QString::fromLatin1(kVectorCustodian3));
        child<QPushButton>(unlock, "openButton")->click();
        QVERIFY(opened.wait(kVectorOpenMs));

        // Each share's check value and the combined one, before anything is sent (vectors README).
        auto *table = child<QTableWidget>(&w, "sharesTable");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("1869AACFBA17D873"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("custodian shares"));
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("09DE576F12F7DC1B"));
        QCOMPARE(child<QLabel>(&w, "expectedKcv")->text(), QStringLiteral("37F1C935F7EE4831"));
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("pending")), QStringLiteral("2")); // nothing sent yet
        QVERIFY(forwardEnabled(w));
        QCOMPARE(w.button(QWizard::CommitButton)->text(), QStringLiteral("&Import 2 Share(s)"));
        w.button(QWizard::CommitButton)->click();

        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmImportSharesWizard::ResultPageId), 30000);
        const QString headline = child<QLabel>(&w, "resultHeadline")->text();
        QVERIFY2(headline.contains(QLatin1String("37F1C935F7EE4831")) && headline.contains(QLatin1String("expected")),
                 qPrintable(headline));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("DKEK key check value")), QStringLiteral("37F1C935F7EE4831"));
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("pending")), QString());
        pressEnter(w);
        QVERIFY(!w.isVisible());
    }

    void shareTheDeviceHasIsRefused()
    {
        initializeWithScHsmTool(2);
        // The device gets share A through another session first.
        OpenShareRequest req;
        req.path = m_fastA;
        req.passwords.push_back(SecureBytes::fromUtf8("alpha-share"));
        req.iterations = kFastIterations;
        const auto a = DkekShareJobs::open(req);
        QVERIFY(a);
        SchsmDevice::importShares(m_reader, {DkekShareInput{QStringLiteral("alpha.pbe"), a->kcv, a->share}});
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("pending")), QStringLiteral("1"));

        SchsmJobs jobs;
        SchsmImportSharesWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        w.show();
        openFast(w.sharesPage(), {m_fastA}, {"alpha-share"});
        if (QTest::currentTestFailed())
            return;
        const QString verdict = child<QLabel>(&w, "planVerdict")->text();
        QVERIFY2(verdict.contains(QLatin1String("already has the share"))
                     && verdict.contains(formatKeyCheckValue(m_fastAKcv)),
                 qPrintable(verdict));
        QVERIFY(!forwardEnabled(w));
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("pending")), QStringLiteral("1")); // nothing sent
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.isVisible());
    }

    // The unlock dialog while the key is derived (the real 10,000,000 rounds of the vector
    // file): it keeps its size (the status line and the bar have their room from the start)
    // and "Opening …" is said once, in the dialog, not again on the page behind it.
    void unlockDialogSteadyWhileDeriving()
    {
        initializeWithScHsmTool(1);
        SchsmJobs jobs;
        SchsmImportSharesWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        w.show();
        SchsmSharesPage *page = w.sharesPage();
        QSignalSpy asked(page, &SchsmSharesPage::unlockAsked);
        page->addShareFiles({vectorFile(QStringLiteral("share-password.pbe"))});
        QTRY_COMPARE(asked.count(), 1);
        UnlockDkekShareDialog *unlock = visibleUnlock(page);
        QVERIFY(unlock);
        QVERIFY(QTest::qWaitForWindowExposed(unlock));
        typeInto(unlock, "unlockPasswordEdit", QString::fromLatin1(kVectorPassword));
        const QSize before = unlock->size();
        const auto openingTexts = [] {
            QSet<QLabel *> found; // the dialog is the page's child: reached from both windows
            for (QWidget *top : QApplication::topLevelWidgets())
                for (QLabel *l : top->findChildren<QLabel *>())
                    if (l->isVisible() && l->text().contains(QLatin1String("Opening share-password.pbe")))
                        found.insert(l);
            QStringList names;
            for (QLabel *l : found)
                names << l->objectName();
            return names;
        };
        child<QPushButton>(unlock, "openButton")->click();
        auto *bar = child<QProgressBar>(unlock, "unlockProgress");
        QTRY_VERIFY(bar->isVisible());
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCOMPARE(unlock->size(), before);
        QCOMPARE(openingTexts(), QStringList{QStringLiteral("unlockProblem")});
        // Every part of the dialog still gets the height it asks for (nothing squeezed).
        for (QWidget *part : unlock->findChildren<QWidget *>())
            if (part->isVisible() && part->layout())
                QVERIFY2(part->height() >= part->minimumSizeHint().height(), qPrintable(part->metaObject()->className()));
        // Cancel stops the derivation; nothing was opened.
        QTest::mouseClick(unlock->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isOpening(), 20000);
        QVERIFY(w.state().shares.empty());
        QTest::keyClick(&w, Qt::Key_Escape);
    }

    void sameShareTwiceAndWrongPassword()
    {
        factory();
        SchsmDevice::initialize(m_reader, [] {
            InitializeDeviceParams p;
            p.currentSoPin = SecureBytes::fromUtf8("0011223344556677");
            p.userPin = SecureBytes::fromUtf8("123456");
            p.dkekShares = 2;
            return p;
        }());
        SchsmJobs jobs;
        SchsmImportSharesWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        SchsmSharesPage *page = w.sharesPage();
        page->setIterationCountForTesting(kFastIterations);
        QSignalSpy opened(page, &SchsmSharesPage::shareOpened);
        QSignalSpy refusedShare(page, &SchsmSharesPage::shareRefused);
        QSignalSpy asked(page, &SchsmSharesPage::unlockAsked);
        w.show();
        const auto answer = [&](int n, const char *password) {
            QTRY_COMPARE(asked.count(), n);
            answerWithPassword(page, password);
        };
        page->addShareFiles({m_fastA, m_fastA, m_fastB});
        answer(1, "alpha-share");
        QVERIFY(opened.wait(20000));
        answer(2, "alpha-share");
        QVERIFY(refusedShare.wait(20000));
        QVERIFY(refusedShare.last().at(0).toString().contains(QLatin1String("same share")));
        QCOMPARE(child<QTableWidget>(&w, "sharesTable")->rowCount(), 1);
        // The one share alone: allowed, but the device still waits for one more.
        QCOMPARE(child<QLabel>(&w, "expectedKcv")->text(), QStringLiteral("—"));

        // A wrong password (Enter in the field presses Open): the dialog stays with the
        // sentence, the entry is emptied, the file is kept; the right one then opens it.
        QTRY_COMPARE(asked.count(), 3);
        QPointer<UnlockDkekShareDialog> unlock = visibleUnlock(page);
        QVERIFY(unlock);
        QSignalSpy wrongPassword(page, &SchsmSharesPage::passwordRefused);
        const int refusedBefore = refusedShare.count();
        typeInto(unlock, "unlockPasswordEdit", QStringLiteral("wrong password"));
        QTest::keyClick(child<QLineEdit>(unlock, "unlockPasswordEdit"), Qt::Key_Return);
        QVERIFY(wrongPassword.wait(20000));
        const QString sentence = QStringLiteral("Wrong password or not a DKEK share file.");
        QCOMPARE(wrongPassword.last().at(0).toString(), sentence);
        QCOMPARE(refusedShare.count(), refusedBefore); // the file is still being asked for
        QVERIFY(unlock && unlock->isVisible());
        QCOMPARE(asked.count(), 3); // the same dialog for the same file
        // Said once, in the dialog, in the error style (not the link colour), not again on the page.
        auto *problem = child<QLabel>(unlock, "unlockProblem");
        QCOMPARE(problem->text(), sentence);
        QVERIFY2(problem->styleSheet().contains(QLatin1String("#b02020")), qPrintable(problem->styleSheet()));
        QCOMPARE(unlock->parentWidget()->window(), &w); // so the count below sees the dialog too
        int saying = 0;
        for (QLabel *l : w.findChildren<QLabel *>())
            if (l->isVisible() && l->text().contains(QLatin1String("Wrong password")))
                ++saying;
        QCOMPARE(saying, 1);
        QVERIFY(child<QLineEdit>(unlock, "unlockPasswordEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>(unlock, "unlockPasswordEdit")->isEnabled());
        QCOMPARE(child<QTableWidget>(&w, "sharesTable")->rowCount(), 1);
        QVERIFY(!forwardEnabled(w)); // the file is still being asked for
        typeInto(unlock, "unlockPasswordEdit", QStringLiteral("bravo-share"));
        QTest::keyClick(child<QLineEdit>(unlock, "unlockPasswordEdit"), Qt::Key_Return);
        QVERIFY(opened.wait(20000));
        QTRY_VERIFY(!unlock || !unlock->isVisible());
        QCOMPARE(child<QTableWidget>(&w, "sharesTable")->rowCount(), 2);

        // Esc in the next file's dialog: nothing added, nothing refused, the page usable.
        page->addShareFiles({m_fastA});
        QTRY_COMPARE(asked.count(), 4);
        unlock = visibleUnlock(page);
        QTest::keyClick(unlock, Qt::Key_Escape);
        QTRY_VERIFY(!visibleUnlock(page));
        QCOMPARE(child<QTableWidget>(&w, "sharesTable")->rowCount(), 2);
        QTRY_VERIFY(forwardEnabled(w));
        const QString shown = page->expectedKcvText();
        QVERIFY(!shown.isEmpty());
        w.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmImportSharesWizard::ResultPageId), 30000);
        // The value TokenDesk predicted is the one the device reports (sc-hsm-tool reads it).
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("DKEK key check value")), shown);
        QVERIFY(child<QLabel>(&w, "resultHeadline")->text().contains(QLatin1String("is the expected one")));
    }

    void mismatchingDeviceKcvStops()
    {
        initializeWithScHsmTool(1);
        QCOMPARE(control(QStringLiteral("corrupt-next-import")), QStringLiteral("ok"));
        SchsmJobs jobs;
        SchsmImportSharesWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        SchsmSharesPage *page = w.sharesPage();
        w.show();
        openFast(page, {m_fastA}, {"alpha-share"});
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(page->expectedKcvText(), formatKeyCheckValue(m_fastAKcv));
        w.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmImportSharesWizard::ResultPageId), 30000);
        const QString headline = child<QLabel>(&w, "resultHeadline")->text();
        const QString details = child<QLabel>(&w, "resultDetails")->text();
        QCOMPARE(headline, QStringLiteral("The device's DKEK is not the one these shares make."));
        const QString deviceKcv = fact(scHsmToolFacts(), QStringLiteral("DKEK key check value"));
        QVERIFY(!deviceKcv.isEmpty() && deviceKcv != formatKeyCheckValue(m_fastAKcv));
        QVERIFY2(details.contains(deviceKcv) && details.contains(formatKeyCheckValue(m_fastAKcv)), qPrintable(details));
        QVERIFY(!headline.contains(QLatin1String("expected one")));
    }

    void cardRemovedOrLockedMidImport_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<bool>("readableAfter");
        QTest::newRow("removed") << "vanish-on-import 2" << "went away while share 2 of 2" << false;
        QTest::newRow("locked") << "refuse-import 2 6983" << "refused share 2 of 2" << true;
    }
    void cardRemovedOrLockedMidImport()
    {
        QFETCH(QString, fault);
        QFETCH(QString, sentence);
        QFETCH(bool, readableAfter);
        initializeWithScHsmTool(2);
        SchsmJobs jobs;
        SchsmImportSharesWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        QSignalSpy changed(&w, &SchsmImportSharesWizard::deviceChanged);
        w.show();
        openFast(w.sharesPage(), {m_fastA, m_fastB}, {"alpha-share", "bravo-share"});
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(control(fault), QStringLiteral("ok"));
        w.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmImportSharesWizard::ResultPageId), 30000);
        const QString headline = child<QLabel>(&w, "resultHeadline")->text();
        const QString details = child<QLabel>(&w, "resultDetails")->text();
        QCOMPARE(headline, QStringLiteral("The import did not complete."));
        QVERIFY2(details.contains(sentence), qPrintable(details));
        QVERIFY(!details.contains(QLatin1String("is the expected one")));
        QCOMPARE(w.state().statusAfter.has_value(), readableAfter);
        if (readableAfter)
            QVERIFY2(details.contains(QLatin1String("1 of 2 imported")), qPrintable(details));
        QCOMPARE(changed.count(), 1);
        // Back in the reader (or unlocked), the device has the first share only.
        QCOMPARE(control(QStringLiteral("insert")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(m_reader), 10000);
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("pending")), QStringLiteral("1"));
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("DKEK key check value")), QString());
    }

    void stopAfterThisShare()
    {
        initializeWithScHsmTool(2);
        SchsmJobs jobs;
        SchsmImportSharesWizard w(jobs, m_reader, SchsmDevice::readStatus(m_reader));
        QSignalSpy refused(&w, &TokenJobWizard::closeRefused);
        QSignalSpy changed(&w, &SchsmImportSharesWizard::deviceChanged);
        w.show();
        openFast(w.sharesPage(), {m_fastA, m_fastB}, {"alpha-share", "bravo-share"});
        if (QTest::currentTestFailed())
            return;
        // Whatever fails, the card lets the held command go (the jobs' destructor waits for it).
        const auto letGo = qScopeGuard([] { control(QStringLiteral("release")); });
        QCOMPARE(control(QStringLiteral("hold-import")), QStringLiteral("ok"));
        w.button(QWizard::CommitButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(control(QStringLiteral("holding")), QStringLiteral("ok yes"), 20000);
        QVERIFY(child<QLabel>(&w, "importStep")->text().contains(QLatin1String("share 1 of 2")));
        // Escape, the close button, Cancel: refused while the device works.
        QTest::keyClick(&w, Qt::Key_Escape);
        w.close();
        QVERIFY(!w.button(QWizard::CancelButton)->isEnabled());
        QVERIFY(w.isVisible());
        QVERIFY(refused.count() >= 2);
        child<QPushButton>(&w, "stopButton")->click();
        QCOMPARE(control(QStringLiteral("release")), QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(SchsmImportSharesWizard::ResultPageId), 30000);
        QCOMPARE(child<QLabel>(&w, "resultHeadline")->text(),
                 QStringLiteral("Stopped after 1 share(s); the device waits for 1 more."));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(fact(scHsmToolFacts(), QStringLiteral("pending")), QStringLiteral("1"));
        w.close();
        QVERIFY(!w.isVisible());
    }
};

QTEST_MAIN(TestSchsmWizards)
#include "tst_schsmwizards.moc"
