// SPDX-License-Identifier: GPL-3.0-or-later
// The Create DKEK Share wizard and the Check DKEK Shares dialog, driven offscreen
// through their real widgets. One wizard run and one open use the real
// 10,000,000-iteration path; the others lower the count through the test hook.
#include "dkek/custodianshare.h"
#include "dkek/dkeksharejobs.h"
#include "dkek/keycheckvalue.h"
#include "dkek/opensslrandomsource.h"
#include "dkek/passwordsharing.h"
#include "widgets/secretlabel.h"
#include "wizards/dkek/checkdkeksharesdialog.h"
#include "wizards/dkek/createdkeksharewizard.h"
#include "wizards/dkek/dkekpaperbackup.h"
#include "wizards/dkek/dkekresultpage.h"
#include "wizards/dkek/unlockdkeksharedialog.h"

#include <QCheckBox>
#include <QStandardPaths>
#include <QProcess>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

constexpr quint32 kFast = 1000; // test hook: iterations for the runs that need no real derivation

int modeOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

template <typename T>
T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

SecureBytes secret(const char *s)
{
    return SecureBytes::fromUtf8(s);
}

QPushButton *nextButton(QWizard &w)
{
    // On a commit page QWizard shows its Commit button in place of Next.
    return static_cast<QPushButton *>(w.currentPage()->isCommitPage() ? w.button(QWizard::CommitButton)
                                                                       : w.button(QWizard::NextButton));
}

int pdfPageCount(const QByteArray &pdf)
{
    return int(pdf.count("/Type /Page\n")) + int(pdf.count("/Type /Page\r"))
        + int(pdf.count("/Type /Page>")) + int(pdf.count("/Type /Page "));
}

} // namespace

class TestDkekUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passwordWizardRealPath();
    void cancelDuringDerivation();
    void stopButtonGoesBack();
    void custodianWizard();
    void existingFileNeedsConsent();
    void checkDialogCombinesAndRefusesDuplicates();
    void checkDialogCancel();
    void unlockDialogValidation();
    void paperBackupInsidePrintableArea_data();
    void paperBackupInsidePrintableArea();
};

void TestDkekUi::passwordWizardRealPath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("share.pbe"));
    CreateDkekShareWizard w;
    QSignalSpy created(&w, &CreateDkekShareWizard::shareCreated);
    w.show();
    QCOMPARE(w.currentId(), int(CreateDkekShareWizard::DestinationPageId));
    QVERIFY(!nextButton(w)->isEnabled());
    child<QLineEdit>(&w, "destinationEdit")->setText(path);
    QVERIFY(nextButton(w)->isEnabled());
    w.next();
    QCOMPARE(w.currentId(), int(CreateDkekShareWizard::ProtectionPageId));

    auto *password = child<QLineEdit>(&w, "passwordEdit");
    auto *confirm = child<QLineEdit>(&w, "confirmEdit");
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QTest::keyClicks(password, QStringLiteral("correct horse battery staple"));
    QVERIFY(!child<QLabel>(&w, "strengthLabel")->text().isEmpty());
    QTest::keyClicks(confirm, QStringLiteral("correct horse battery stapel"));
    QVERIFY(!nextButton(w)->isEnabled());
    QCOMPARE(child<QLabel>(&w, "protectionProblem")->text(), QStringLiteral("The two passwords differ."));
    confirm->setText(QStringLiteral("correct horse battery staple"));
    QVERIFY(nextButton(w)->isEnabled());
    QCOMPARE(nextButton(w)->text(), QStringLiteral("&Create Share File"));

    QElapsedTimer timer;
    timer.start();
    w.next();
    QCOMPARE(w.currentId(), int(CreateDkekShareWizard::DerivationPageId));
    QVERIFY(password->text().isEmpty() && confirm->text().isEmpty()); // moved into SecureBytes
    auto *progress = child<QProgressBar>(&w, "derivationProgress");
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 20000);
    // On success the wizard moves on by itself.
    QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(CreateDkekShareWizard::ResultPageId), 120000);
    qInfo("wizard, 10M iterations: %lld ms", timer.elapsed());

    QCOMPARE(created.count(), 1);
    QVERIFY(w.state().result.has_value());
    const QByteArray kcv = w.state().result->kcv;
    QCOMPARE(readAll(path).size(), 64);
    QCOMPARE(readAll(path), w.state().result->file);
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(child<QLabel>(&w, "kcvLabel")->text(), formatKeyCheckValue(kcv));
    QVERIFY(!child<QCheckBox>(&w, "includeCustodiansCheck")->isVisible());
    QVERIFY(w.button(QWizard::FinishButton)->isVisible());

    // The check dialog opens it on the real path and shows the same KCV.
    CheckDkekSharesDialog d;
    QSignalSpy opened(&d, &CheckDkekSharesDialog::shareOpened);
    QSignalSpy failed(&d, &CheckDkekSharesDialog::shareFailed);
    std::vector<SecureBytes> pw;
    pw.push_back(secret("correct horse battery staple"));
    d.openShare(path, std::move(pw), false);
    QVERIFY(d.isBusy());
    QVERIFY(opened.wait(120000));
    QTest::qWait(300); // the worker's late teardown must not report a second, cancelled end
    QCOMPARE(failed.count(), 0);
    QVERIFY(!d.isBusy());
    QCOMPARE(child<QLabel>(&d, "checkStatus")->text(), QStringLiteral("Opened share.pbe."));
    QCOMPARE(d.shareCount(), 1);
    QCOMPARE(d.shareKcv(0), formatKeyCheckValue(kcv));
    QCOMPARE(d.combinedKcv(), formatKeyCheckValue(kcv));

    w.button(QWizard::FinishButton)->click();
    QCOMPARE(w.result(), int(QDialog::Accepted));
}

