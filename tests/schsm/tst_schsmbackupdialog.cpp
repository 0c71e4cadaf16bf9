// SPDX-License-Identifier: GPL-3.0-or-later
// "Back up key…" (issue 13) on the emulated SmartCard-HSM behind a real pcscd (run through
// with_card.sh), driven the way a user does it: the key's context menu in the main window
// (OpenSC's module loaded in this process), the PIN typed and Enter pressed, Escape and the
// close button while the device works, a wrong PIN then the right one, a file that exists.
// The written files are checked by `tokendesk --check-backup` with the DKEK share file (the
// password on a file descriptor) and by tests/keybackup/unwrap_blob.py against the public key
// pkcs11-tool reads from the card; the PIN's tries by the card itself; the DKEK check value
// and the serial in the side note by sc-hsm-tool and pkcs11-tool.
#include "schsmtestsupport.h"
#include "softhsmfixture.h"

#include "commands/backupkeysdialog.h"
#include "dialogs/logindialog.h"
#include "inventory/inventory.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "p11/module.h"
#include "schsm/keybackupsave.h"
#include "widgets/secretedit.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <sys/stat.h>

using namespace SchsmTest;

namespace {
const char *const kPinBytes = "648219"; // test value: sc-hsm-tool and pkcs11-tool take it on argv only
const QString kPin = QString::fromLatin1(kPinBytes);
const QString kSoPin = QStringLiteral("3537363231383830");
const QString kToken = QStringLiteral("backup (UserPIN)");
// tests/data/dkek/README: fixed-10m.pbe's share, password and DKEK (one share: the DKEK is the share).
const QString kFixedShare = QStringLiteral(TOKENDESK_TEST_DATA "/dkek/fixed-10m.pbe");
const QByteArray kFixedPassword = QByteArrayLiteral("TokenDesk fixed vector \xc3\xa9t\xc3\xa9 10M");
const QByteArray kFixedDkekHex = QByteArrayLiteral("000102030405060708090a0b0c0d0e0ff0e1d2c3b4a5968778695a4b3c2d1e0f");
const QDate kDate(2026, 5, 17);
const QString kBackUp = QStringLiteral("&Back up key…");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The file's mode bits as the file system has them (not Qt's view of them).
int modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}
} // namespace

