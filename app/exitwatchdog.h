// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

// Ends the process when shutting down takes too long. Destructors wait for the
// workers (sessions close and modules finalize only when no job runs), and a
// worker stuck in a module call never comes back: a hung reader must not keep
// TokenDesk alive after Quit or after --list has printed everything. Create it
// before the objects whose destructors may hang, arm() it when shutting down;
// if it is still armed after the grace period it flushes stdout/stderr, marks
// the running module calls as stuck (see ModuleActivity), ends the child processes of
// modules run in a separate process (ModuleHelper) and calls _exit.
class ExitWatchdog {
public:
    ExitWatchdog() = default;
    ~ExitWatchdog(); // disarms: shutdown finished in time
    ExitWatchdog(const ExitWatchdog &) = delete;
    ExitWatchdog &operator=(const ExitWatchdog &) = delete;

    void arm(std::chrono::milliseconds grace, int exitCode);

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_disarmed = false; // guarded by m_mutex
    std::thread m_thread;
};
