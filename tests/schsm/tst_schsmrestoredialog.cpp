// SPDX-License-Identifier: GPL-3.0-or-later
// "Restore key…" (issue 13) on the emulated SmartCard-HSM behind a real pcscd (run through
// with_card.sh), driven the way a user does it: the token's menu in the main window (OpenSC's
// module loaded in this process), the files chosen, the PIN typed and Enter pressed, Escape
// and the close button while the device works, a wrong PIN then the right one, Cancel.
// Oracles: sc-hsm-tool writes the backups (--wrap-key) and reports the DKEK check value;
// pkcs11-tool deletes the keys, lists what OpenSC shows (-O), reads public keys and
// certificates and signs with the restored key; openssl verifies the signature with the
// public key read before the backup; the emulated card counts the PIN's tries and lists its files.
#include "schsmtestsupport.h"
#include "softhsmfixture.h"

#include "commands/restorekeysdialog.h"
#include "inventory/inventory.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "p11/module.h"
#include "schsm/schsmdevice.h"
#include "widgets/secretedit.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QFileInfo>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace SchsmTest;

namespace {
const char *const kPinBytes = "648219"; // test value: sc-hsm-tool and pkcs11-tool take it on argv only
const QString kPin = QString::fromLatin1(kPinBytes);
const QString kSoPin = QStringLiteral("3537363231383830");
const QString kToken = QStringLiteral("restore (UserPIN)");
const QString kRestore = QStringLiteral("Restore &key…");
// tests/data/dkek/README: fixed-10m.pbe's share and password.
const QString kFixedShare = QStringLiteral(TOKENDESK_TEST_DATA "/dkek/fixed-10m.pbe");
const QByteArray kFixedPassword = QByteArrayLiteral("TokenDesk fixed vector \xc3\xa9t\xc3\xa9 10M");
// tests/data/schsm/README: the vectors' device had this single share.
const QString kVectorShare = QStringLiteral(TOKENDESK_TEST_DATA "/dkek/share-password.pbe");
const QByteArray kVectorPassword = QByteArrayLiteral("TokenDesk vector one");
const QString kVectors = QStringLiteral(TOKENDESK_TEST_DATA "/schsm/");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// What pkcs11-tool -O (logged in) shows, one "class|ID|label" line per object, sorted.
QStringList openScObjects()
{
    const ToolRun r = pkcs11Tool({QStringLiteral("-O")}, kPin);
    QStringList out;
    QString cls, label;
    const auto flush = [&](const QString &id) {
        if (!cls.isEmpty())
            out << cls + QLatin1Char('|') + id + QLatin1Char('|') + label;
    };
    for (const QString &line : r.out.split(QLatin1Char('\n'))) {
        const QString t = line.trimmed();
        if (t.startsWith(QStringLiteral("Private Key Object")))
            cls = QStringLiteral("privkey");
        else if (t.startsWith(QStringLiteral("Public Key Object")))
            cls = QStringLiteral("pubkey");
        else if (t.startsWith(QStringLiteral("Certificate Object")))
            cls = QStringLiteral("cert");
        else if (t.startsWith(QStringLiteral("label:")))
            label = t.section(QLatin1Char(':'), 1).trimmed();
        else if (t.startsWith(QStringLiteral("ID:"))) {
            flush(t.section(QLatin1Char(':'), 1).trimmed());
            cls.clear();
            label.clear();
        }
    }
    out.sort();
    return out;
}

// pkcs11-tool signs on the card; openssl verifies with the public key (DER); a changed message must not verify.
bool signVerifies(const QString &dir, const QByteArray &idHex, const QString &mechanism, const QString &publicKey)
{
    const QString msg = dir + QStringLiteral("/msg-") + QString::fromLatin1(idHex);
    const QString sig = msg + QStringLiteral(".sig");
    QFile::remove(sig);
    if (!writeFile(msg, "TokenDesk restore test " + idHex))
        return false;
    QStringList args{QStringLiteral("--sign"), QStringLiteral("--id"), QString::fromLatin1(idHex), QStringLiteral("-m"),
                     mechanism, QStringLiteral("-i"), msg, QStringLiteral("-o"), sig};
    if (mechanism.startsWith(QStringLiteral("ECDSA")))
        args << QStringLiteral("--signature-format") << QStringLiteral("openssl");
    if (pkcs11Tool(args, kPin).exitCode != 0)
        return false;
    const QStringList verify{QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                             QStringLiteral("-keyform"), QStringLiteral("DER"), QStringLiteral("-inkey"), publicKey,
                             QStringLiteral("-rawin"), QStringLiteral("-digest"), QStringLiteral("sha256"),
                             QStringLiteral("-sigfile"), sig, QStringLiteral("-in"), msg};
    const bool good = runTool(QStringLiteral("openssl"), verify).exitCode == 0;
    QFile f(msg);
    if (!f.open(QIODevice::Append) || f.write("!") != 1)
        return false;
    f.close();
    const bool changed = runTool(QStringLiteral("openssl"), verify).exitCode == 0;
    return good && !changed;
}

QStringList cardFiles()
{
    QStringList out;
    for (const QJsonValue v : cardState().value(QStringLiteral("files")).toArray())
        out << v.toString();
    return out;
}
} // namespace

