// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

#include "p11/pkcs11.h"

class Module;
class TokenExecutor;

// Watches one module's slots from its executor. When a token is inserted or removed, or a
// slot (reader) comes or goes, it calls its owner's onChange *on the executor, in the same
// job*: the owner reads what changed there and hands the result over in one crossing to the
// GUI thread (Inventory rescans the module and emits the snapshot).
//
// Where the module can wait for slot events (Module::watchSlotEvents: OpenSC can, SoftHSM and
// modules in a separate process cannot), a thread of the module's blocks in C_WaitForSlotEvent
// and each event starts one poll; an idle module is asked nothing. Otherwise, or when the wait
// fails, it polls once per interval. A poll is C_GetSlotList (size pass, then the list) and
// C_GetSlotInfo per slot, compared with the last state.
//
// The monitor lives on the GUI thread and holds the module only weakly: its owner decides
// when the module goes, and the last reference (C_Finalize, dlclose) must not be dropped here
// when the monitor is destroyed.
class SlotMonitor : public QObject {
    Q_OBJECT
public:
    // Runs on the executor after a poll saw a change, with the module held.
    using OnChange = std::function<void(const std::shared_ptr<Module> &)>;
    SlotMonitor(std::weak_ptr<Module> module, TokenExecutor *executor, OnChange onChange, QObject *parent = nullptr);
    ~SlotMonitor() override;
    // The state the monitor compares against: slot ids, each with token-present.
    struct SlotState {
        CK_SLOT_ID id;
        bool present;
        bool operator==(const SlotState &) const = default;
    };
    // Polls every intervalMs, comparing with baseline (what the owner's last scan saw: a
    // change between that scan and the first poll still counts). Again while running: a new
    // baseline, after a scan of the owner's own.
    void start(int intervalMs, std::vector<SlotState> baseline);
    void stop() { m_timer.stop(); }
    static std::vector<SlotState> readState(Module &module);
    // True while the module's own wait for slot events drives the monitor (no polling).
    bool waitsForEvents() const { return m_events; }

private:
    void poll();
    void pollEnded();
    void slotEvent(CK_RV rv);
    // The path from the module's waiting thread to this object (which may be gone by then).
    struct Wake {
        QMutex mutex;
        SlotMonitor *target = nullptr; // guarded by mutex
        bool failed = false;           // guarded by mutex: the wait ended for good
    };
    // Shared with the poll jobs, which may outlive the monitor.
    struct State {
        QMutex mutex;
        bool have = false;            // guarded by mutex
        std::vector<SlotState> slots; // guarded by mutex
        bool eventsTried = false;     // the poll jobs only (one executor)
    };
    std::weak_ptr<Module> m_module;
    TokenExecutor *m_executor;
    OnChange m_onChange;
    std::shared_ptr<State> m_state = std::make_shared<State>();
    std::shared_ptr<Wake> m_wake = std::make_shared<Wake>();
    bool m_pending = false; // GUI thread only
    bool m_again = false;   // GUI thread only: poll once more when the running poll ends
    bool m_events = false;  // GUI thread only
    int m_intervalMs = 0;   // GUI thread only
    QTimer m_timer;
};
