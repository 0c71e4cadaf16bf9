// SPDX-License-Identifier: GPL-3.0-or-later
// Writing the generated setup (core/workstation's SetupWriter), for every
// target, in a home folder of its own: new files and folders are owner-only
// (stat), a second write with nothing new touches nothing (same inode, no new
// journal entry), a changed file gets a dated backup with its old bytes (cmp),
// Undo puts every file back byte for byte (cmp) or removes it, the dry run's
// diff turns the old file into the new one when patch applies it, and the
// ssh block is merged into the user's ~/.ssh/config (ssh -G reads it).
#include "softhsmfixture.h"

#include "workstation/markedblock.h"
#include "workstation/setupdiff.h"
#include "workstation/setuptarget.h"
#include "workstation/setupwriter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {
KeyFacts facts(const QString &module = SoftHsmFixture::softhsmModule())
{
    KeyFacts k;
    k.modulePath = module;
    k.tokenLabel = QStringLiteral("Write token");
    k.tokenSerial = QStringLiteral("0123456789abcdef");
    k.slotId = 42;
    k.id = QByteArray::fromHex("01");
    k.objectLabel = QStringLiteral("tls");
    k.uri = QStringLiteral("pkcs11:serial=0123456789abcdef;token=Write%20token;id=%01;type=private");
    return k;
}

mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : mode_t(-1);
}

ino_t inodeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

void writeFile(const QString &path, const QByteArray &data, mode_t mode)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(data), data.size());
    f.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

// cmp, the independent judge of "byte for byte".
bool sameBytes(const QString &a, const QString &b)
{
    return SoftHsmFixture::runStatus(QStringLiteral("cmp"), {a, b}) == 0;
}

QStringList backupsOf(const QString &path)
{
    const QFileInfo info(path);
    return QDir(info.path()).entryList({info.fileName() + QStringLiteral(".tokendesk-backup-*")}, QDir::Files);
}
} // namespace

class TestSetupWrite : public QObject {
    Q_OBJECT

    struct Home {
        QTemporaryDir dir;
        SetupPaths paths;
        Home()
        {
            paths.home = dir.filePath(QStringLiteral("home"));
            paths.configHome = QDir(paths.home).filePath(QStringLiteral(".config"));
            paths.stateHome = QDir(paths.home).filePath(QStringLiteral(".local/state"));
            paths.enginePath = QStringLiteral("/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so");
            QDir().mkpath(paths.home);
        }
        QString journalPath() const { return SetupJournal::defaultPath(paths.stateHome); }
        int journalEntries() const
        {
            QString error;
            return int(SetupJournal(journalPath()).entries(&error).size());
        }
    };

    static WriteResult writeNow(const SetupText &text, const SetupPaths &paths, const QString &target)
    {
        SetupJournal journal(SetupJournal::defaultPath(paths.stateHome));
        return SetupWriter::write(SetupPlan::of(text), target, journal, QDateTime::currentDateTime());
    }

    static void targets()
    {
        QTest::addColumn<QString>("target");
        for (const QString &t : SetupTargets::names())
            if (t != QLatin1String("nss") && t != QLatin1String("gskit")) // no files
                QTest::newRow(qPrintable(t)) << t;
    }

private Q_SLOTS:
    void createsOwnerOnlyFilesAndUndoRemovesThem_data() { targets(); }
    void createsOwnerOnlyFilesAndUndoRemovesThem()
    {
        QFETCH(QString, target);
        Home home;
        const SetupText text = SetupTargets::generate(*SetupTargets::fromName(target), facts(), home.paths);
        QVERIFY(!text.files.isEmpty());
        const WriteResult r = writeNow(text, home.paths, target);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.files.size(), text.files.size());
        for (const WrittenFile &w : r.files) {
            QCOMPARE(w.result, WrittenFile::Result::Created);
            QCOMPARE(modeOf(w.path), mode_t(0600));
            QCOMPARE(modeOf(QFileInfo(w.path).path()), mode_t(0700)); // created by the write
        }
        QCOMPARE(modeOf(home.journalPath()), mode_t(0600));
        QCOMPARE(home.journalEntries(), 1);