void TestDkekUi::cancelDuringDerivation()
{
    QTemporaryDir dir;
    CreateDkekShareWizard w; // real 10,000,000 iterations
    QSignalSpy stopped(&w, &CreateDkekShareWizard::derivationStopped);
    w.show();
    child<QLineEdit>(&w, "destinationEdit")->setText(dir.filePath(QStringLiteral("cancelled.pbe")));
    w.next();
    child<QLineEdit>(&w, "passwordEdit")->setText(QStringLiteral("a password to cancel"));
    child<QLineEdit>(&w, "confirmEdit")->setText(QStringLiteral("a password to cancel"));
    w.next();
    QCOMPARE(w.currentId(), int(CreateDkekShareWizard::DerivationPageId));
    auto *progress = child<QProgressBar>(&w, "derivationProgress");
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 20000);
    QVERIFY(progress->value() < progress->maximum());

    QElapsedTimer timer;
    timer.start();
    w.button(QWizard::CancelButton)->click();
    QVERIFY(!w.isVisible());
    QVERIFY(stopped.count() > 0 || stopped.wait(1000));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QStringLiteral("worker stopped after %1 ms").arg(timer.elapsed())));
    QCOMPARE(w.result(), int(QDialog::Rejected));
    QVERIFY(!w.state().result.has_value());
    QCOMPARE(filesIn(dir.path()), QStringList()); // no share, no temporary file
}

void TestDkekUi::stopButtonGoesBack()
{
    QTemporaryDir dir;
    CreateDkekShareWizard w;
    QSignalSpy stopped(&w, &CreateDkekShareWizard::derivationStopped);
    w.show();
    child<QLineEdit>(&w, "destinationEdit")->setText(dir.filePath(QStringLiteral("stopped.pbe")));
    w.next();
    child<QLineEdit>(&w, "passwordEdit")->setText(QStringLiteral("a password to stop"));
    child<QLineEdit>(&w, "confirmEdit")->setText(QStringLiteral("a password to stop"));
    w.next();
    QTRY_VERIFY_WITH_TIMEOUT(child<QProgressBar>(&w, "derivationProgress")->value() > 0, 20000);
    child<QPushButton>(&w, "stopButton")->click();
    QCOMPARE(w.currentId(), int(CreateDkekShareWizard::ProtectionPageId));
    QVERIFY(stopped.count() > 0 || stopped.wait(1000));
    QCOMPARE(filesIn(dir.path()), QStringList());
    // The password went to the worker and was wiped: it has to be typed again.
    QVERIFY(child<QLineEdit>(&w, "passwordEdit")->text().isEmpty());
    QVERIFY(!nextButton(w)->isEnabled());
}

