// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/kdfmonitor.h"

#include <QPromise>

// Progress and cancel of a key derivation through a QPromise: progress goes to
// 0..maximum (set the promise's range to match), cancellation comes from the
// promise's future. Called every kKdfReportStride iterations, not per hash.
template <typename T>
class PromiseKdfMonitor : public KdfMonitor {
public:
    PromiseKdfMonitor(QPromise<T> &promise, int maximum) : m_promise(promise), m_maximum(maximum) {}
    bool proceed(quint64 done, quint64 total) override
    {
        m_promise.setProgressValue(int(done * quint64(m_maximum) / qMax<quint64>(total, 1)));
        return !m_promise.isCanceled();
    }

private:
    QPromise<T> &m_promise;
    int m_maximum;
};
