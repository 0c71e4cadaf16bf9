// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the recording module (recordp11.cpp) saw, shared with the test that
// loads it: the test dlopen()s the same file and asks recp11_recorder() for the
// one instance. Header-only so both sides use the same code on the same object.

#include <p11-kit/pkcs11.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

class Recorder {
public:
    // ---- the test's side
    // Calls to `function` wait (inside the module) until release().
    void hold(const std::string &function)
    {
        std::lock_guard l(m_mutex);
        m_held = function;
    }
    void release()
    {
        std::lock_guard l(m_mutex);
        m_held.clear();
        m_changed.notify_all();
    }
    int waiting() const
    {
        std::lock_guard l(m_mutex);
        return m_waiting;
    }
    // A hidden slot looks like a reader whose card was pulled out.
    void hideSlot(CK_SLOT_ID slot, bool hidden)
    {
        std::lock_guard l(m_mutex);
        if (hidden)
            m_hidden.insert(slot);
        else
            m_hidden.erase(slot);
    }
    // Sessions opened and not closed (C_Finalize closes them all).
    int openSessions() const
    {
        std::lock_guard l(m_mutex);
        return int(m_sessions.size());
    }
    // Calls that ran while another thread was inside C_Finalize or C_Initialize.
    int overlaps() const
    {
        std::lock_guard l(m_mutex);
        return m_overlaps;
    }
    // The threads C_Finalize ran on, in order.
    std::vector<std::thread::id> finalizeThreads() const
    {
        std::lock_guard l(m_mutex);
        return m_finalizeThreads;
    }
    // Calls of `function` that reached the module (C_GetMechanismList…).
    int calls(const std::string &function) const
    {
        std::lock_guard l(m_mutex);
        const auto it = m_calls.find(function);
        return it == m_calls.end() ? 0 : it->second;
    }
    void resetCounters()
    {
        std::lock_guard l(m_mutex);
        m_overlaps = 0;
        m_hidden.clear();
    }

    // ---- the module's side
    // lifecycle: C_Initialize or C_Finalize, which must run with nobody else inside.
    void enter(const char *function, bool lifecycle)
    {
        std::unique_lock l(m_mutex);
        ++m_calls[function];
        if (lifecycle) {
            if (m_inside > 0)
                ++m_overlaps;
            ++m_lifecycleInside;
        } else {
            if (m_lifecycleInside > 0)
                ++m_overlaps;
            ++m_inside;
        }
        if (m_held == function) {
            ++m_waiting;
            m_changed.wait(l, [&] { return m_held != function; });
            --m_waiting;
        }
    }
    void leave(bool lifecycle)
    {
        std::lock_guard l(m_mutex);
        --(lifecycle ? m_lifecycleInside : m_inside);
    }
    bool hidden(CK_SLOT_ID slot) const
    {
        std::lock_guard l(m_mutex);
        return m_hidden.count(slot) != 0;
    }
    bool sessionHidden(CK_SESSION_HANDLE s) const
    {
        std::lock_guard l(m_mutex);
        const auto it = m_sessions.find(s);
        return it != m_sessions.end() && m_hidden.count(it->second) != 0;
    }
    void opened(CK_SESSION_HANDLE s, CK_SLOT_ID slot)
    {
        std::lock_guard l(m_mutex);
        m_sessions[s] = slot;
    }
    void closed(CK_SESSION_HANDLE s)
    {
        std::lock_guard l(m_mutex);
        m_sessions.erase(s);
    }
    void closedAll(CK_SLOT_ID slot)
    {
        std::lock_guard l(m_mutex);
        std::erase_if(m_sessions, [slot](const auto &e) { return e.second == slot; });
    }
    void finalized()
    {
        std::lock_guard l(m_mutex);
        m_sessions.clear();
        m_finalizeThreads.push_back(std::this_thread::get_id());
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::string m_held;                             // guarded by m_mutex
    int m_waiting = 0;                              // guarded by m_mutex
    int m_inside = 0;                               // guarded by m_mutex
    int m_lifecycleInside = 0;                      // guarded by m_mutex
    int m_overlaps = 0;                             // guarded by m_mutex
    std::set<CK_SLOT_ID> m_hidden;                  // guarded by m_mutex
    std::map<CK_SESSION_HANDLE, CK_SLOT_ID> m_sessions; // guarded by m_mutex
    std::vector<std::thread::id> m_finalizeThreads; // guarded by m_mutex
    std::map<std::string, int> m_calls;             // guarded by m_mutex
};

extern "C" {
using RecorderAccess = Recorder *(*)();
}