class TestSchsmRestoreDialog : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    QString m_reader;
    QTemporaryDir m_dir;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    std::unique_ptr<MainWindow> m_window;
    std::map<QByteArray, int> m_references; // CKA_ID (hex) → key reference, from the card's state

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
    QAction *menuAction(const QString &text) const
    {
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->text() == text)
                return a;
        return nullptr;
    }
    void waitForTree()
    {
        QTRY_VERIFY_WITH_TIMEOUT(tokenRow().isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->busyJobs() == 0, 30000);
    }
    // The device changed behind the window's back (sc-hsm-tool, pkcs11-tool): read it again.
    void rereadDevice()
    {
        m_window->deviceChanged(m_reader);
        waitForTree();
    }
    // The token row, its context menu's "Restore key…", the files chosen; returns once the device was read.
    QPointer<RestoreKeysDialog> openDialog(const QStringList &files)
    {
        waitForTree();
        QTreeView *tree = m_window->tree();
        const QModelIndex token = tokenRow();
        tree->scrollTo(token);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(token).center());
        const QPointer<QAction> action = menuAction(kRestore);
        if (!action || !QTest::qWaitFor(
                           [&] {
                               std::unique_ptr<QMenu> menu(m_window->contextMenuFor(tokenRow()));
                               return menu->actions().contains(action.data()) && action->isEnabled();
                           },
                           30000))
            return {};
        const QList<RestoreKeysDialog *> open = m_window->findChildren<RestoreKeysDialog *>();
        action->trigger();
        QPointer<RestoreKeysDialog> dlg;
        const auto opened = [&] {
            for (RestoreKeysDialog *d : m_window->findChildren<RestoreKeysDialog *>())
                if (!open.contains(d) && d->isVisible())
                    dlg = d;
            return !dlg.isNull();
        };
        if (!QTest::qWaitFor(opened))
            return {};
        QSignalSpy checked(dlg.data(), &RestoreKeysDialog::checked);
        dlg->setFiles(files);
        if (!checked.wait(60000))
            return {};
        return dlg;
    }
    static void typePinAndEnter(RestoreKeysDialog *dlg, const QString &pin)
    {
        QTest::keyClicks(dlg->pinEdit(), pin);
        QTest::keyClick(dlg->pinEdit(), Qt::Key_Return);
    }
    static void closeWithEscape(QPointer<RestoreKeysDialog> dlg)
    {
        QTest::keyClick(dlg, Qt::Key_Escape);
        QTRY_VERIFY(dlg.isNull());
    }
    static QPushButton *cancelButton(RestoreKeysDialog *dlg)
    {
        for (QPushButton *b : dlg->findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Cancel"))
                return b;
        return nullptr;
    }
    static QString row(RestoreKeysDialog *dlg, int r)
    {
        QStringList cells;
        QTreeWidgetItem *item = dlg->fileList()->topLevelItem(r);
        for (int c = 0; item && c < dlg->fileList()->columnCount(); ++c)
            cells << item->text(c);
        return cells.join(QLatin1Char('|'));
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
    void initializeWith(const QString &share, const QByteArray &password)
    {
        ToolRun r = initializeWithScHsmTool(kSoPin, kPin, share.isEmpty() ? 0 : 1, QStringLiteral("restore"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        if (!share.isEmpty()) {
            r = importShareWithScHsmTool(share, password);
            QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        }
        m_references.clear();
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void deletePrivateKey(const QByteArray &idHex)
    {
        const std::set<int> before = cardKeys();
        const ToolRun del = pkcs11Tool({QStringLiteral("--delete-object"), QStringLiteral("--type"), QStringLiteral("privkey"),
                                        QStringLiteral("--id"), QString::fromLatin1(idHex)},
                                       kPin);
        QVERIFY2(del.exitCode == 0, qPrintable(del.out));
        QCOMPARE(cardKeys().size() + 1, before.size());
    }
    // Restores with the right PIN, Enter in the PIN field; the job must succeed.
    void restoreOk(QPointer<RestoreKeysDialog> dlg)
    {
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        QSignalSpy changed(dlg.data(), &RestoreKeysDialog::deviceChanged);
        QVERIFY2(dlg->restoreButton()->isEnabled() || dlg->pinEdit()->text().isEmpty(), qPrintable(row(dlg, 0)));
        typePinAndEnter(dlg, kPin);
        QVERIFY(dlg->isBusy());
        QVERIFY(dlg->pinEdit()->text().isEmpty());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(dlg->errorText()));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toString(), m_reader);
    }

private Q_SLOTS:
    // A test that failed half-way leaves no dialog behind for the next one.
    void cleanup()
    {
        if (!m_window)
            return;
        for (RestoreKeysDialog *d : m_window->findChildren<RestoreKeysDialog *>()) {
            QPointer<RestoreKeysDialog> dlg(d);
            QTRY_VERIFY_WITH_TIMEOUT(!dlg || !dlg->isBusy(), 120000);
            delete dlg.data();
        }
        waitForTree();
    }
    void initTestCase()
    {
        m_reader = qEnvironmentVariable("SCHSM_READER");
        QVERIFY2(!m_reader.isEmpty() && !qEnvironmentVariableIsEmpty("SCHSM_CONTROL"),
                 "run this test through tests/schsm/with_card.sh");
        QVERIFY(m_dir.isValid());
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        initializeWith(kFixedShare, kFixedPassword);
        generate(QStringLiteral("EC:prime256v1"), "10"); // another key first: references are not simply 1
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

    // Only on a SmartCard-HSM token: the SoftHSM token's menu has it disabled.
    void actionOnlyForTheDevice()
    {
        waitForTree();
        QAction *action = menuAction(kRestore);
        QVERIFY(action);
        const QModelIndex soft = findRow({}, [](const QModelIndex &i) { return i.data().toString() == QStringLiteral("Soft"); });
        QVERIFY(soft.isValid());
        m_window->tree()->setCurrentIndex(soft);
        QTRY_VERIFY_WITH_TIMEOUT(!menuAction(QStringLiteral("&Back up key…"))->toolTip().startsWith(QStringLiteral("Looking")), 30000);
        QVERIFY(!action->isEnabled());
        m_window->tree()->setCurrentIndex(tokenRow());
        QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 30000);
    }

    // sc-hsm-tool --wrap-key, the key deleted with pkcs11-tool, restored in TokenDesk: OpenSC shows it
    // under its CKA_ID and label again, and it signs what openssl verifies with the public key read before.
    void restoreScHsmToolBackup_data()
    {
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QString>("mechanism");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("EC P-256") << QByteArray("51") << QStringLiteral("ECDSA-SHA256") << QStringLiteral("EC P-256");
        QTest::newRow("RSA 2048") << QByteArray("53") << QStringLiteral("SHA256-RSA-PKCS") << QStringLiteral("RSA 2048");
    }
    void restoreScHsmToolBackup()
    {
        QFETCH(QByteArray, id);
        QFETCH(QString, mechanism);
        QFETCH(QString, algorithm);
        const QString pub = path(QStringLiteral("pub-%1.der").arg(QString::fromLatin1(id)));
        QVERIFY(!publicKeyThroughOpenSc(id, pub).isEmpty());
        const QString file = path(QStringLiteral("sc-hsm-tool-%1.wrap").arg(QString::fromLatin1(id)));
        const ToolRun wrap = scHsmTool({QStringLiteral("--wrap-key"), file, QStringLiteral("--key-reference"),
                                        QString::number(m_references.at(id)), QStringLiteral("--pin"), kPin});
        QVERIFY2(wrap.exitCode == 0 && QFileInfo(file).size() > 0, qPrintable(wrap.out));
        const QStringList before = openScObjects();
        QVERIFY2(before.contains(QStringLiteral("privkey|%1|key %1").arg(QString::fromLatin1(id))), qPrintable(before.join(QLatin1Char('\n'))));
        deletePrivateKey(id);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!signVerifies(m_dir.path(), id, mechanism, pub)); // the oracle can fail: no key, no signature
        rereadDevice();

        QPointer<RestoreKeysDialog> dlg = openDialog({file});
        QVERIFY(dlg);
        const QString cells = row(dlg, 0);
        QVERIFY2(cells.startsWith(QStringLiteral("sc-hsm-tool-%1.wrap|key %1|%1|%2").arg(QString::fromLatin1(id), algorithm)), qPrintable(cells));
        QVERIFY2(cells.contains(QStringLiteral("|the device's CV request|can be restored (DKEK check value ")), qPrintable(cells));
        QVERIFY(!dlg->replaceText()->isVisible());
        restoreOk(dlg);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(dlg->statusText().startsWith(QStringLiteral("Restored 1 key")), qPrintable(dlg->statusText()));

        QCOMPARE(openScObjects(), before);
        QVERIFY(signVerifies(m_dir.path(), id, mechanism, pub));
        const QString again = path(QStringLiteral("pub-again-%1.der").arg(QString::fromLatin1(id)));
        QCOMPARE(publicKeyThroughOpenSc(id, again), readFile(pub));
        QCOMPARE(userTries(), 3);
        waitForTree();
        closeWithEscape(dlg);
    }

    // A file written by TokenDesk's backup (the same core as Back up key…) restores the same way.
    void restoreTokenDeskBackup()
    {
        const QByteArray id("53");
        const QString pub = path(QStringLiteral("pub-td-53.der"));
        QVERIFY(!publicKeyThroughOpenSc(id, pub).isEmpty());
        const QByteArray pinBytes(kPinBytes);
        const SchsmKeyBackup backup = SchsmDevice::backUpKey(m_reader, QByteArray::fromHex(id),
                                                             SecureBytes(pinBytes.constData(), std::size_t(pinBytes.size())));
        const QString file = path(QStringLiteral("tokendesk-53.wrap"));
        QVERIFY(writeFile(file, backup.file));
        const QStringList before = openScObjects();
        m_references[id] = backup.keyReference;
        deletePrivateKey(id);
        if (QTest::currentTestFailed())
            return;
        rereadDevice();
        QPointer<RestoreKeysDialog> dlg = openDialog({file});
        QVERIFY(dlg);
        restoreOk(dlg);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(openScObjects(), before);
        QVERIFY(signVerifies(m_dir.path(), id, QStringLiteral("SHA256-RSA-PKCS"), pub));
        waitForTree();
        closeWithEscape(dlg);
    }

    // The key is on the device: the dialog names exactly what would be lost and writes nothing
    // until its name is typed; then the old key is replaced by the backup's.
    void sameIdRefusedUntilConfirmedByName()
    {
        const QByteArray id("51");
        const QString file = path(QStringLiteral("sc-hsm-tool-51.wrap"));
        QVERIFY(QFileInfo::exists(file));
        rereadDevice();
        const QStringList objects = openScObjects();
        const QStringList files = cardFiles();
        QPointer<RestoreKeysDialog> dlg = openDialog({file});
        QVERIFY(dlg);
        QVERIFY2(row(dlg, 0).endsWith(QStringLiteral("replaces what the device holds under this CKA_ID (see below)")), qPrintable(row(dlg, 0)));
        QVERIFY(dlg->replaceText()->isVisible());
        QVERIFY2(dlg->replaceText()->text().contains(QStringLiteral("the key “key 51” (CKA_ID 51, key reference ")),
                 qPrintable(dlg->replaceText()->text()));
        QVERIFY2(dlg->replaceText()->text().contains(QStringLiteral("type its name “key 51”")), qPrintable(dlg->replaceText()->text()));
        QCOMPARE(dlg->restoreButton()->text(), QStringLiteral("&Replace and restore"));

        // Without the name: Enter in the PIN field starts nothing, nothing is sent.
        QSignalSpy started(dlg.data(), &TokenCommandDialog::jobStarted);
        typePinAndEnter(dlg, kPin);
        QVERIFY(!dlg->restoreButton()->isEnabled());
        QTest::keyClicks(dlg->confirmEdit(), QStringLiteral("key 5"));
        QTest::keyClick(dlg->pinEdit(), Qt::Key_Return);
        QVERIFY(!dlg->restoreButton()->isEnabled());
        QCOMPARE(started.count(), 0);
        QCOMPARE(openScObjects(), objects);
        QCOMPARE(cardFiles(), files);

        QTest::keyClicks(dlg->confirmEdit(), QStringLiteral("1"));
        QVERIFY(dlg->restoreButton()->isEnabled());
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        QTest::keyClick(dlg->pinEdit(), Qt::Key_Return);
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(dlg->errorText()));
        QCOMPARE(openScObjects(), objects); // one key 51 (not two), same label
        QVERIFY(signVerifies(m_dir.path(), id, QStringLiteral("ECDSA-SHA256"), path(QStringLiteral("pub-51.der"))));
        waitForTree();
        closeWithEscape(dlg);
    }

    // A damaged file: its sentence in the row, nothing sent. A blob changed inside its
    // ciphertext parses, but the device refuses it: the sentence with the code, nothing written.
    void damagedFiles()
    {
        deletePrivateKey("51");
        rereadDevice();
        const QByteArray good = readFile(path(QStringLiteral("sc-hsm-tool-51.wrap")));
        QVERIFY(!good.isEmpty());
        const QString cut = path(QStringLiteral("cut.wrap"));
        QVERIFY(writeFile(cut, good.left(good.size() - 40)));
        const QStringList objects = openScObjects();
        const QStringList files = cardFiles();
        QPointer<RestoreKeysDialog> dlg = openDialog({cut});
        QVERIFY(dlg);
        QVERIFY2(row(dlg, 0).contains(QStringLiteral("The file is not a SmartCard-HSM key backup")), qPrintable(row(dlg, 0)));
        QSignalSpy started(dlg.data(), &TokenCommandDialog::jobStarted);
        typePinAndEnter(dlg, kPin);
        QCOMPARE(started.count(), 0);
        QVERIFY(!dlg->restoreButton()->isEnabled());

        // One bit of the encrypted key changed: the device's CMAC check refuses it.
        QByteArray changed = good;
        // File and blob headers end before byte 60; an EC P-256 key's ciphertext runs to about byte 320.
        const int at = 100;
        changed[at] = char(changed.at(at) ^ 0x01);
        const QString flipped = path(QStringLiteral("flipped.wrap"));
        QVERIFY(writeFile(flipped, changed));
        QSignalSpy checked(dlg.data(), &RestoreKeysDialog::checked);
        dlg->setFiles({flipped});
        QVERIFY(checked.wait(60000));
        QVERIFY2(row(dlg, 0).contains(QStringLiteral("can be restored")), qPrintable(row(dlg, 0)));
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        QTest::keyClick(dlg->pinEdit(), Qt::Key_Return); // the PIN is still in the field
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(dlg->errorText().contains(QStringLiteral("flipped.wrap was not restored: The device refused the key blob"))
                     && dlg->errorText().contains(QStringLiteral("(SW 6A80)")),
                 qPrintable(dlg->errorText()));
        QCOMPARE(openScObjects(), objects);
        QCOMPARE(cardFiles(), files);
        waitForTree();
        closeWithEscape(dlg);
    }

    // A wrong PIN: one try spent (never retried), its sentence with SW 63C2, nothing written;
    // the corrected PIN restores.
    void wrongPinThenRightPin()
    {
        const QString file = path(QStringLiteral("sc-hsm-tool-51.wrap"));
        const QStringList objects = openScObjects();
        QPointer<RestoreKeysDialog> dlg = openDialog({file});
        QVERIFY(dlg);
        QCOMPARE(userTries(), 3);
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        typePinAndEnter(dlg, QStringLiteral("000000"));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.takeFirst().first().toBool(), false);
        QVERIFY2(dlg->errorText().contains(QStringLiteral("Wrong user PIN — 2 tries left (SW 63C2)")), qPrintable(dlg->errorText()));
        QCOMPARE(userTries(), 2);
        QCOMPARE(openScObjects(), objects);
        QVERIFY(dlg->isVisible() && dlg->pinEdit()->isEnabled() && dlg->pinEdit()->text().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(dlg->deviceRead(), 30000);

        typePinAndEnter(dlg, kPin);
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.takeFirst().first().toBool(), qPrintable(dlg->errorText()));
        QVERIFY(dlg->errorText().isEmpty());
        QCOMPARE(userTries(), 3);
        QVERIFY(openScObjects().contains(QStringLiteral("privkey|51|key 51")));
        waitForTree();
        closeWithEscape(dlg);
    }

    // Escape and the window's close button while the device works: refused; the job ends and
    // the tree re-reads the device; the dialog closes afterwards. Cancel before the start sends nothing.
    void closeWhileRunning_data()
    {
        QTest::addColumn<bool>("escape");
        QTest::newRow("Escape") << true;
        QTest::newRow("close button") << false;
    }
    void closeWhileRunning()
    {
        QFETCH(bool, escape);
        deletePrivateKey("51");
        rereadDevice();
        QPointer<RestoreKeysDialog> dlg = openDialog({path(QStringLiteral("sc-hsm-tool-51.wrap"))});
        QVERIFY(dlg);
        QSignalSpy finished(dlg.data(), &TokenCommandDialog::jobFinished);
        QSignalSpy changed(dlg.data(), &RestoreKeysDialog::deviceChanged);
        typePinAndEnter(dlg, kPin);
        QVERIFY(dlg->isBusy());
        QPushButton *cancel = cancelButton(dlg);
        QVERIFY(cancel && !cancel->isEnabled()); // Cancel is off while the device works
        if (escape)
            QTest::keyClick(dlg, Qt::Key_Escape);
        else
            QVERIFY(!dlg->close());
        QVERIFY(dlg && dlg->isVisible());
        QVERIFY2(dlg->statusText().contains(QStringLiteral("cannot be interrupted")), qPrintable(dlg->statusText()));
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(dlg->errorText()));
        QCOMPARE(changed.count(), 1);
        QVERIFY(openScObjects().contains(QStringLiteral("privkey|51|key 51")));
        waitForTree();
        if (escape) {
            closeWithEscape(dlg);
        } else {
            dlg->close();
            QTRY_VERIFY(dlg.isNull());
        }
    }
    void cancelBeforeStart()
    {
        deletePrivateKey("51");
        rereadDevice();
        const QStringList files = cardFiles();
        QPointer<RestoreKeysDialog> dlg = openDialog({path(QStringLiteral("sc-hsm-tool-51.wrap"))});
        QVERIFY(dlg);
        QTest::keyClicks(dlg->pinEdit(), kPin);
        QVERIFY(dlg->restoreButton()->isEnabled());
        QPushButton *cancel = cancelButton(dlg);
        QVERIFY(cancel && cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY(dlg.isNull());
        QCOMPARE(cardFiles(), files);
        QVERIFY(!openScObjects().contains(QStringLiteral("privkey|51|key 51")));
    }

    // The third-party vector ec1.wrap (a key with its X.509 certificate, tests/data/schsm) into
    // a device with the vectors' DKEK: key and certificate under CKA_ID 01 and label ec1.
    // Then the wrong DKEK (a backup of the fixed share) and a device without DKEK are refused.
    void restoreVectorWithCertificate()
    {
        initializeWith(kVectorShare, kVectorPassword);
        // A certificate under CKA_ID 01 without a key (OpenSC keeps it with a description of its own):
        // the restore names it and replaces it only when its name is typed.
        const ToolRun written = writeCertificateThroughOpenSc(kPin);
        QVERIFY2(written.exitCode == 0, qPrintable(written.out));
        const QStringList certificateOnly = openScObjects();
        const QStringList certificates = certificateOnly.filter(QStringLiteral("cert|01|"));
        QVERIFY2(certificates.size() == 1 && certificateOnly.filter(QStringLiteral("privkey|")).isEmpty(),
                 qPrintable(certificateOnly.join(QLatin1Char('\n'))));
        rereadDevice();
        QPointer<RestoreKeysDialog> dlg = openDialog({kVectors + QStringLiteral("ec1.wrap"), kVectors + QStringLiteral("rsa1.wrap")});
        QVERIFY(dlg);
        QVERIFY2(row(dlg, 0).startsWith(QStringLiteral("ec1.wrap|ec1|01|EC P-256")), qPrintable(row(dlg, 0)));
        QVERIFY2(row(dlg, 0).contains(QStringLiteral("|X.509 certificate “")), qPrintable(row(dlg, 0)));
        QVERIFY2(row(dlg, 0).endsWith(QStringLiteral("replaces what the device holds under this CKA_ID (see below)")), qPrintable(row(dlg, 0)));
        QVERIFY2(row(dlg, 1).startsWith(QStringLiteral("rsa1.wrap|rsa1|02|RSA 2048")), qPrintable(row(dlg, 1)));
        const QString lost = dlg->replaceText()->text();
        const QString label = certificates.first().section(QLatin1Char('|'), 2);
        const QString name = label.isEmpty() ? QStringLiteral("01") : label;
        QVERIFY2(lost.contains(QStringLiteral("the certificate “%1” (CKA_ID 01)").arg(label)), qPrintable(lost));
        QVERIFY2(lost.contains(QStringLiteral("type its name “%1”").arg(name)), qPrintable(lost));
        QVERIFY(!dlg->restoreButton()->isEnabled());
        QTest::keyClicks(dlg->confirmEdit(), name);
        restoreOk(dlg);
        if (QTest::currentTestFailed())
            return;
        const QStringList objects = openScObjects();
        for (const QString &o : {QStringLiteral("privkey|01|ec1"), QStringLiteral("cert|01|ec1"), QStringLiteral("privkey|02|rsa1")})
            QVERIFY2(objects.contains(o), qPrintable(objects.join(QLatin1Char('\n'))));
        QCOMPARE(objects.filter(QStringLiteral("cert|01|")).size(), 1); // the old certificate is gone
        const QString cert = path(QStringLiteral("ec1.crt.der"));
        const ToolRun read = pkcs11Tool({QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("cert"),
                                         QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("-o"), cert});
        QVERIFY2(read.exitCode == 0, qPrintable(read.out));
        QCOMPARE(readFile(cert), readFile(kVectors + QStringLiteral("ec1.crt.der")));
        QVERIFY(signVerifies(m_dir.path(), "01", QStringLiteral("ECDSA-SHA256"), kVectors + QStringLiteral("ec1.pub.der")));
        QVERIFY(signVerifies(m_dir.path(), "02", QStringLiteral("SHA256-RSA-PKCS"), kVectors + QStringLiteral("rsa1.pub.der")));
        waitForTree();
        closeWithEscape(dlg);
    }
    void wrongDkekIsRefused()
    {
        const QString kcv = fact(scHsmToolFacts(), QStringLiteral("DKEK key check value")).remove(QLatin1Char(' ')).toUpper();
        QCOMPARE(kcv, QStringLiteral("1869AACFBA17D873"));
        const QStringList objects = openScObjects();
        const QStringList files = cardFiles();
        QPointer<RestoreKeysDialog> dlg = openDialog({path(QStringLiteral("sc-hsm-tool-53.wrap"))});
        QVERIFY(dlg);
        const QString cells = row(dlg, 0);
        const QRegularExpression both(QStringLiteral("made under the DKEK with check value ([0-9A-F]{16}); the device's "
                                                     "DKEK has check value 1869AACFBA17D873"));
        const auto m = both.match(cells);
        QVERIFY2(m.hasMatch(), qPrintable(cells));
        QVERIFY(m.captured(1) != kcv);
        QSignalSpy started(dlg.data(), &TokenCommandDialog::jobStarted);
        typePinAndEnter(dlg, kPin);
        QCOMPARE(started.count(), 0);
        QVERIFY(!dlg->restoreButton()->isEnabled());
        QCOMPARE(openScObjects(), objects);
        QCOMPARE(cardFiles(), files);
        closeWithEscape(dlg);
    }
    void deviceWithoutDkekIsRefused()
    {
        initializeWith(QString(), {});
        rereadDevice();
        const QStringList files = cardFiles();
        QPointer<RestoreKeysDialog> dlg = openDialog({kVectors + QStringLiteral("ec1.wrap")});
        QVERIFY(dlg);
        QVERIFY2(row(dlg, 0).contains(QStringLiteral("The device has no DKEK")), qPrintable(row(dlg, 0)));
        QSignalSpy started(dlg.data(), &TokenCommandDialog::jobStarted);
        typePinAndEnter(dlg, kPin);
        QCOMPARE(started.count(), 0);
        QCOMPARE(cardFiles(), files);
        closeWithEscape(dlg);
    }
};

QTEST_MAIN(TestSchsmRestoreDialog)
#include "tst_schsmrestoredialog.moc"
