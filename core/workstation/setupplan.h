// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/setuptext.h"

#include <QByteArray>
#include <QList>
#include <QString>

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

struct SetupPlan {
    QList<FileChange> files;
    QString error; // a sentence when a file cannot be read or merged; then files is empty
    bool hasChanges() const;
    // Reads each file the text names (at most kMaxFileSize bytes).
    static SetupPlan of(const SetupText &text);
    static constexpr qint64 kMaxFileSize = 4 * 1024 * 1024;
};
