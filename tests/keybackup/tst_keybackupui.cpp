// SPDX-License-Identifier: GPL-3.0-or-later
// Tools → Check key backups… (issue 13), driven like a user, offscreen: backup files and
// DKEK share files added, a wrong password then the right one typed into the unlock
// dialog, Esc while the key is derived (in the unlock dialog, then in the check dialog
// itself). Oracles: the vectors' public keys through openssl, the README's check value.
#include "keybackuptestsupport.h"

#include "dialogs/checkkeybackupsdialog.h"
#include "dkek/dkeksharefile.h"
#include "dkek/dkeksharejobs.h"
#include "dkek/keycheckvalue.h"
#include "dkek/sharefilewriter.h"
#include "wizards/dkek/unlockdkeksharedialog.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace keybackuptest;

namespace {
constexpr quint32 kFast = 1000;
const char kPassword[] = "TokenDesk vector one";

template <typename T>
T *child(QWidget *root, const char *name)
{
    T *w = root->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

QString fingerprintOf(const QString &pubDer)
{
    const Run r = run(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-inform"),
                                                  QStringLiteral("DER"), QStringLiteral("-in"), pubDer, QStringLiteral("-outform"),
                                                  QStringLiteral("DER")});
    return QString::fromLatin1(QCryptographicHash::hash(r.out, QCryptographicHash::Sha256).toHex(':').toUpper());
}

// The unlock dialog the check dialog opened for a share file.
UnlockDkekShareDialog *waitForUnlock(QWidget *d)
{
    UnlockDkekShareDialog *u = nullptr;
    (void)QTest::qWaitFor([&] {
        u = d->findChild<UnlockDkekShareDialog *>();
        return u && u->isVisible();
    }, 10000);
    return u;
}

void typeAndEnter(UnlockDkekShareDialog *u, const QString &password)
{
    auto *edit = child<QLineEdit>(u, "unlockPasswordEdit");
    edit->setFocus();
    QTest::keyClicks(edit, password);
    QTest::keyClick(edit, Qt::Key_Return);
}
} // namespace

class TestKeyBackupUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void checkWithVectors();
    void escapeWhileDeriving();

private:
    QTemporaryDir m_dir;
    QString m_fastShare;  // share-password.pbe's share, same password, kFast rounds
    QString m_otherShare; // an unrelated share, password "other share", kFast rounds
    QByteArray m_kcv;
};

void TestKeyBackupUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The vector share once with its real rounds, sealed again with few for the dialog.
    const auto share = openVectorShare(dkekFile(QStringLiteral("share-password.pbe")), QByteArray(kPassword));
    QVERIFY(share);
    m_kcv = dkekKeyCheckValue(*share);
    const QByteArray file = DkekShareFile::read(dkekFile(QStringLiteral("share-password.pbe")));
    const auto sealed = DkekShareFile::seal(*share, SecureBytes::fromUtf8(kPassword), DkekShareFile::salt(file), kFast);
    QVERIFY(sealed);
    m_fastShare = m_dir.filePath(QStringLiteral("vector-share.pbe"));
    ShareFileWriter::write(m_fastShare, *sealed, ShareFileWriter::Existing::Replace);
    CreateShareRequest c;
    c.path = m_otherShare = m_dir.filePath(QStringLiteral("other-share.pbe"));
    c.password = SecureBytes::fromUtf8("other share");
    c.iterations = kFast;
    QVERIFY(DkekShareJobs::create(c));
}

