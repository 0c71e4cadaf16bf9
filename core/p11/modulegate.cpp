// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/modulegate.h"

void ModuleGate::enter()
{
    QMutexLocker lock(&m_mutex);
    ++m_waiting;
    while (m_closed)
        m_changed.wait(&m_mutex);
    --m_waiting;
    ++m_inside;
}

void ModuleGate::leave()
{
    QMutexLocker lock(&m_mutex);
    if (--m_inside == 0)
        m_changed.wakeAll();
}

void ModuleGate::close()
{
    QMutexLocker lock(&m_mutex);
    // Closed first, so no job enters while we wait for those inside to leave.
    while (m_closed)
        m_changed.wait(&m_mutex);
    m_closed = true;
    while (m_inside > 0)
        m_changed.wait(&m_mutex);
}

void ModuleGate::open()
{
    QMutexLocker lock(&m_mutex);
    m_closed = false;
    m_changed.wakeAll();
}

int ModuleGate::waiting() const
{
    QMutexLocker lock(&m_mutex);
    return m_waiting;
}
