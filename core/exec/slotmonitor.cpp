// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/slotmonitor.h"

#include "exec/tokenexecutor.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"

#include <utility>

namespace {
// Not a module's answer: what the poll job posts when the module's waiting thread has started.
constexpr CK_RV kWaiting = CKR_VENDOR_DEFINED | 0x544457; // "TDW"
} // namespace

SlotMonitor::SlotMonitor(std::weak_ptr<Module> module, TokenExecutor *executor, OnChange onChange, QObject *parent)
    : QObject(parent), m_module(std::move(module)), m_executor(executor), m_onChange(std::move(onChange))
{
    connect(&m_timer, &QTimer::timeout, this, &SlotMonitor::poll);
    QMutexLocker lock(&m_wake->mutex);
    m_wake->target = this;
}

SlotMonitor::~SlotMonitor()
{
    QMutexLocker lock(&m_wake->mutex); // nothing is posted to this object from now on
    m_wake->target = nullptr;
}

void SlotMonitor::slotEvent(CK_RV rv)
{
    if (rv == CKR_OK) {
        // An event: read the slots now, or once more after a poll that may have read them before it.
        if (m_pending)
            m_again = true;
        else
            poll();
        return;
    }
    if (rv == kWaiting) {
        QMutexLocker lock(&m_wake->mutex);
        if (!m_wake->failed) { // unless the wait already ended (its news may overtake this)
            m_events = true;
            m_timer.stop();
        }
        return;
    }
    // The module cannot wait (SoftHSM: CKR_FUNCTION_NOT_SUPPORTED) or stopped: poll.
    m_events = false;
    if (m_intervalMs > 0 && !m_timer.isActive())
        m_timer.start(m_intervalMs);
}

void SlotMonitor::start(int intervalMs, std::vector<SlotState> baseline)
{
    {
        QMutexLocker lock(&m_state->mutex);
        m_state->slots = std::move(baseline);
        m_state->have = true;
    }
    m_intervalMs = intervalMs;
    if (!m_events)
        m_timer.start(intervalMs); // the first poll also offers the module to wait for events
}

std::vector<SlotMonitor::SlotState> SlotMonitor::readState(Module &m)
{
    const std::vector<CK_SLOT_ID> all = slotList(m, false);
    std::vector<SlotState> state;
    for (CK_SLOT_ID id : all) {
        CK_SLOT_INFO si{};
        if (P11CALL(m, C_GetSlotInfo, id, &si) == CKR_OK)
            state.push_back({id, (si.flags & CKF_TOKEN_PRESENT) != 0});
    }
    return state;
}

void SlotMonitor::poll()
{
    if (m_pending)
        return; // the previous poll is still waiting for the module
    m_pending = true;
    // The job holds copies, not `this`: the monitor may be destroyed while the job waits.
    m_executor
        ->submit<void>([module = m_module, state = m_state, onChange = m_onChange, wake = m_wake](QPromise<void> &) {
            // On the worker: if this is the last reference, the module is finalized here.
            const std::shared_ptr<Module> m = module.lock();
            if (!m)
                return; // unloaded meanwhile: nothing to compare
            if (!state->eventsTried) {
                state->eventsTried = true;
                const auto post = [wake](CK_RV rv) { // on the module's waiting thread, or here
                    QMutexLocker lock(&wake->mutex);
                    if (rv != CKR_OK && rv != kWaiting)
                        wake->failed = true;
                    if (SlotMonitor *t = wake->target)
                        QMetaObject::invokeMethod(t, [t, rv] { t->slotEvent(rv); }, Qt::QueuedConnection);
                };
                if (m->watchSlotEvents(post))
                    post(kWaiting);
            }
            std::vector<SlotState> now = readState(*m);
            bool differs = false;
            {
                QMutexLocker lock(&state->mutex);
                differs = state->have && now != state->slots;
                state->slots = std::move(now);
                state->have = true;
            }
            if (differs)
                onChange(m);
        })
        .then(this, [this] { pollEnded(); })
        .onCanceled(this, [this] { pollEnded(); })
        .onFailed(this, [this] { pollEnded(); });
}

void SlotMonitor::pollEnded()
{
    m_pending = false;
    if (std::exchange(m_again, false))
        poll();
}
