// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/setuptext.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// What writing a SetupText would do to each file: its contents now (if it
// exists) and afterwards (a marked block merged into what is there).
struct FileChange {
    QString path;
    bool existed = false;
    QByteArray before;
    QByteArray after;
    bool markedBlock = false;
    bool changes() const { return !existed || before != after; }
};

// An NSS registration and what the database has under that name now.
struct NssChange {
    NssRegistration registration;
    std::optional<QString> current; // the library registered under the name now
    bool changes() const { return current != registration.library; }
};

struct SetupPlan {
    QList<FileChange> files;
    QList<NssChange> nss;
    QString error; // a sentence when a file cannot be read or merged; then files is empty
    bool hasChanges() const;
    // Reads each file the text names (at most kMaxFileSize bytes) and each NSS database's module list.
    static SetupPlan of(const SetupText &text);
    static constexpr qint64 kMaxFileSize = 4 * 1024 * 1024;
};
