// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/setupwriter.h"

#include "workstation/atomicfile.h"
#include "workstation/nssdb.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SetupWriter)
};

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

std::optional<QByteArray> readSmall(const QString &path)
{
    QFile f(path);
    if (!QFileInfo(path).isFile() || f.size() > SetupPlan::kMaxFileSize || !f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}

// Takes one registration back: the module out, the library that had the name before in again.
bool unregister(const JournalNss &n, QString *error)
{
    return NssDb::remove(n.dbDir, n.moduleName, error)
        && (!n.previousLibrary || NssDb::add(n.dbDir, n.moduleName, *n.previousLibrary, error));
}

bool registerModule(const NssChange &c, QString *error)
{
    const NssRegistration &r = c.registration;
    return (!c.current || NssDb::remove(r.dbDir, r.moduleName, error)) && NssDb::add(r.dbDir, r.moduleName, r.library, error);
}

// Back to how it was before this write began (after a failure part-way).
void rollBack(const QList<JournalFile> &done, const QStringList &createdDirs, const QList<JournalNss> &nss = {})
{
    QString ignored;
    for (auto it = nss.crbegin(); it != nss.crend(); ++it)
        unregister(*it, &ignored);
    for (auto it = done.crbegin(); it != done.crend(); ++it) {
        if (it->existed)
            AtomicFile::save(it->path, it->before, it->permissions, &ignored);
        else
            QFile::remove(it->path);
        if (!it->backup.isEmpty())
            QFile::remove(it->backup);
    }
    for (auto it = createdDirs.crbegin(); it != createdDirs.crend(); ++it)
        QDir().rmdir(*it);
}
} // namespace

namespace SetupWriter {

QString backupPath(const QString &path, const QDateTime &now)
{
    const QString base = path + QStringLiteral(".tokendesk-backup-") + now.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate) || QFileInfo(candidate).isSymLink(); ++n)
        candidate = base + QLatin1Char('-') + QString::number(n);
    return candidate;
}

WriteResult write(const SetupPlan &plan, const QString &target, SetupJournal &journal, const QDateTime &now)
{
    WriteResult result;
    JournalEntry entry;
    entry.time = now;
    entry.target = target;
    for (const FileChange &c : plan.files) {
        WrittenFile w{c.path, WrittenFile::Result::Unchanged, {}};
        if (c.changes()) {
            JournalFile j;
            j.path = c.path;
            j.existed = c.existed;
            j.before = c.before;
            j.afterSha256 = sha256(c.after);
            QString error;
            bool ok = AtomicFile::makeDirs(QFileInfo(c.path).path(), &entry.createdDirs, &error);
            if (ok && c.existed) {
                j.permissions = QFileInfo(c.path).permissions();
                j.backup = backupPath(c.path, now);
                ok = AtomicFile::save(j.backup, c.before, AtomicFile::kOwnerOnly, &error);
                if (!ok)
                    j.backup.clear();
            }
            if (ok)
                ok = AtomicFile::save(c.path, c.after, c.existed ? j.permissions : AtomicFile::kOwnerOnly, &error);
            if (!ok) {
                if (!j.backup.isEmpty())
                    QFile::remove(j.backup);
                rollBack(entry.files, entry.createdDirs);
                result.files.clear();
                result.error = error + QLatin1Char(' ') + Tr::tr("Nothing was changed.");
                return result;
            }
            entry.files << j;
            w.result = c.existed ? WrittenFile::Result::Replaced : WrittenFile::Result::Created;
            w.backup = j.backup;
        }
        result.files << w;
    }
    for (const NssChange &c : plan.nss) {
        if (!c.changes())
            continue;
        QString error;
        if (!registerModule(c, &error)) {
            rollBack(entry.files, entry.createdDirs, entry.nss);
            result.files.clear();
            result.nss.clear();
            result.error = Tr::tr("The module could not be registered in the NSS database %1: %2")
                               .arg(c.registration.dbDir, error)
                + QLatin1Char(' ') + Tr::tr("Nothing was changed.");
            return result;
        }
        const NssRegistration &r = c.registration;
        entry.nss << JournalNss{r.dbDir, r.moduleName, r.library, c.current};
        result.nss << c;
    }
    if (entry.files.isEmpty() && entry.nss.isEmpty())
        return result; // nothing written: nothing to undo
    QString error;
    if (!journal.append(entry, &error)) {
        rollBack(entry.files, entry.createdDirs, entry.nss);
        result.nss.clear();
        result.files.clear();
        result.error = error + QLatin1Char(' ') + Tr::tr("Without the journal there would be no Undo, so nothing "
                                                          "was changed.");
    }
    return result;
}

UndoResult undo(SetupJournal &journal)
{
    UndoResult result;
    const QList<JournalEntry> entries = journal.entries(&result.error);
    if (!result.error.isEmpty())
        return result;
    if (entries.isEmpty()) {
        result.nothingToUndo = true;
        return result;
    }
    const JournalEntry &last = entries.last();
    result.target = last.target;
    result.time = last.time;
    // First check every file, so that Undo changes all of them or none.
    for (const JournalFile &f : last.files) {
        const std::optional<QByteArray> now = readSmall(f.path);
        if (!now || sha256(*now) != f.afterSha256) {
            result.error = Tr::tr("%1 was changed after TokenDesk wrote it; Undo would lose that change, so "
                                  "nothing was undone. Compare it with the backup and restore it by hand.")
                               .arg(f.path);
            return result;
        }
    }
    for (const JournalNss &n : last.nss) {
        if (NssDb::registeredLibrary(n.dbDir, n.moduleName) != n.library) {
            result.error = Tr::tr("The module “%1” in the NSS database %2 was changed after TokenDesk registered it; "
                                  "nothing was undone.")
                               .arg(n.moduleName, n.dbDir);
            return result;
        }
    }
    for (auto it = last.nss.crbegin(); it != last.nss.crend(); ++it) {
        if (!unregister(*it, &result.error))
            return result;
        result.nss << *it;
    }
    for (auto it = last.files.crbegin(); it != last.files.crend(); ++it) {
        if (it->existed) {
            if (!AtomicFile::save(it->path, it->before, it->permissions, &result.error))
                return result;
            result.restored << it->path;
            // The backup holds the same bytes again; keep it if it does not.
            if (!it->backup.isEmpty() && readSmall(it->backup) == it->before)
                QFile::remove(it->backup);
        } else {
            if (!QFile::remove(it->path)) {
                result.error = Tr::tr("TokenDesk could not remove %1.").arg(it->path);
                return result;
            }
            result.removed << it->path;
        }
    }
    for (auto it = last.createdDirs.crbegin(); it != last.createdDirs.crend(); ++it)
        QDir().rmdir(*it); // only when empty: the user may have put files there since
    journal.dropLast(&result.error);
    return result;
}

} // namespace SetupWriter
