// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QFileDevice>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What one --write did to one file, with what Undo needs to put it back byte
// for byte: the old contents and permissions (or that there was no file), and
// a hash of what TokenDesk wrote, so Undo can see that someone changed the
// file since.
struct JournalFile {
    QString path;
    bool existed = false;
    QByteArray before;
    QFileDevice::Permissions permissions;
    QByteArray afterSha256;
    QString backup; // the dated copy of the old file, when there was one
};

// A module registered in an NSS database; Undo deletes it and registers the
// library that had the name before, if any.
struct JournalNss {
    QString dbDir;
    QString moduleName;
    QString library;
    std::optional<QString> previousLibrary;
};

struct JournalEntry {
    QDateTime time;
    QString target;          // "java", "ssh", …
    QList<JournalFile> files;
    QList<JournalNss> nss;
    QStringList createdDirs; // folders this write created, outermost first
};

// The setup journal: a JSON file (owner-only) with the writes, newest last.
// It lives in $XDG_STATE_HOME/tokendesk (~/.local/state/tokendesk). It holds
// copies of the files TokenDesk changed — configuration, never a PIN.
class SetupJournal {
public:
    explicit SetupJournal(QString path) : m_path(std::move(path)) {}
    static QString defaultPath(const QString &stateHome);
    QString path() const { return m_path; }
    QList<JournalEntry> entries(QString *error) const;
    bool append(const JournalEntry &entry, QString *error);
    bool dropLast(QString *error);

private:
    bool save(const QList<JournalEntry> &entries, QString *error);
    QString m_path;
};