void TestDkekUi::custodianWizard()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("custodians.pbe"));
    CreateDkekShareWizard w;
    w.setIterationCountForTesting(kFast);
    w.show();
    child<QLineEdit>(&w, "destinationEdit")->setText(path);
    w.next();
    child<QRadioButton>(&w, "custodianMode")->setChecked(true);
    QVERIFY(!child<QLineEdit>(&w, "passwordEdit")->isEnabled());
    child<QSpinBox>(&w, "totalSpin")->setValue(3);
    child<QSpinBox>(&w, "thresholdSpin")->setValue(2);
    QVERIFY(nextButton(w)->isEnabled());
    w.next();
    QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(CreateDkekShareWizard::FirstCustodianPageId), 30000);
    QVERIFY(w.state().custodians.has_value());
    QCOMPARE(int(w.state().custodians->shares.size()), 3);

    auto shownShares = [&] {
        int shown = 0;
        for (int id : w.pageIds())
            if (auto *label = w.page(id)->findChild<SecretLabel *>(QStringLiteral("shareText")))
                shown += label->hasSecret() ? 1 : 0;
        return shown;
    };

    QStringList printed;
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(w.currentId(), int(CreateDkekShareWizard::FirstCustodianPageId) + i);
        QWizardPage *page = w.currentPage();
        auto *label = child<SecretLabel>(page, "shareText");
        QVERIFY(!label->hasSecret()); // hidden until asked for
        QCOMPARE(shownShares(), 0);
        QVERIFY(!nextButton(w)->isEnabled());
        child<QPushButton>(page, "showShareButton")->click();
        const SecureBytes shown = label->secretCopy();
        const QString shownText = QString::fromLatin1(reinterpret_cast<const char *>(shown.data()),
                                                      qsizetype(shown.size()));
        QVERIFY(shownText.contains(QStringLiteral("Share ID    : %1\n").arg(i + 1)));
        QVERIFY(shownText.startsWith(QStringLiteral("Prime       : ")));
        QCOMPARE(shownShares(), 1); // never more than one custodian's share on screen
        // Nothing else on the page holds the share as text (a QLabel's QString cannot be wiped).
        const QString value = shownText.section(QStringLiteral("Share value : "), 1);
        QVERIFY(!value.isEmpty());
        for (const QLabel *l : w.findChildren<QLabel *>())
            QVERIFY2(!l->text().contains(value), qPrintable(l->objectName()));
        printed << shownText;
        if (i == 0)
            QVERIFY(!w.button(QWizard::BackButton)->isEnabled()); // the file exists: no way back
        child<QCheckBox>(page, "notedCheck")->setChecked(true);
        QVERIFY(nextButton(w)->isEnabled());
        w.next();
        QVERIFY(!label->hasSecret()); // left the page: off the screen and wiped
    }
    QCOMPARE(w.currentId(), int(CreateDkekShareWizard::ResultPageId));
    QCOMPARE(shownShares(), 0);
    QVERIFY(child<QCheckBox>(&w, "includeCustodiansCheck")->isVisible());

    // What was shown parses back (sc-hsm-tool's form) and any two rebuild the password.
    std::vector<CustodianShare> shares;
    for (const QString &text : printed) {
        const QByteArray utf8 = text.toUtf8();
        auto parsed = CustodianShare::parsePrinted(SecureBytes(utf8.constData(), std::size_t(utf8.size())));
        QCOMPARE(parsed.size(), std::size_t(1));
        shares.push_back(std::move(parsed[0]));
    }
    QVERIFY(PasswordSharing::reconstruct({&shares[2], &shares[0]}) == w.state().custodians->password);
    QCOMPARE(int(w.state().custodians->password.size()), 8);
    QVERIFY(w.state().custodians->password.data()[0] != 0);

    // Paper backup: file page plus one page per custodian, owner-only.
    auto *result = static_cast<DkekResultPage *>(w.currentPage());
    const QString pdf = dir.filePath(QStringLiteral("backup.pdf"));
    QCOMPARE(result->savePaperBackup(pdf), QString());
    const QByteArray pdfBytes = readAll(pdf);
    QVERIFY(pdfBytes.startsWith("%PDF"));
    QCOMPARE(pdfPageCount(pdfBytes), 4);
    QCOMPARE(modeOf(pdf), 0600);
    child<QCheckBox>(&w, "includeCustodiansCheck")->setChecked(false);
    QCOMPARE(result->savePaperBackup(pdf), QString());
    QCOMPARE(pdfPageCount(readAll(pdf)), 1);

    // Two custodians open the file through the unlock dialog, typing what they were shown.
    UnlockDkekShareDialog unlock(path);
    unlock.show();
    child<QRadioButton>(&unlock, "unlockCustodianMode")->setChecked(true);
    auto *open = child<QPushButton>(&unlock, "openButton");
    const QRegularExpression line(QStringLiteral("^Prime       : (.*)\nShare ID    : (.*)\nShare value : (.*)$"));
    for (int i : {2, 1}) {
        const auto m = line.match(printed[i]);
        QVERIFY(m.hasMatch());
        child<QLineEdit>(&unlock, "primeEdit")->setText(m.captured(1));
        child<QLineEdit>(&unlock, "shareIdEdit")->setText(m.captured(2));
        QTest::keyClicks(child<QLineEdit>(&unlock, "shareValueEdit"), m.captured(3));
        if (i == 2) {
            QVERIFY(!open->isEnabled());
            // Enter in the value field adds the share (a custodian's natural key), it does not open.
            QTest::keyClick(child<QLineEdit>(&unlock, "shareValueEdit"), Qt::Key_Return);
            QVERIFY(unlock.isVisible());
            QCOMPARE(unlock.custodianShareCount(), 1);
            QVERIFY(child<QLineEdit>(&unlock, "shareValueEdit")->text().isEmpty());
        }
    }
    QVERIFY(open->isEnabled()); // the last custodian need not click Add
    open->click();
    QCOMPARE(unlock.result(), int(QDialog::Accepted));
    QVERIFY(unlock.fromCustodianShares());

    CheckDkekSharesDialog d;
    d.setIterationCountForTesting(kFast);
    QSignalSpy opened(&d, &CheckDkekSharesDialog::shareOpened);
    d.openShare(path, unlock.takePasswords(), true);
    QVERIFY(opened.wait(30000));
    QCOMPARE(d.shareKcv(0), formatKeyCheckValue(w.state().result->kcv));

    w.button(QWizard::FinishButton)->click();
    QVERIFY(!w.state().custodians.has_value()); // wiped when the wizard closes
}

