// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

#include "p11/pkcs11.h"

class Module;
class TokenExecutor;

// Watches one module's slots from its executor and emits changed() when a
// token is inserted or removed, or a slot (reader) comes or goes.
//
// It polls: C_GetSlotList with a NULL list (the size pass) and then the list,
// once per interval. C_WaitForSlotEvent is not used in blocking mode because a
// blocked call cannot be interrupted except by C_Finalize, and many modules
// (SoftHSM) do not implement it; a non-blocking poll is equivalent here.
//
// The monitor lives on the GUI thread and holds the module only weakly: its
// owner decides when the module goes, and the last reference (C_Finalize,
// dlclose) must not be dropped here when the monitor is destroyed.
class SlotMonitor : public QObject {
    Q_OBJECT
public:
    SlotMonitor(std::weak_ptr<Module> module, TokenExecutor *executor, QObject *parent = nullptr);
    // The state the monitor compares against: slot ids, each with token-present.
    struct SlotState {
        CK_SLOT_ID id;
        bool present;
        bool operator==(const SlotState &) const = default;
    };
    void start(int intervalMs, std::vector<SlotState> baseline);
    void stop() { m_timer.stop(); }
    static std::vector<SlotState> readState(Module &module);

Q_SIGNALS:
    void changed();

private:
    void poll();
    std::weak_ptr<Module> m_module;
    TokenExecutor *m_executor;
    QTimer m_timer;
    bool m_pending = false;
    bool m_haveState = false;
    std::vector<SlotState> m_state;
};
