// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmreadersearch.h"

#include "exec/tokenexecutor.h"
#include "schsm/schsmdevice.h"

SchsmReaderSearch::SchsmReaderSearch(QObject *parent)
    : QObject(parent), m_worker(std::make_unique<TokenExecutor>(QStringLiteral("SmartCard-HSM reader search")))
{
}

SchsmReaderSearch::~SchsmReaderSearch()
{
    m_worker->waitForIdle();
}

QFuture<QStringList> SchsmReaderSearch::findReaders()
{
    return m_worker->submit<QStringList>([](QPromise<QStringList> &p) { p.addResult(SchsmDevice::findReaders()); });
}
