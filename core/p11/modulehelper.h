// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QCoreApplication>
#include <QString>
#include <QTemporaryDir>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include <sys/types.h>

// "Run in a separate process": the vendor module runs in a child process
// (`p11-kit remote MODULE`) and TokenDesk talks to it through p11-kit's client
// module (p11-kit-client.so) over a socket, so a crash or hang in the vendor
// module ends or stops only that child.
//
// p11-kit-client reads the child's command line from P11_KIT_SERVER_ADDRESS
// ("|command") in C_GetFunctionList, once per call, and makes a new, independent
// client instance each time: create() sets the variable only around that call,
// under a lock, so every isolated module gets its own child and nothing else ever
// sees the variable. p11-kit forks the child in C_Initialize and ends it in
// C_Finalize (socket closed; SIGTERM after 3 s). p11-kit starts a small shell that
// runs `p11-kit remote` and writes its process id and, once it ended, its exit
// status into a private directory: that is how TokenDesk tells a crash (and its
// signal) and ends a hung child.
// No PIN or other secret is on the child's command line or in its environment:
// PINs travel inside the C_Login call over the socket, as with a loaded module.
//
// Every call is timed (HelperCall): one that takes longer than its limit ends the
// child (SIGKILL), so the call returns with an error instead of blocking a worker.
class ModuleHelper {
    Q_DECLARE_TR_FUNCTIONS(ModuleHelper)
public:
    // A client instance for modulePath (canonical); *fn: the functions to call.
    // Throws TokenDeskError when p11-kit's client module or program is missing, or
    // the path cannot be passed to the child.
    static std::unique_ptr<ModuleHelper> create(const QString &modulePath, std::chrono::milliseconds callLimit,
                                                CK_FUNCTION_LIST_PTR *fn);
    ~ModuleHelper(); // ends a child that is still running (and reaps it) unless finalized()
    ModuleHelper(const ModuleHelper &) = delete;
    ModuleHelper &operator=(const ModuleHelper &) = delete;

    // A call starts / ends (HelperCall). Thread-safe.
    int enter(const char *function) noexcept;
    void leave(int entry) noexcept;
    // A call failed: if the child is gone, remember that it crashed in this call.
    void noteFailure(const char *function) noexcept;
    // Ends the child now (the caller gave up waiting for it): calls in flight return with an error.
    void stop() noexcept;
    // C_Finalize returned: p11-kit has reaped the child, its id must not be signalled again.
    void finalized() noexcept;

    bool stopped() const;
    // Why the module no longer answers, one sentence for the user; empty while it works.
    QString problem() const;
    pid_t pid() const; // 0 while not known (the child not started yet)

    // Ends every running child (forced exit: no child may stay behind).
    static void stopAll() noexcept;
    // Ends the children of one module (its canonical path); true if there was one.
    static bool stopAll(const QString &modulePath) noexcept;
    // The cost in plain words, for the "Run in a separate process" choice (bench_isolation's figures).
    static QString costText();
    // How long a call may take: slow calls by nature (login on a PIN pad, key generation) get 10×.
    static std::chrono::milliseconds limitFor(const char *function, std::chrono::milliseconds callLimit) noexcept;

private:
    ModuleHelper(QString modulePath, std::chrono::milliseconds callLimit);
    void watch();
    void endChild(std::unique_lock<std::mutex> &lock) noexcept; // m_mutex held
    bool knownPids() const noexcept;                            // m_mutex held; reads the pid file once
    bool childEnded(int *status) const noexcept;                // m_mutex held; the status file

    struct Call {
        const char *function = nullptr; // null: entry free
        std::chrono::steady_clock::time_point started;
    };
    static constexpr int kCalls = 32;

    enum class Stop { None, Crashed, Hung };
    const QString m_modulePath;
    const std::chrono::milliseconds m_callLimit;
    QTemporaryDir m_dir; // the child's pid and status files; private (0700)
    void *m_client = nullptr;  // dlopen handle of p11-kit-client.so

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    Call m_calls[kCalls];                // guarded by m_mutex
    mutable long m_shellPid = 0;         // guarded by m_mutex: the shell p11-kit started
    mutable long m_childPid = 0;         // guarded by m_mutex: `p11-kit remote`, the shell's child
    bool m_finalized = false;            // guarded by m_mutex
    bool m_quit = false;                 // guarded by m_mutex
    Stop m_stop = Stop::None;            // guarded by m_mutex
    QString m_stopCall;                  // guarded by m_mutex: the call it crashed or hung in
    qint64 m_stopSeconds = 0;            // guarded by m_mutex: how long the hung call had run
    int m_exitStatus = -1;               // guarded by m_mutex: the shell's $? for the child, -1 unknown
    std::chrono::steady_clock::time_point m_watchUntil; // guarded by m_mutex
    std::thread m_watcher;
};

// One call into an isolated module: timed while it runs. Does nothing for a loaded module.
class HelperCall {
public:
    HelperCall(ModuleHelper *helper, const char *function) noexcept
        : m_helper(helper), m_entry(helper ? helper->enter(function) : -1)
    {
    }
    ~HelperCall()
    {
        if (m_helper)
            m_helper->leave(m_entry);
    }
    HelperCall(const HelperCall &) = delete;
    HelperCall &operator=(const HelperCall &) = delete;

private:
    ModuleHelper *m_helper;
    int m_entry;
};