void TestDkekUi::existingFileNeedsConsent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("existing.pbe"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    CreateDkekShareWizard w;
    w.setIterationCountForTesting(kFast);
    w.show();
    child<QLineEdit>(&w, "destinationEdit")->setText(path);
    auto *replace = child<QCheckBox>(&w, "replaceCheck");
    QVERIFY(replace->isVisible());
    QVERIFY(!nextButton(w)->isEnabled());
    QVERIFY(child<QLabel>(&w, "destinationProblem")->text().contains(QStringLiteral("already exists")));
    child<QLineEdit>(&w, "destinationEdit")->setText(dir.filePath(QStringLiteral("other.pbe")));
    QVERIFY(!replace->isVisible());
    QVERIFY(nextButton(w)->isEnabled());
    child<QLineEdit>(&w, "destinationEdit")->setText(path);
    QVERIFY(!nextButton(w)->isEnabled());
    replace->setChecked(true);
    QVERIFY(nextButton(w)->isEnabled());
    QCOMPARE(readAll(path), QByteArray("keep me")); // nothing written yet

    w.next();
    child<QLineEdit>(&w, "passwordEdit")->setText(QStringLiteral("replace it, please"));
    child<QLineEdit>(&w, "confirmEdit")->setText(QStringLiteral("replace it, please"));
    w.next();
    QTRY_COMPARE_WITH_TIMEOUT(w.currentId(), int(CreateDkekShareWizard::ResultPageId), 30000);
    QCOMPARE(readAll(path).size(), 64);
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(filesIn(dir.path()), QStringList({QStringLiteral("existing.pbe")}));
}