void TestKeyBackupUi::checkWithVectors()
{
    // A damaged copy of ec1.wrap (one byte of the encrypted key flipped) and a file that is no backup.
    QByteArray damaged = readFile(schsmFile(QStringLiteral("ec1.wrap")));
    damaged[100] = char(damaged.at(100) ^ 0x01);
    const QString damagedPath = m_dir.filePath(QStringLiteral("damaged.wrap"));
    {
        QFile f(damagedPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(damaged);
    }

    CheckKeyBackupsDialog d;
    d.setIterationCountForTesting(kFast);
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QSignalSpy opened(&d, &CheckKeyBackupsDialog::shareOpened);
    auto *table = child<QTableWidget>(&d, "resultsTable");
    d.addBackupFiles({schsmFile(QStringLiteral("ec1.wrap")), schsmFile(QStringLiteral("rsa1.wrap")), damagedPath,
                      schsmFile(QStringLiteral("ec1.crt.der"))});
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(d.result(0).status, BackupCheckResult::Status::NoMatchingShares);
    QCOMPARE(table->item(0, CheckKeyBackupsDialog::LabelColumn)->text(), QStringLiteral("ec1"));
    QCOMPARE(table->item(0, CheckKeyBackupsDialog::IdColumn)->text(), QStringLiteral("01"));
    QVERIFY(table->item(0, CheckKeyBackupsDialog::ResultColumn)->text().contains(QStringLiteral("1869AACFBA17D873")));
    QVERIFY(table->item(0, CheckKeyBackupsDialog::FingerprintColumn)->text().isEmpty());

    // The share: a wrong password first, then the right one, in the unlock dialog.
    d.addShareFiles({m_fastShare});
    UnlockDkekShareDialog *u = waitForUnlock(&d);
    QVERIFY(u);
    typeAndEnter(u, QStringLiteral("not the password"));
    auto *problem = child<QLabel>(u, "unlockProblem");
    QTRY_COMPARE_WITH_TIMEOUT(problem->text(), QStringLiteral("Wrong password or not a DKEK share file."), 20000);
    QVERIFY(u->isVisible());
    QCOMPARE(d.shareCount(), 0);
    typeAndEnter(u, QString::fromUtf8(kPassword));
    QVERIFY(opened.wait(20000));
    QTRY_VERIFY(!d.findChild<UnlockDkekShareDialog *>() || !d.findChild<UnlockDkekShareDialog *>()->isVisible());
    QCOMPARE(d.shareCount(), 1);
    QCOMPARE(child<QTableWidget>(&d, "sharesTable")->item(0, 2)->text(), formatKeyCheckValue(m_kcv));

    QTRY_COMPARE(table->rowCount(), 4);
    const struct {
        int row;
        const char *pub;
        const char *key;
        const char *certificate;
    } opens[] = {{0, "ec1.pub.der", "EC P-256 (prime256v1)", "O=TokenDesk test data,CN=ec1 wrap vector"},
                 {1, "rsa1.pub.der", "RSA 2048 bits", "the device's certificate request (no X.509 certificate)"}};
    for (const auto &o : opens) {
        QVERIFY2(d.result(o.row).opens(), qPrintable(d.result(o.row).message));
        QCOMPARE(table->item(o.row, CheckKeyBackupsDialog::ResultColumn)->text(),
                 QStringLiteral("\u2714 Opens (DKEK 1869AACFBA17D873)"));
        QCOMPARE(table->item(o.row, CheckKeyBackupsDialog::OpenedByColumn)->text(), QStringLiteral("vector-share.pbe"));
        QCOMPARE(table->item(o.row, CheckKeyBackupsDialog::KeyColumn)->text(), QString::fromLatin1(o.key));
        QCOMPARE(table->item(o.row, CheckKeyBackupsDialog::FingerprintColumn)->text(),
                 fingerprintOf(schsmFile(QString::fromLatin1(o.pub))));
        QCOMPARE(table->item(o.row, CheckKeyBackupsDialog::CertificateColumn)->text(), QString::fromUtf8(o.certificate));
    }
    QVERIFY(table->item(2, CheckKeyBackupsDialog::ResultColumn)->text().contains(QStringLiteral("The file is damaged")));
    QVERIFY(table->item(3, CheckKeyBackupsDialog::ResultColumn)->text().contains(
        QStringLiteral("The file is not a SmartCard-HSM key backup: ")));
    QCOMPARE(child<QLabel>(&d, "summaryLabel")->text(), QStringLiteral("Backups that open with these shares: 2 of 4."));

    // An unrelated second share changes nothing: only the vector share opens them.
    std::vector<SecureBytes> other;
    other.push_back(SecureBytes::fromUtf8("other share"));
    d.openShare(m_otherShare, std::move(other), false);
    QVERIFY(opened.wait(20000));
    QCOMPARE(d.shareCount(), 2);
    QVERIFY(d.result(0).opens());
    QCOMPARE(d.result(0).openedBy, QStringList{QStringLiteral("vector-share.pbe")});

    // Remove the vector share: no backup opens any more, and the reason names both check values.
    auto *shares = child<QTableWidget>(&d, "sharesTable");
    shares->selectRow(0);
    child<QPushButton>(&d, "removeButton")->click();
    QCOMPARE(d.shareCount(), 1);
    QVERIFY(!d.result(0).opens());
    QVERIFY(table->item(0, CheckKeyBackupsDialog::ResultColumn)->text().contains(QStringLiteral("1869AACFBA17D873")));
    // Remove a backup row.
    table->selectRow(3);
    child<QPushButton>(&d, "removeBackupsButton")->click();
    QCOMPARE(d.backupCount(), 3);
}

void TestKeyBackupUi::escapeWhileDeriving()
{
    CheckKeyBackupsDialog d; // the real 10,000,000 rounds
    d.show();
    QVERIFY(QTest::qWaitForWindowExposed(&d));
    QSignalSpy stopped(&d, &CheckKeyBackupsDialog::jobStopped);
    QSignalSpy opened(&d, &CheckKeyBackupsDialog::shareOpened);

    // Esc in the unlock dialog while its key is derived: the derivation ends, nothing is added.
    d.addShareFiles({dkekFile(QStringLiteral("share-password.pbe"))});
    QPointer<UnlockDkekShareDialog> u = waitForUnlock(&d);
    QVERIFY(u);
    typeAndEnter(u, QString::fromUtf8(kPassword));
    auto *unlockProgress = child<QProgressBar>(u, "unlockProgress");
    QTRY_VERIFY_WITH_TIMEOUT(unlockProgress->value() > 0, 20000);
    QElapsedTimer timer;
    timer.start();
    QTest::keyClick(u, Qt::Key_Escape);
    QVERIFY(stopped.wait(1000));
    QVERIFY(timer.elapsed() < 1000);
    QTRY_VERIFY(!u || !u->isVisible());
    QCOMPARE(d.shareCount(), 0);
    QCOMPARE(opened.count(), 0);
    QVERIFY(!d.isBusy());
    QVERIFY(d.isVisible());
    QVERIFY(child<QPushButton>(&d, "addButton")->isEnabled());

    // Esc in the check dialog itself while a share is derived: it closes and the job ends.
    std::vector<SecureBytes> pw;
    pw.push_back(SecureBytes::fromUtf8(kPassword));
    d.openShare(dkekFile(QStringLiteral("share-password.pbe")), std::move(pw), false);
    auto *progress = child<QProgressBar>(&d, "openProgress");
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible() && progress->value() > 0, 20000);
    QVERIFY(d.isBusy());
    timer.restart();
    QTest::keyClick(&d, Qt::Key_Escape);
    QVERIFY(!d.isVisible());
    QVERIFY(stopped.wait(1000));
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY(!d.isBusy());
    QCOMPARE(opened.count(), 0);
}

QTEST_MAIN(TestKeyBackupUi)
#include "tst_keybackupui.moc"
