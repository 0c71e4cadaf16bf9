// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

// The crash record of one loaded module: which of its calls are running right
// now (dlopen, C_GetFunctionList, every P11CALL, C_Finalize, dlclose). It lives
// in a small memory-mapped file, so it costs a few memory writes per call and
// survives the process being killed while a call runs — by the module itself
// (abort, segfault) or by the user after a hang: the kernel keeps the pages of a
// shared file mapping. A clean unload deletes the file. On the next start,
// harvest() finds the files of processes that are gone and reports the modules
// that were in a call at that moment.
//
// File: <dir>/<pid>-<hash of the module path>.rec, fixed size (kFileSize), plain text
// fields padded with NULs so it can be read with `strings` when debugging.
class ModuleActivity {
public:
    // What a dead process left behind for one module.
    struct Record {
        QString modulePath;
        QStringList calls;   // the functions that were running (never empty)
        QDateTime when;      // last write to the record
        bool stuck = false;  // the calls did not return and TokenDesk was closed or gave up
    };

    // Starts recording for modulePath. Null when the file cannot be created (the
    // module still loads; it just has no crash record).
    static std::unique_ptr<ModuleActivity> create(const QString &dir, const QString &modulePath);
    ~ModuleActivity(); // deletes the file: the module was unloaded cleanly
    ModuleActivity(const ModuleActivity &) = delete;
    ModuleActivity &operator=(const ModuleActivity &) = delete;

    // A call starts / ends. Thread-safe, lock-free; returns the entry to pass to leave().
    int enter(const char *function) noexcept;
    void leave(int entry) noexcept;

    // Forced exit while calls still run (Quit with a hung worker): flag every open
    // record as stuck, so the next start says "did not answer" rather than "crashed".
    static void markAllStuck() noexcept;
    // --list gave up on a module and reported it already: no record for the next run.
    static void discardAll() noexcept;
    // The calls running now in the module loaded from modulePath (canonical), for "it was in C_FindObjects".
    static QStringList runningCalls(const QString &modulePath);

    // Records left by processes that no longer run, with calls in flight; every file of
    // a dead process is removed (those without calls in flight are the normal case
    // of a crash elsewhere, or a kill while idle).
    static QList<Record> harvest(const QString &dir);

    static constexpr int kEntries = 16;
    static constexpr int kNameSize = 48;
    static constexpr int kPathSize = 1024;
    static constexpr int kFileSize = 4096;

private:
    ModuleActivity(QString file, char *map);
    char *entryAt(int i) const;

    QString m_file;
    char *m_map = nullptr;
    std::atomic<unsigned> m_used{0}; // bit i: entry i holds a running call
};

// One P11CALL: the record says the function runs until the end of the full
// expression that made the call. Cheap enough for every call.
class ModuleCall {
public:
    ModuleCall(ModuleActivity *activity, const char *function) noexcept
        : m_activity(activity), m_entry(activity ? activity->enter(function) : -1)
    {
    }
    ~ModuleCall()
    {
        if (m_activity)
            m_activity->leave(m_entry);
    }
    ModuleCall(const ModuleCall &) = delete;
    ModuleCall &operator=(const ModuleCall &) = delete;

private:
    ModuleActivity *m_activity;
    int m_entry;
};