        // Nothing new: not one file is replaced (same inode), no backup, no journal entry.
        QMap<QString, ino_t> inodes;
        for (const SetupFile &f : text.files)
            inodes.insert(f.path, inodeOf(f.path));
        const WriteResult again = writeNow(text, home.paths, target);
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        for (const WrittenFile &w : again.files) {
            QCOMPARE(w.result, WrittenFile::Result::Unchanged);
            QCOMPARE(inodeOf(w.path), inodes.value(w.path));
            QVERIFY(backupsOf(w.path).isEmpty());
        }
        QCOMPARE(home.journalEntries(), 1);

        SetupJournal journal(home.journalPath());
        const UndoResult u = SetupWriter::undo(journal);
        QVERIFY2(u.error.isEmpty(), qPrintable(u.error));
        QCOMPARE(u.removed.size(), text.files.size());
        for (const SetupFile &f : text.files) {
            QVERIFY(!QFileInfo::exists(f.path));
            QVERIFY(!QFileInfo::exists(QFileInfo(f.path).path())); // the folders it made, too
        }
        QCOMPARE(home.journalEntries(), 0);
        QVERIFY(SetupWriter::undo(journal).nothingToUndo);
    }

    void backsUpAndUndoRestoresByteForByte_data() { targets(); }
    void backsUpAndUndoRestoresByteForByte()
    {
        QFETCH(QString, target);
        Home home;
        const SetupText text = SetupTargets::generate(*SetupTargets::fromName(target), facts(), home.paths);
        // The user's own versions, in a mode TokenDesk must keep; a copy to compare with.
        QStringList originals;
        for (const SetupFile &f : text.files) {
            const QByteArray mine = "# the user's own file\r\nkeep = this \\\n  and\tthat\n\n# no newline at the end";
            writeFile(f.path, mine, 0640);
            const QString copy = home.dir.filePath(QStringLiteral("original-%1").arg(originals.size()));
            QVERIFY(QFile::copy(f.path, copy));
            originals << copy;
        }
        const WriteResult r = writeNow(text, home.paths, target);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        for (qsizetype i = 0; i < r.files.size(); ++i) {
            const WrittenFile &w = r.files[i];
            QCOMPARE(w.result, WrittenFile::Result::Replaced);
            QCOMPARE(modeOf(w.path), mode_t(0640));
            QVERIFY2(QFileInfo(w.backup).fileName().contains(QRegularExpression(
                         QStringLiteral("\\.tokendesk-backup-20\\d{6}-\\d{6}$"))),
                     qPrintable(w.backup));
            QCOMPARE(QFileInfo(w.backup).path(), QFileInfo(w.path).path());
            QVERIFY(sameBytes(w.backup, originals[i]));
            QCOMPARE(modeOf(w.backup), mode_t(0600));
            QVERIFY(!sameBytes(w.path, originals[i]));
        }

        SetupJournal journal(home.journalPath());
        const UndoResult u = SetupWriter::undo(journal);
        QVERIFY2(u.error.isEmpty(), qPrintable(u.error));
        QCOMPARE(u.restored.size(), text.files.size());
        for (qsizetype i = 0; i < text.files.size(); ++i) {
            QVERIFY(sameBytes(text.files[i].path, originals[i]));
            QCOMPARE(modeOf(text.files[i].path), mode_t(0640));
            QVERIFY(backupsOf(text.files[i].path).isEmpty());
        }
    }

    void undoRefusesWhenTheUserChangedTheFile()
    {
        Home home;
        const SetupText text = SetupTargets::generate(SetupTarget::Java, facts(), home.paths);
        QVERIFY(writeNow(text, home.paths, QStringLiteral("java")).error.isEmpty());
        const QString edited = text.files.value(1).path;
        writeFile(edited, "security.provider.13=edited by hand\n", 0600);
        SetupJournal journal(home.journalPath());
        const UndoResult u = SetupWriter::undo(journal);
        QVERIFY2(u.error.contains(edited), qPrintable(u.error));
        // All or nothing: the other file is still there, and so is the journal entry.
        QVERIFY(QFileInfo::exists(text.files.value(0).path));
        QCOMPARE(home.journalEntries(), 1);
    }

    void undoTakesTheLastWriteFirst()
    {
        Home home;
        KeyFacts second = facts();
        second.slotId = 43;
        const SetupText first = SetupTargets::generate(SetupTarget::Java, facts(), home.paths);
        QVERIFY(writeNow(first, home.paths, QStringLiteral("java")).error.isEmpty());
        const QString cfg = first.files.value(0).path;
        const QString afterFirst = home.dir.filePath(QStringLiteral("after-first"));
        QVERIFY(QFile::copy(cfg, afterFirst));
        QVERIFY(writeNow(SetupTargets::generate(SetupTarget::Java, second, home.paths), home.paths,
                         QStringLiteral("java"))
                    .error.isEmpty());
        QCOMPARE(home.journalEntries(), 2);
        SetupJournal journal(home.journalPath());
        QVERIFY(SetupWriter::undo(journal).error.isEmpty());
        QVERIFY(sameBytes(cfg, afterFirst));
        QVERIFY(SetupWriter::undo(journal).error.isEmpty());
        QVERIFY(!QFileInfo::exists(cfg));
    }

    void dryRunDiffIsWhatPatchNeeds_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("existing");
        for (const QString &t : SetupTargets::names()) {
            if (t == QLatin1String("nss") || t == QLatin1String("gskit"))
                continue;
            QTest::addRow("%s, new files", qPrintable(t)) << t << false;
            QTest::addRow("%s, files there", qPrintable(t)) << t << true;
        }
    }
    void dryRunDiffIsWhatPatchNeeds()
    {
        QFETCH(QString, target);
        QFETCH(bool, existing);
        Home home;
        const SetupText text = SetupTargets::generate(*SetupTargets::fromName(target), facts(), home.paths);
        if (existing)
            for (const SetupFile &f : text.files)
                writeFile(f.path, "Host old\n  User me\n# trailing line without newline", 0600);
        const SetupPlan plan = SetupPlan::of(text);
        QString error;
        const QByteArray diff = SetupDiff::unified(plan, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The dry run wrote nothing.
        for (const SetupFile &f : text.files)
            QCOMPARE(QFileInfo::exists(f.path), existing);
        QVERIFY(!QFileInfo::exists(home.journalPath()));
        // patch, run in /, turns what is there into what --write would write.
        const QString patchFile = home.dir.filePath(QStringLiteral("dry-run.diff"));
        writeFile(patchFile, diff, 0600);
        QByteArray out, err;
        QCOMPARE(SoftHsmFixture::runStatus(QStringLiteral("patch"),
                                           {QStringLiteral("-p0"), QStringLiteral("-d"), QStringLiteral("/"),
                                            QStringLiteral("-i"), patchFile},
                                           &out, &err),
                 0);
        for (const FileChange &c : plan.files) {
            QFile f(c.path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), c.after);
        }
        // Once the files hold the new contents, there is nothing to show.
        QVERIFY(SetupDiff::unified(SetupPlan::of(text), &error).isEmpty());
    }

    void sshBlockIsMergedIntoTheUsersConfig_data()
    {
        QTest::addColumn<QByteArray>("mine");
        QTest::newRow("no file") << QByteArray();
        QTest::newRow("host sections") << QByteArray("# my config\nHost work\n    HostName work.example.org\n    User me\n"
                                                     "Host own\n    PKCS11Provider /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so\n");
        QTest::newRow("no newline at the end") << QByteArray("Host work\n  User me");
        QTest::newRow("CRLF lines") << QByteArray("Host work\r\n  User me\r\n");
    }
    void sshBlockIsMergedIntoTheUsersConfig()
    {
        QFETCH(QByteArray, mine);
        Home home;
        const QString config = QDir(home.paths.home).filePath(QStringLiteral(".ssh/config"));
        if (!mine.isNull())
            writeFile(config, mine, 0600);
        const SetupText text = SetupTargets::generate(SetupTarget::Ssh, facts(), home.paths);
        QCOMPARE(text.files.value(0).path, config);
        QVERIFY(writeNow(text, home.paths, QStringLiteral("ssh")).error.isEmpty());
        QFile f(config);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray merged = f.readAll();
        f.close();
        QVERIFY2(merged.startsWith(mine), merged.constData()); // the user's bytes, unchanged, first
        QCOMPARE(merged.count(MarkedBlock::beginMarker()), 1);

        // ssh reads it: our module for any host, the user's own choice where it made one.
        const auto provider = [&config](const QString &host) {
            const QByteArray out = SoftHsmFixture::run(QStringLiteral("ssh"), {QStringLiteral("-G"), QStringLiteral("-F"),
                                                                               config, host});
            for (const QByteArray &line : out.split('\n'))
                if (line.startsWith("pkcs11provider "))
                    return line.mid(15);
            return QByteArray();
        };
        QCOMPARE(provider(QStringLiteral("example.org")), facts().modulePath.toUtf8());
        QCOMPARE(provider(QStringLiteral("work")), facts().modulePath.toUtf8());
        if (mine.contains("Host own"))
            QCOMPARE(provider(QStringLiteral("own")), QByteArray("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"));

        // The user adds lines after the block; another module replaces the block in place.
        QVERIFY(f.open(QIODevice::Append));
        f.write("Host later\n  User later\n");
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray withLater = f.readAll();
        f.close();
        const QString other = SoftHsmFixture::openscModule();
        QVERIFY(writeNow(SetupTargets::generate(SetupTarget::Ssh, facts(other), home.paths), home.paths,
                         QStringLiteral("ssh"))
                    .error.isEmpty());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray replaced = f.readAll();
        f.close();
        const qsizetype begin = withLater.indexOf(MarkedBlock::beginMarker());
        const qsizetype end = withLater.indexOf(MarkedBlock::endMarker()) + MarkedBlock::endMarker().size();
        QCOMPARE(replaced.left(begin), withLater.left(begin));
        QVERIFY(replaced.endsWith(withLater.mid(end)));
        QVERIFY(replaced.contains("PKCS11Provider " + other.toUtf8() + '\n'));
        QVERIFY(!replaced.contains("PKCS11Provider " + facts().modulePath.toUtf8() + '\n'));
        QCOMPARE(provider(QStringLiteral("example.org")), other.toUtf8());
    }

    void brokenMarkersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::newRow("begin only") << (MarkedBlock::beginMarker() + "PKCS11Provider /x.so\n");
        QTest::newRow("end only") << ("Host a\n" + MarkedBlock::endMarker());
        QTest::newRow("two blocks") << (MarkedBlock::beginMarker() + MarkedBlock::endMarker() + MarkedBlock::beginMarker()
                                        + MarkedBlock::endMarker());
    }
    void brokenMarkersAreRefused()
    {
        QFETCH(QByteArray, file);
        Home home;
        const QString config = QDir(home.paths.home).filePath(QStringLiteral(".ssh/config"));
        writeFile(config, file, 0600);
        const SetupPlan plan = SetupPlan::of(SetupTargets::generate(SetupTarget::Ssh, facts(), home.paths));
        QVERIFY2(plan.error.contains(QLatin1String("TokenDesk")), qPrintable(plan.error));
        QVERIFY(plan.files.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSetupWrite)
#include "test_setupwrite.moc"
