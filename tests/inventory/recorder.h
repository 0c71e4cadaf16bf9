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
#include <utility>
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
    // A hidden slot looks like a reader whose card was pulled out. Showing or hiding one is a
    // slot event for C_WaitForSlotEvent.
    void hideSlot(CK_SLOT_ID slot, bool hidden)
    {
        std::lock_guard l(m_mutex);
        const bool changed = hidden ? m_hidden.insert(slot).second : m_hidden.erase(slot) != 0;
        if (changed) {
            m_events.insert(slot);
            m_changed.notify_all();
        }
    }
    // C_WaitForSlotEvent: CKR_FUNCTION_NOT_SUPPORTED (as SoftHSM answers) unless turned on; then
    // it blocks until a slot event or C_Finalize, as OpenSC's does.
    void setSlotEvents(bool on)
    {
        std::lock_guard l(m_mutex);
        m_slotEvents = on;
    }
    // Threads blocked in C_WaitForSlotEvent now; C_WaitForSlotEvent calls so far.
    int slotEventWaiters() const
    {
        std::lock_guard l(m_mutex);
        return m_eventWaiters;
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
    // Calls of `function` for one slot: by slot (C_GetMechanismList), or by a session opened on it
    // (C_FindObjectsInit).
    int callsOnSlot(const std::string &function, CK_SLOT_ID slot) const
    {
        std::lock_guard l(m_mutex);
        const auto it = m_slotCalls.find({function, slot});
        return it == m_slotCalls.end() ? 0 : it->second;
    }
    void resetCounters()
    {
        std::lock_guard l(m_mutex);
        m_overlaps = 0;
        m_hidden.clear();
        m_events.clear();
        m_slotEvents = false;
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
    void onSlot(const char *function, CK_SLOT_ID slot)
    {
        std::lock_guard l(m_mutex);
        ++m_slotCalls[{function, slot}];
    }
    void onSession(const char *function, CK_SESSION_HANDLE s)
    {
        std::lock_guard l(m_mutex);
        if (const auto it = m_sessions.find(s); it != m_sessions.end())
            ++m_slotCalls[{function, it->second}];
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
        ++m_finalizations; // wakes C_WaitForSlotEvent
        m_events.clear();
        m_changed.notify_all();
    }
    CK_RV waitForSlotEvent(bool dontBlock, CK_SLOT_ID *slot)
    {
        std::unique_lock l(m_mutex);
        ++m_calls["C_WaitForSlotEvent"];
        if (!m_slotEvents)
            return CKR_FUNCTION_NOT_SUPPORTED;
        if (m_events.empty() && dontBlock)
            return CKR_NO_EVENT;
        const int finalizations = m_finalizations;
        ++m_eventWaiters;
        m_changed.wait(l, [&] { return !m_events.empty() || m_finalizations != finalizations; });
        --m_eventWaiters;
        if (m_finalizations != finalizations)
            return CKR_CRYPTOKI_NOT_INITIALIZED;
        *slot = *m_events.begin();
        m_events.erase(m_events.begin());
        return CKR_OK;
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
    std::set<CK_SLOT_ID> m_events;                  // guarded by m_mutex: slots changed, not yet reported
    bool m_slotEvents = false;                      // guarded by m_mutex
    int m_eventWaiters = 0;                         // guarded by m_mutex
    int m_finalizations = 0;                        // guarded by m_mutex
    std::map<CK_SESSION_HANDLE, CK_SLOT_ID> m_sessions; // guarded by m_mutex
    std::vector<std::thread::id> m_finalizeThreads; // guarded by m_mutex
    std::map<std::string, int> m_calls;             // guarded by m_mutex
    std::map<std::pair<std::string, CK_SLOT_ID>, int> m_slotCalls; // guarded by m_mutex
};

extern "C" {
using RecorderAccess = Recorder *(*)();
}
