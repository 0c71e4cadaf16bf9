// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/slotmonitor.h"

#include "exec/tokenexecutor.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"

SlotMonitor::SlotMonitor(std::weak_ptr<Module> module, TokenExecutor *executor, QObject *parent)
    : QObject(parent), m_module(std::move(module)), m_executor(executor)
{
    connect(&m_timer, &QTimer::timeout, this, &SlotMonitor::poll);
}

void SlotMonitor::start(int intervalMs, std::vector<SlotState> baseline)
{
    // The baseline is what the last scan saw: a change between that scan and the
    // first poll must still count as a change.
    m_state = std::move(baseline);
    m_haveState = true;
    m_timer.start(intervalMs);
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
    auto module = m_module;
    m_executor->submit<std::vector<SlotState>>([module](QPromise<std::vector<SlotState>> &p) {
        // On the worker: if this is the last reference, the module is finalized here.
        if (const std::shared_ptr<Module> m = module.lock())
            p.addResult(readState(*m));
        else
            p.future().cancel(); // unloaded meanwhile: nothing to compare
    })
        .then(this,
              [this](const std::vector<SlotState> &s) {
                  m_pending = false;
                  const bool differs = m_haveState && s != m_state;
                  m_state = s;
                  m_haveState = true;
                  if (differs)
                      Q_EMIT changed();
              })
        .onCanceled(this, [this] { m_pending = false; })
        .onFailed(this, [this] { m_pending = false; });
}