void TestDkekUi::checkDialogCombinesAndRefusesDuplicates()
{
    QTemporaryDir dir;
    QByteArray kcvs[2];
    std::vector<std::shared_ptr<const SecureBytes>> shares;
    for (int i = 0; i < 2; ++i) {
        CreateShareRequest c;
        c.path = dir.filePath(QStringLiteral("s%1.pbe").arg(i));
        c.password = SecureBytes::fromUtf8(QStringLiteral("password %1").arg(i).toStdString());
        c.iterations = kFast;
        kcvs[i] = DkekShareJobs::create(c)->kcv;
        OpenShareRequest o;
        o.path = c.path;
        o.passwords.push_back(SecureBytes::fromUtf8(QStringLiteral("password %1").arg(i).toStdString()));
        o.iterations = kFast;
        shares.push_back(DkekShareJobs::open(o)->share);
    }
    const QString expected = formatKeyCheckValue(dkekKeyCheckValue(combineDkekShares({shares[0].get(), shares[1].get()})));

    CheckDkekSharesDialog d;
    d.setIterationCountForTesting(kFast);
    d.show();
    QSignalSpy opened(&d, &CheckDkekSharesDialog::shareOpened);
    QSignalSpy failed(&d, &CheckDkekSharesDialog::shareFailed);
    auto openWith = [&](int file, const char *password) {
        std::vector<SecureBytes> pw;
        pw.push_back(secret(password));
        d.openShare(dir.filePath(QStringLiteral("s%1.pbe").arg(file)), std::move(pw), false);
    };

    openWith(0, "password 0");
    QVERIFY(opened.wait(30000));
    QCOMPARE(d.combinedKcv(), formatKeyCheckValue(kcvs[0]));
    openWith(1, "wrong");
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.last().at(0).toString(), QStringLiteral("Wrong password or not a DKEK share file."));
    QCOMPARE(child<QLabel>(&d, "checkStatus")->text(), QStringLiteral("Wrong password or not a DKEK share file."));
    QCOMPARE(d.shareCount(), 1);
    openWith(1, "password 1");
    QVERIFY(opened.wait(30000));
    QCOMPARE(d.shareCount(), 2);
    QTest::qWait(50); // no late, stray signal after a success
    QCOMPARE(failed.count(), 1);
    QCOMPARE(opened.count(), 2);
    QCOMPARE(d.shareKcv(1), formatKeyCheckValue(kcvs[1]));
    QCOMPARE(d.combinedKcv(), expected);
    QCOMPARE(child<QLabel>(&d, "combinedKcvLabel")->text().remove(QLatin1Char(' ')), expected);

    // The same share twice would cancel out in the XOR: refused.
    openWith(0, "password 0");
    QVERIFY(failed.wait(30000));
    QVERIFY(failed.last().at(0).toString().contains(QStringLiteral("same share")));
    QCOMPARE(d.shareCount(), 2);

    auto *compare = child<QLineEdit>(&d, "expectedKcvEdit");
    compare->setText(expected.toLower().insert(4, QLatin1Char(' ')));
    QVERIFY(child<QLabel>(&d, "matchLabel")->text().contains(QStringLiteral("matches")));
    compare->setText(QStringLiteral("0000000000000000"));
    QVERIFY(child<QLabel>(&d, "matchLabel")->text().contains(QStringLiteral("differs")));

    auto *table = child<QTableWidget>(&d, "sharesTable");
    QCOMPARE(table->rowCount(), 2);
    table->selectRow(0);
    child<QPushButton>(&d, "removeButton")->click();
    QCOMPARE(d.shareCount(), 1);
    QCOMPARE(d.combinedKcv(), formatKeyCheckValue(kcvs[1]));
}

void TestDkekUi::checkDialogCancel()
{
    CheckDkekSharesDialog d; // real 10,000,000 iterations
    d.show();
    QSignalSpy stopped(&d, &CheckDkekSharesDialog::jobStopped);
    QSignalSpy failed(&d, &CheckDkekSharesDialog::shareFailed);
    std::vector<SecureBytes> pw;
    pw.push_back(secret("TokenDesk vector one"));
    d.openShare(QStringLiteral(TOKENDESK_TEST_DATA "/dkek/share-password.pbe"), std::move(pw), false);
    auto *progress = child<QProgressBar>(&d, "openProgress");
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 20000);
    QElapsedTimer timer;
    timer.start();
    child<QPushButton>(&d, "cancelOpenButton")->click();
    QVERIFY(stopped.wait(1000));
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(failed.last().at(0).toString(), QStringLiteral("Opening was stopped."));
    QCOMPARE(d.shareCount(), 0);
    QVERIFY(!d.isBusy());
    QVERIFY(child<QPushButton>(&d, "addButton")->isEnabled());
}

