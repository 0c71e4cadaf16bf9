// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/setupjournal.h"
#include "workstation/setupplan.h"

#include <QDateTime>
#include <QList>
#include <QString>

// --write and --setup-undo. Each changed file is written atomically; a file
// that existed and differs is first copied to <file>.tokendesk-backup-
// YYYYMMDD-HHMMSS next to it; a file that already holds the new contents is
// not touched. New files and folders are owner-only (configuration can name
// key labels and modules; ssh refuses a config others can write); a replaced
// file keeps its permissions. The write is journaled; undo() puts back the
// newest journaled write byte for byte and removes the files it created.
struct WrittenFile {
    enum class Result { Created, Replaced, Unchanged };
    QString path;
    Result result = Result::Unchanged;
    QString backup;
};

struct WriteResult {
    QList<WrittenFile> files;
    QList<NssChange> nss; // each with current as it was before
    QString error; // a sentence; the files written before the failure were put back
};

struct UndoResult {
    QStringList restored; // files put back as they were
    QStringList removed;  // files that did not exist before the write
    QList<JournalNss> nss; // registrations taken back
    QString target;
    QDateTime time;       // of the write undone
    bool nothingToUndo = false;
    QString error;        // a sentence; nothing was changed
};

namespace SetupWriter {
WriteResult write(const SetupPlan &plan, const QString &target, SetupJournal &journal, const QDateTime &now);
UndoResult undo(SetupJournal &journal);
QString backupPath(const QString &path, const QDateTime &now); // the first free dated name
} // namespace SetupWriter