class TestSchsmBackupDialog : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    QString m_reader;
    QTemporaryDir m_dir;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    std::unique_ptr<MainWindow> m_window;
    std::map<QByteArray, int> m_references; // CKA_ID (hex) → key reference, from the card's state
    int m_folders = 0;

    QModelIndex findRow(const QModelIndex &parent, const std::function<bool(const QModelIndex &)> &match) const
    {
        const QAbstractItemModel *m = m_window->model();
        for (int r = 0; r < m->rowCount(parent); ++r) {
            const QModelIndex i = m->index(r, 0, parent);
            if (match(i))
                return i;
            if (const QModelIndex deeper = findRow(i, match); deeper.isValid())
                return deeper;
        }
        return {};
    }
    QModelIndex tokenRow() const
    {
        return findRow({}, [](const QModelIndex &i) { return i.data().toString() == kToken; });
    }
    QModelIndex keyRow(const QByteArray &idHex, CK_OBJECT_CLASS cls = CKO_PRIVATE_KEY) const
    {
        const TokenTreeModel *model = m_window->model();
        return findRow(tokenRow(), [&](const QModelIndex &i) {
            const TreeNode *n = model->node(i);
            return n && n->object() && n->object()->object.cls == cls && n->object()->object.id == QByteArray::fromHex(idHex);
        });
    }
    const TreeNode *tokenNode() const { return m_window->model()->node(tokenRow()); }
    void click(const QModelIndex &index)
    {
        QTreeView *tree = m_window->tree();
        tree->scrollTo(index);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
        QCOMPARE(tree->currentIndex().siblingAtColumn(0), index);
    }
    QAction *menuAction(const QString &text) const
    {
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->text() == text)
                return a;
        return nullptr;
    }
    // The tree after a device operation: OpenSC re-initialized, the token read again.
    void waitForTree()
    {
        QTRY_VERIFY_WITH_TIMEOUT(tokenRow().isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->busyJobs() == 0, 30000);
    }
    // Log in through the login dialog, as a user does; the private keys are listed then.
    void logIn()
    {
        waitForTree();
        if (tokenNode()->loggedIn)
            return;
        click(tokenRow());
        QAction *login = menuAction(QStringLiteral("&Log in…"));
        QTRY_VERIFY_WITH_TIMEOUT(login && login->isEnabled(), 30000);
        login->trigger();
        QPointer<LoginDialog> dlg;
        QTRY_VERIFY_WITH_TIMEOUT((dlg = m_window->findChild<LoginDialog *>()) && dlg->isVisible(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!dlg->isReadingDevice(), 30000);
        auto *pin = dlg->findChild<QLineEdit *>(QStringLiteral("pin"));
        QVERIFY(pin);
        QTest::keyClicks(pin, kPin);
        QTest::keyClick(pin, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dlg || !dlg->isVisible(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(tokenNode()->loggedIn && keyRow("51").isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->busyJobs() == 0, 30000);
    }
    // Right-click the private key, "Back up key…": the dialog, its date fixed, writing into a new folder.
    QPointer<BackUpKeysDialog> openDialog(const QByteArray &idHex, QString *folder)
    {
        logIn();
        if (QTest::currentTestFailed())
            return {};
        const QModelIndex key = keyRow(idHex);
        if (!key.isValid())
            return {};
        const QPointer<QAction> action = menuAction(kBackUp);
        // Enabled once the reader search has found the device's reader.
        if (!QTest::qWaitFor(
                [&] {
                    std::unique_ptr<QMenu> menu(m_window->contextMenuFor(key));
                    return menu->actions().contains(action.data()) && action->isEnabled();
                },
                30000))
            return {};
        action->trigger();
        QPointer<BackUpKeysDialog> dlg;
        if (!QTest::qWaitFor([&] { return (dlg = m_window->findChild<BackUpKeysDialog *>()) && dlg->isVisible(); }))
            return {};
        dlg->setDate(kDate);
        *folder = m_dir.filePath(QStringLiteral("out%1").arg(++m_folders));
        QDir().mkpath(*folder);
        dlg->folderEdit()->selectAll();
        QTest::keyClicks(dlg->folderEdit(), *folder);
        return dlg;
    }
    // Types the PIN and presses Enter in the PIN field; the job has started when this returns.
    static void typePinAndEnter(BackUpKeysDialog *dlg, const QString &pin)
    {
        QTest::keyClicks(dlg->pinEdit(), pin);
        QTest::keyClick(dlg->pinEdit(), Qt::Key_Return);
    }
    static void closeWithEscape(QPointer<BackUpKeysDialog> dlg)
    {
        QTest::keyClick(dlg, Qt::Key_Escape);
        QTRY_VERIFY(dlg.isNull()); // deleted on close
    }
    // The file opens with the DKEK share and holds the key pkcs11-tool reads from the card.
    void checkBackupFile(const QString &path, const QByteArray &idHex)
    {
        const QByteArray publicKey = publicKeyThroughOpenSc(idHex, m_dir.filePath(QStringLiteral("pub-") + QString::fromLatin1(idHex)));
        QVERIFY(!publicKey.isEmpty());
        const ToolRun check = checkBackupWithTokenDesk(QStringLiteral(TOKENDESK_EXE), path, kFixedShare, kFixedPassword);
        QVERIFY2(check.exitCode == 0, qPrintable(check.out));
        QVERIFY2(check.out.contains(QLatin1String("Result:      opens")), qPrintable(check.out));
        QVERIFY2(check.out.contains(sha256Fingerprint(publicKey)), qPrintable(check.out));
        QVERIFY2(check.out.contains(QLatin1String("CKA_ID:      ") + QString::fromLatin1(idHex)), qPrintable(check.out));
        const ToolRun opened = runTool(QStringLiteral("/usr/bin/python3"), {QStringLiteral(UNWRAP_BLOB_PY), path}, kFixedDkekHex);
        QVERIFY2(opened.exitCode == 0, qPrintable(opened.out));
        QCOMPARE(opened.out.trimmed().toLatin1(), publicKey.toHex());
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(KeyBackupSave::notePath(path)), 0600);
    }
    QString expectedPath(const QString &folder, const QByteArray &idHex) const
    {
        return QDir(folder).filePath(QStringLiteral("key_%1-%1-20260517.wrap").arg(QString::fromLatin1(idHex)));
    }
    void generate(const QString &keyType, const QByteArray &idHex)
    {
        const std::set<int> before = cardKeys();
        const ToolRun r = generateThroughOpenSc(keyType, idHex, QStringLiteral("key ") + QString::fromLatin1(idHex), kPin);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        for (int k : cardKeys())
            if (!before.count(k))
                m_references[idHex] = k;
        QVERIFY(m_references.count(idHex));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_reader = qEnvironmentVariable("SCHSM_READER");
        QVERIFY2(!m_reader.isEmpty() && !qEnvironmentVariableIsEmpty("SCHSM_CONTROL"),
                 "run this test through tests/schsm/with_card.sh");
        QVERIFY(m_dir.isValid());
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        ToolRun r = initializeWithScHsmTool(kSoPin, kPin, 1, QStringLiteral("backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        r = importShareWithScHsmTool(kFixedShare, kFixedPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        // Another key first, so the key reference the dialog reports is not simply 1.
        generate(QStringLiteral("EC:prime256v1"), "10");
        generate(QStringLiteral("EC:prime256v1"), "51");
        generate(QStringLiteral("rsa:2048"), "53");
        m_hsm.initToken(QStringLiteral("Soft"));
        m_inventory = std::make_unique<Inventory>(m_registry);
        m_window = std::make_unique<MainWindow>(*m_inventory, [] {
            return QList<ModuleSpec>{ModuleSpec{SoftHsmFixture::openscModule(), QStringLiteral("opensc"), false},
                                     ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false}};
        });
        m_window->resize(1280, 760);
        m_window->show();
        QSignalSpy done(m_window.get(), &MainWindow::refreshFinished);
        m_window->refreshAll();
        QVERIFY(done.wait(60000));
        waitForTree();
    }

    void defaultFileNames_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << QStringLiteral("key 51") << QByteArray::fromHex("51") << QStringLiteral("key_51-51-20260517.wrap");
        QTest::newRow("path characters") << QStringLiteral("../etc/passwd") << QByteArray::fromHex("ab01")
                                         << QStringLiteral("etc_passwd-ab01-20260517.wrap");
        QTest::newRow("hidden file") << QStringLiteral(".ssh") << QByteArray::fromHex("01") << QStringLiteral("ssh-01-20260517.wrap");
        QTest::newRow("not ASCII") << QStringLiteral("Schlüssel für Mail") << QByteArray::fromHex("0102")
                                   << QStringLiteral("Schl_ssel_f_r_Mail-0102-20260517.wrap");
        QTest::newRow("empty label") << QString() << QByteArray::fromHex("01") << QStringLiteral("key-01-20260517.wrap");
        QTest::newRow("only symbols") << QStringLiteral("/*?") << QByteArray::fromHex("02") << QStringLiteral("key-02-20260517.wrap");
        QTest::newRow("long label") << QString(100, QLatin1Char('a')) << QByteArray::fromHex("03")
                                    << QString(48, QLatin1Char('a')) + QStringLiteral("-03-20260517.wrap");
        QTest::newRow("no CKA_ID") << QStringLiteral("x") << QByteArray() << QStringLiteral("x-noid-20260517.wrap");
    }
    void defaultFileNames()
    {
        QFETCH(QString, label);
        QFETCH(QByteArray, id);
        QFETCH(QString, name);
        QCOMPARE(KeyBackupSave::defaultFileName(label, id, kDate), name);
    }

    // Only a private key (or the token) of a SmartCard-HSM; disabled with the reason otherwise.
    void actionOnlyForTheDevicesKeys()
    {
        logIn();
        QAction *action = menuAction(kBackUp);
        QVERIFY(action);
        click(keyRow("51", CKO_PUBLIC_KEY));
        QVERIFY(!action->isEnabled());
        QCOMPARE(action->toolTip(), QStringLiteral("Select a private key of a SmartCard-HSM or Nitrokey HSM."));
        std::unique_ptr<QMenu> menu(m_window->contextMenuFor(keyRow("51", CKO_PUBLIC_KEY)));
        QVERIFY(!menu->actions().contains(action));

        const QModelIndex soft = findRow({}, [](const QModelIndex &i) { return i.data().toString() == QLatin1String("Soft"); });
        QVERIFY(soft.isValid());
        click(soft);
        QTRY_VERIFY_WITH_TIMEOUT(!action->toolTip().startsWith(QLatin1String("Looking")), 30000);
        QVERIFY(!action->isEnabled());
        QCOMPARE(action->toolTip(),
                 QStringLiteral("Only keys of a SmartCard-HSM or Nitrokey HSM can be backed up: this token is not one."));

        click(keyRow("51"));
        QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 30000);
        menu.reset(m_window->contextMenuFor(keyRow("51")));
        QVERIFY(menu->actions().contains(action));
    }

    // The whole way: context menu, PIN, Enter; one file and its note, checked by the oracles;
    // then the tree re-reads the device (OpenSC re-initialized: the login is gone).
    void backUpOneKey()
    {
        QString folder;
        QPointer<BackUpKeysDialog> dlg = openDialog("51", &folder);
        QVERIFY(dlg);
        QTreeWidget *keys = dlg->keyList();
        QCOMPARE(keys->topLevelItemCount(), 3); // the device's three private keys, the selected one ticked
        QTreeWidgetItem *item = nullptr;
        for (int i = 0; i < keys->topLevelItemCount(); ++i) {
            QTreeWidgetItem *it = keys->topLevelItem(i);
            QCOMPARE(it->checkState(0), it->text(1) == QLatin1String("51") ? Qt::Checked : Qt::Unchecked);
            if (it->text(1) == QLatin1String("51"))
                item = it;
        }
        QVERIFY(item);
        QCOMPARE(item->text(0), QStringLiteral("key 51"));
        QVERIFY2(item->text(2).startsWith(QLatin1String("EC P-256")), qPrintable(item->text(2)));
        QCOMPARE(item->text(3), QStringLiteral("key_51-51-20260517.wrap"));

        QVERIFY(!dlg->backUpButton()->isEnabled()); // no PIN yet
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        QSignalSpy changed(dlg.data(), &BackUpKeysDialog::deviceChanged);
        typePinAndEnter(dlg, kPin);
        QVERIFY(dlg->isBusy());
        QVERIFY(dlg->pinEdit()->text().isEmpty()); // taken out of the field
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toString(), m_reader);

        const QString path = expectedPath(folder, "51");
        QCOMPARE(filesIn(folder), QStringList({QStringLiteral("key_51-51-20260517.wrap"),
                                               QStringLiteral("key_51-51-20260517.wrap.txt")}));
        QCOMPARE(dlg->writtenFiles(), QStringList{path});
        checkBackupFile(path, "51");
        QCOMPARE(userTries(), 3);

        // The side note: the facts as sc-hsm-tool and pkcs11-tool see them.
        const QString kcv = fact(scHsmToolFacts(), QStringLiteral("DKEK key check value")).remove(QLatin1Char(' ')).toUpper();
        QVERIFY(!kcv.isEmpty());
        const QString serial = openScTokenLabelAndSerial().second;
        QVERIFY(!serial.isEmpty());
        const QString note = QString::fromUtf8(readFile(KeyBackupSave::notePath(path)));
        for (const QString &line : {QStringLiteral("Label: key 51"), QStringLiteral("CKA_ID: 51"),
                                    QStringLiteral("Key reference on the device: %1").arg(m_references.at("51")),
                                    QStringLiteral("DKEK check value: ") + kcv, QStringLiteral("Date: 2026-05-17"),
                                    QStringLiteral("Device serial: ") + serial,
                                    QStringLiteral("Certificate in the file: the device's CV request for the key")})
            QVERIFY2(note.split(QLatin1Char('\n')).contains(line), qPrintable(line + QStringLiteral(" not in:\n") + note));
        QVERIFY2(note.contains(QLatin1String("Algorithm: EC P-256")), qPrintable(note));
        QVERIFY(!note.contains(kPin));

        // The result names the file, the key reference and the check value.
        QVERIFY2(dlg->statusText().startsWith(QLatin1String("Backed up 1 key. ")), qPrintable(dlg->statusText()));
        const QStringList results = dlg->resultValues();
        QVERIFY2(results.contains(path), qPrintable(results.join(QLatin1Char('|'))));
        QVERIFY2(results.join(QLatin1Char('|')).contains(QStringLiteral("%1, %2").arg(m_references.at("51")).arg(kcv)),
                 qPrintable(results.join(QLatin1Char('|'))));

        // The tree read the device again: OpenSC was re-initialized, so the login is gone.
        QTRY_VERIFY_WITH_TIMEOUT(tokenRow().isValid() && !tokenNode()->loggedIn, 30000);
        waitForTree();
        if (const QString shot = qEnvironmentVariable("BACKUP_DIALOG_SCREENSHOT"); !shot.isEmpty()) {
            for (int i = 0; i < 3; ++i) {
                QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
                QCoreApplication::processEvents();
            }
            QVERIFY(dlg->grab().save(shot));
        }
        closeWithEscape(dlg);
    }

    // Two keys, a wrong PIN: exactly one try spent (the second key is not tried), nothing
    // written, the device's sentence with SW 63C2; the corrected PIN writes both files.
    void wrongPinThenRightPin()
    {
        QString folder;
        QPointer<BackUpKeysDialog> dlg = openDialog("51", &folder);
        QVERIFY(dlg);
        for (int i = 0; i < dlg->keyList()->topLevelItemCount(); ++i)
            if (dlg->keyList()->topLevelItem(i)->text(1) == QLatin1String("53"))
                dlg->keyList()->topLevelItem(i)->setCheckState(0, Qt::Checked);
        QCOMPARE(userTries(), 3);
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        typePinAndEnter(dlg, QStringLiteral("000000"));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.takeFirst().first().toBool(), false);
        QVERIFY2(dlg->errorText().contains(QLatin1String("2 tries left")) && dlg->errorText().contains(QLatin1String("(SW 63C2)")),
                 qPrintable(dlg->errorText()));
        QCOMPARE(userTries(), 2);
        QVERIFY(filesIn(folder).isEmpty());
        QVERIFY(dlg->isVisible());
        QVERIFY(dlg->pinEdit()->isEnabled() && dlg->pinEdit()->text().isEmpty());

        typePinAndEnter(dlg, kPin);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.takeFirst().first().toBool(), true);
        QVERIFY(dlg->errorText().isEmpty());
        QCOMPARE(userTries(), 3);
        QCOMPARE(filesIn(folder).size(), 4);
        for (const QByteArray &id : {QByteArray("51"), QByteArray("53")})
            checkBackupFile(expectedPath(folder, id), id);
        closeWithEscape(dlg);
        waitForTree();
    }

    // Escape and the window's close button while the device works: refused; the job ends,
    // the file is written and the tree re-reads the device; the dialog closes afterwards.
    void closeWhileRunning_data()
    {
        QTest::addColumn<bool>("escape");
        QTest::newRow("Escape") << true;
        QTest::newRow("close button") << false;
    }
    void closeWhileRunning()
    {
        QFETCH(bool, escape);
        QString folder;
        QPointer<BackUpKeysDialog> dlg = openDialog("51", &folder);
        QVERIFY(dlg);
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        QSignalSpy changed(dlg.data(), &BackUpKeysDialog::deviceChanged);
        typePinAndEnter(dlg, kPin);
        QVERIFY(dlg->isBusy());
        if (escape)
            QTest::keyClick(dlg, Qt::Key_Escape);
        else
            QVERIFY(!dlg->close()); // what the window manager's close button does
        QVERIFY(dlg && dlg->isVisible());
        QVERIFY2(dlg->statusText().contains(QLatin1String("cannot be interrupted")), qPrintable(dlg->statusText()));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(changed.count(), 1);
        checkBackupFile(expectedPath(folder, "51"), "51");
        QTRY_VERIFY_WITH_TIMEOUT(tokenRow().isValid() && !tokenNode()->loggedIn, 30000);
        if (escape) {
            closeWithEscape(dlg);
        } else {
            dlg->close();
            QTRY_VERIFY(dlg.isNull());
        }
        waitForTree();
    }

    // A file of that name exists: replaced only after the user agreed in a question naming it.
    void replacesOnlyAfterConfirmation()
    {
        QString folder;
        QPointer<BackUpKeysDialog> dlg = openDialog("51", &folder);
        QVERIFY(dlg);
        const QString path = expectedPath(folder, "51");
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
            old.close();
            QVERIFY(old.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                       | QFileDevice::ReadOther));
        }
        QSignalSpy started(dlg.data(), &TokenCommandDialog::jobStarted);
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        typePinAndEnter(dlg, kPin);
        QTRY_VERIFY(dlg->replaceQuestion() && dlg->replaceQuestion()->isVisible());
        QVERIFY2(dlg->replaceQuestion()->text().contains(path), qPrintable(dlg->replaceQuestion()->text()));
        QTest::mouseClick(dlg->replaceQuestion()->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!dlg->replaceQuestion());
        QCOMPARE(started.count(), 0);
        QCOMPARE(readFile(path), QByteArray("old"));

        QTest::keyClick(dlg->pinEdit(), Qt::Key_Return); // the PIN is still in the field
        QTRY_VERIFY(dlg->replaceQuestion() && dlg->replaceQuestion()->isVisible());
        QPushButton *replace = nullptr;
        for (QAbstractButton *b : dlg->replaceQuestion()->buttons())
            if (b->text() == QLatin1String("&Replace"))
                replace = qobject_cast<QPushButton *>(b);
        QVERIFY(replace);
        QTest::mouseClick(replace, Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), true);
        checkBackupFile(path, "51"); // the new backup, and 0600 although the old file was 0644
        closeWithEscape(dlg);
        waitForTree();
    }

    // The key is no longer on the device (deleted by another client while the dialog was
    // open): the device's refusal, nothing written, no PIN try spent.
    void keyGoneIsRefused()
    {
        QString folder;
        QPointer<BackUpKeysDialog> dlg = openDialog("53", &folder);
        QVERIFY(dlg);
        const ToolRun del = pkcs11Tool({QStringLiteral("--delete-object"), QStringLiteral("--type"), QStringLiteral("privkey"),
                                        QStringLiteral("--id"), QStringLiteral("53")},
                                       kPin);
        QVERIFY2(del.exitCode == 0, qPrintable(del.out));
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        typePinAndEnter(dlg, QStringLiteral("000000")); // a wrong PIN: the refusal comes before it is sent
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(dlg->errorText().contains(QLatin1String("The device has no private key with the CKA_ID 53.")),
                 qPrintable(dlg->errorText()));
        QVERIFY(filesIn(folder).isEmpty());
        QCOMPARE(userTries(), 3);
        closeWithEscape(dlg);
        waitForTree();
    }

    // A device initialized without DKEK shares cannot export keys: its sentence, nothing written.
    void deviceWithoutDkekIsRefused()
    {
        const ToolRun r = initializeWithScHsmTool(kSoPin, kPin, 0, QStringLiteral("backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        generate(QStringLiteral("EC:prime256v1"), "51");
        m_window->deviceChanged(m_reader);
        QTRY_VERIFY_WITH_TIMEOUT(tokenRow().isValid() && !tokenNode()->loggedIn, 30000);
        QString folder;
        QPointer<BackUpKeysDialog> dlg = openDialog("51", &folder);
        QVERIFY(dlg);
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        typePinAndEnter(dlg, QStringLiteral("000000"));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(dlg->errorText().contains(QLatin1String("The device has no DKEK")), qPrintable(dlg->errorText()));
        QVERIFY(filesIn(folder).isEmpty());
        QCOMPARE(userTries(), 3);
        closeWithEscape(dlg);
    }
};

QTEST_MAIN(TestSchsmBackupDialog)
#include "tst_schsmbackupdialog.moc"