void TestDkekUi::unlockDialogValidation()
{
    UnlockDkekShareDialog u(QStringLiteral(TOKENDESK_TEST_DATA "/dkek/share-2of3.pbe"));
    u.show();
    auto *open = child<QPushButton>(&u, "openButton");
    QVERIFY(!open->isEnabled());
    child<QLineEdit>(&u, "unlockPasswordEdit")->setText(QStringLiteral("x"));
    QVERIFY(open->isEnabled());
    child<QRadioButton>(&u, "unlockCustodianMode")->setChecked(true);
    QVERIFY(!open->isEnabled());

    auto *prime = child<QLineEdit>(&u, "primeEdit");
    auto *id = child<QLineEdit>(&u, "shareIdEdit");
    auto *value = child<QLineEdit>(&u, "shareValueEdit");
    auto *problem = child<QLabel>(&u, "unlockProblem");
    QCOMPARE(value->echoMode(), QLineEdit::Password);

    prime->setText(QStringLiteral("ff:0e:2e:17:8f:74:6c:cd")); // one digit off
    id->setText(QStringLiteral("1"));
    value->setText(QStringLiteral("e6:fb:13:da:9e:fd:45:07"));
    QVERIFY(!u.addCustodianShare());
    QCOMPARE(problem->text(), QStringLiteral("The prime is not a prime number; it has been mistyped."));
    QCOMPARE(u.custodianShareCount(), 0);
    QVERIFY(!value->text().isEmpty()); // kept for correcting

    prime->setText(QStringLiteral("ff:0e:2e:17:8f:74:6c:cb"));
    QVERIFY(u.addCustodianShare());
    QVERIFY(prime->isReadOnly());
    id->setText(QStringLiteral("1"));
    value->setText(QStringLiteral("63:65:b5:25:63:93:3d:d5"));
    QVERIFY(!u.addCustodianShare());
    QCOMPARE(problem->text(), QStringLiteral("Share ID 1 was already entered."));
    id->setText(QStringLiteral("2"));
    QVERIFY(u.addCustodianShare());
    QVERIFY(child<QLabel>(&u, "enteredLabel")->text().contains(QStringLiteral("IDs 1, 2")));
    QVERIFY(open->isEnabled());
    open->click();
    QCOMPARE(u.result(), int(QDialog::Accepted));
    const auto passwords = u.takePasswords();
    QCOMPARE(passwords.size(), std::size_t(1));
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(passwords[0].data()), 8).toHex(),
             QByteArray("6b8244784af2df6e"));
}


void TestDkekUi::paperBackupInsidePrintableArea_data()
{
    QTest::addColumn<QString>("shareFile");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("total");
    // Real sc-hsm-tool share files; the 2-of-3 and 5-of-9 custodian pages have the longest lines.
    QTest::newRow("password share") << QStringLiteral("share-password.pbe") << 0 << 0;
    QTest::newRow("2 of 3 custodians") << QStringLiteral("share-2of3.pbe") << 2 << 3;
    QTest::newRow("5 of 9 custodians") << QStringLiteral("share-2of3.pbe") << 5 << 9;
}

