// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QWaitCondition>

// Admission of token jobs to one module. Any number of jobs may be inside at
// once (the module does its own locking), but C_Finalize + C_Initialize must
// run alone: close() waits for the jobs inside and admits none until open().
// A job that arrives while the gate is closed waits in enter(); it never runs
// against a module that is being finalized, nor with a session from before.
class ModuleGate {
public:
    ModuleGate() = default;
    ModuleGate(const ModuleGate &) = delete;
    ModuleGate &operator=(const ModuleGate &) = delete;

    void enter();
    void leave();
    // Not re-entrant: the thread that closes must not be inside.
    void close();
    void open();
    // Jobs blocked in enter() now (for tests and diagnostics).
    int waiting() const;

    // One job's stay inside the gate.
    class Pass {
    public:
        explicit Pass(ModuleGate &gate) : m_gate(gate) { m_gate.enter(); }
        ~Pass() { m_gate.leave(); }
        Pass(const Pass &) = delete;
        Pass &operator=(const Pass &) = delete;

    private:
        ModuleGate &m_gate;
    };

private:
    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    int m_inside = 0;      // guarded by m_mutex
    int m_waiting = 0;     // guarded by m_mutex
    bool m_closed = false; // guarded by m_mutex
};
