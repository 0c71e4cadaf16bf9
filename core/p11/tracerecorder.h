// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QByteArray>
#include <QMutex>
#include <QString>

#include <atomic>
#include <map>
#include <memory>

class QSaveFile;

// The support trace (issue 10): while it records, every P11CALL writes one line
// to a file the user chose — function, handles, attribute types and lengths,
// mechanism, return code, duration, thread (see TraceCall for what is left out).
// Owned by ModuleRegistry and shared with every Module it loads; thread-safe.
// The file is written through QSaveFile, made owner-only before its first byte, and it
// appears under its name only when stop() commits it (a partial file never
// replaces an earlier trace). When nothing records, a call costs one relaxed load.
class TraceRecorder {
public:
    TraceRecorder();
    ~TraceRecorder();
    TraceRecorder(const TraceRecorder &) = delete;
    TraceRecorder &operator=(const TraceRecorder &) = delete;

    // Opens the file and writes the header (versions, the modules loaded now and their
    // C_GetInfo as last read). False with a plain sentence in error when it cannot.
    bool start(const QString &path, QString *error);
    // Writes the last line and commits the file. False when it could not be written.
    bool stop(QString *error);
    bool isRecording() const noexcept { return m_active.load(std::memory_order_relaxed); }
    QString fileName() const;
    quint64 callCount() const;

    // Appends one finished line (TraceCall).
    void write(const QByteArray &line);

    // Module bookkeeping for the header: loaded, its C_GetInfo (when read), unloaded.
    void moduleLoaded(const QString &path);
    void moduleInfo(const QString &path, const CK_INFO &info);
    void moduleUnloaded(const QString &path);

    static QByteArray describeInfo(const CK_INFO &info);

private:
    void writeLocked(const QByteArray &line);

    std::atomic<bool> m_active{false};
    mutable QMutex m_mutex;
    std::unique_ptr<QSaveFile> m_file;        // guarded by m_mutex
    QString m_path;                           // guarded by m_mutex
    quint64 m_calls = 0;                      // guarded by m_mutex
    bool m_writeFailed = false;               // guarded by m_mutex
    std::map<QString, QByteArray> m_modules;  // path -> C_GetInfo text; guarded by m_mutex
};
