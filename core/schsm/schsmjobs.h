// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/schsmdevice.h"

#include <QFuture>
#include <QObject>
#include <QString>

#include <map>
#include <memory>

class TokenExecutor;

// One worker per reader: the SmartCard-HSM operations of SchsmDevice run on
// it one at a time, in order, and return futures (failures: SchsmError).
// Progress of an import is share i of n; cancelling stops before the next
// share (a share being sent cannot be interrupted).
class SchsmJobs : public QObject {
    Q_OBJECT
public:
    explicit SchsmJobs(QObject *parent = nullptr);
    ~SchsmJobs() override;

    QFuture<SchsmStatus> readStatus(const QString &reader);
    QFuture<SchsmObjects> readObjects(const QString &reader);
    QFuture<SchsmStatus> checkSoPin(const QString &reader, InitializeDeviceParams params);
    QFuture<InitializeDeviceResult> initialize(const QString &reader, InitializeDeviceParams params);
    QFuture<DkekImportResult> importShares(const QString &reader, std::vector<DkekShareInput> shares);
    // The key with this CKA_ID in sc-hsm-tool --wrap-key's format (SchsmDevice::backUpKey);
    // the PIN is wiped on the worker as soon as the device has seen it.
    QFuture<SchsmKeyBackup> backUpKey(const QString &reader, const QByteArray &ckaId, SecureBytes userPin);
    QFuture<SchsmRestoreView> readForRestore(const QString &reader);
    // Backup files into the device (SchsmDevice::restoreKeys); progress is file i of n. The PIN
    // is wiped on the worker as soon as the job ends.
    QFuture<std::vector<SchsmRestoredKey>> restoreKeys(const QString &reader, SchsmTokenIdentity token,
                                                       std::vector<SchsmRestoreRequest> requests, SecureBytes userPin);

    TokenExecutor &worker(const QString &reader);

private:
    std::map<QString, std::unique_ptr<TokenExecutor>> m_workers; // GUI thread only
};
