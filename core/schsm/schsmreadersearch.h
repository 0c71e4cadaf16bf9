// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QObject>
#include <QStringList>

#include <memory>

class TokenExecutor;

// Finds the readers whose card has a SmartCard-HSM application
// (SchsmDevice::findReaders) on a worker of its own: PC/SC calls never run on
// the GUI thread. Each reader is visited inside a PC/SC transaction, so the
// search may overlap a job on that reader's SchsmJobs worker. Failures:
// SchsmError (no PC/SC service, for instance).
class SchsmReaderSearch : public QObject {
    Q_OBJECT
public:
    explicit SchsmReaderSearch(QObject *parent = nullptr);
    ~SchsmReaderSearch() override;

    QFuture<QStringList> findReaders();

private:
    std::unique_ptr<TokenExecutor> m_worker;
};