// Every word of every page lies inside the 20 mm margins, and what pdftotext reads back
// is the file (base64, without the line numbers) and each custodian's exact share.
void TestDkekUi::paperBackupInsidePrintableArea()
{
    QFETCH(QString, shareFile);
    QFETCH(int, threshold);
    QFETCH(int, total);
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QFAIL("pdftotext (poppler-utils) is needed: scripts/test installs it");
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("TOKENDESK_KEEP_PDF"));
    const QByteArray file = readAll(QStringLiteral(TOKENDESK_TEST_DATA "/dkek/") + shareFile);
    QCOMPARE(file.size(), 64);
    std::optional<SharedPassword> shared;
    if (total > 0) {
        OpenSslRandomSource rng;
        shared.emplace(PasswordSharing::generate(threshold, total, rng));
    }
    const PaperBackupContent content{shareFile, file, QByteArray::fromHex("1869AACFBA17D873"),
                                     QDateTime(QDate(2026, 11, 30), QTime(9, 0)), threshold,
                                     shared ? &shared->shares : nullptr};
    const QString pdf = dir.filePath(QStringLiteral("sheet.pdf"));
    DkekPaperBackup::savePdf(pdf, content, DkekPaperBackup::Pages::FileAndCustodians);

    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QString html = QString::fromUtf8(p.readAllStandardOutput());
    const QRegularExpression pageRe(QStringLiteral(R"re(<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>)re"),
                                    QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression wordRe(
        QStringLiteral(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re"));
    const qreal margin = 20 / 25.4 * 72; // the 20 mm the sheet is laid out with, in points
    const qreal slack = 1.0;             // pdftotext rounds boxes to font metrics
    QStringList pagesText;               // each page's words, one line per text line
    int pages = 0;
    for (auto pm = pageRe.globalMatch(html); pm.hasNext();) {
        const auto page = pm.next();
        ++pages;
        const qreal width = page.captured(1).toDouble(), height = page.captured(2).toDouble();
        struct Word {
            qreal x, y;
            QString text;
        };
        std::vector<Word> words;
        for (auto wm = wordRe.globalMatch(page.captured(3)); wm.hasNext();) {
            const auto w = wm.next();
            const qreal x0 = w.captured(1).toDouble(), y0 = w.captured(2).toDouble();
            const qreal x1 = w.captured(3).toDouble(), y1 = w.captured(4).toDouble();
            const QString word = w.captured(5);
            QVERIFY2(x0 >= margin - slack && x1 <= width - margin + slack && y0 >= margin - slack
                         && y1 <= height - margin + slack,
                     qPrintable(QStringLiteral("page %1: \"%2\" at x %3..%4, y %5..%6 is outside the printable "
                                               "area %7..%8 x %7..%9")
                                    .arg(pages).arg(word).arg(x0).arg(x1).arg(y0).arg(y1)
                                    .arg(margin).arg(width - margin).arg(height - margin)));
            words.push_back({x0, y0, word});
        }
        // Reading order: lines top to bottom (words of one line share their top), then left to right.
        std::stable_sort(words.begin(), words.end(), [](const Word &a, const Word &b) {
            return qAbs(a.y - b.y) > 2 ? a.y < b.y : a.x < b.x;
        });
        QString text;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i)
                text += qAbs(words[i].y - words[i - 1].y) > 2 ? QLatin1Char('\n') : QLatin1Char(' ');
            text += words[i].text;
        }
        pagesText << text;
    }
    QCOMPARE(pages, 1 + total);

    // Page 1: the numbered base64 lines, read back without their numbers, are the file.
    QString base64;
    const QRegularExpression numbered(QStringLiteral(R"re(^\s*(\d+) ([A-Za-z0-9+/=]+)$)re"),
                                      QRegularExpression::MultilineOption);
    int expectLine = 1;
    for (auto m = numbered.globalMatch(pagesText[0]); m.hasNext();) {
        const auto line = m.next();
        QCOMPARE(line.captured(1).toInt(), expectLine++);
        base64 += line.captured(2);
    }
    QCOMPARE(base64, QString::fromLatin1(file.toBase64()));

    // Custodian pages: the prime, ID and value as the custodian must type them.
    for (int i = 0; i < total; ++i) {
        const QString &text = pagesText[1 + i];
        const QRegularExpression block(
            QStringLiteral(R"re(Prime : ([0-9a-f:\s\x{21aa}]+?)\nShare ID : (\d+)\nShare value : ([0-9a-f:\s\x{21aa}]+?)\n)re"));
        const auto m = block.match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text));
        auto joined = [](QString v) {
            return v.remove(QChar(0x21aa)).remove(QRegularExpression(QStringLiteral("\\s")));
        };
        const CustodianShare &share = shared->shares[std::size_t(i)];
        QCOMPARE(joined(m.captured(1)), share.primeText());
        QCOMPARE(m.captured(2).toUInt(), share.id());
        const QString value = CustodianShare::colonHex(share.value().data(), share.value().size());
        QCOMPARE(joined(m.captured(3)), value);
    }
}

QTEST_MAIN(TestDkekUi)
#include "tst_dkekui.moc"
