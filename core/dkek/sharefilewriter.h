// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// Writes a file atomically with owner-only permissions (0600): the data goes
// to a temporary file in the same directory, is flushed to disk, then takes
// the final name in one step. Readers never see a half-written file, and a
// failure leaves nothing behind. (sc-hsm-tool writes shares with the process
// umask, typically 0644: readable by every local user.)
class ShareFileWriter {
public:
    enum class Existing {
        Keep,    // fail with DkekError::FileExists if the name is taken, even if it appears meanwhile
        Replace, // the user agreed to replace the file
    };
    // Throws DkekError (FileExists, WriteFailed).
    static void write(const QString &path, const QByteArray &data, Existing existing);
};
