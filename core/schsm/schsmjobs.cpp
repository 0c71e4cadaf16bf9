// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmjobs.h"

#include "exec/tokenexecutor.h"

SchsmJobs::SchsmJobs(QObject *parent) : QObject(parent) {}

SchsmJobs::~SchsmJobs()
{
    for (auto &[reader, worker] : m_workers)
        worker->waitForIdle();
}

TokenExecutor &SchsmJobs::worker(const QString &reader)
{
    auto &slot = m_workers[reader];
    if (!slot)
        slot = std::make_unique<TokenExecutor>(QStringLiteral("SmartCard-HSM ") + reader);
    return *slot;
}

QFuture<SchsmStatus> SchsmJobs::readStatus(const QString &reader)
{
    return worker(reader).submit<SchsmStatus>(
        [reader](QPromise<SchsmStatus> &p) { p.addResult(SchsmDevice::readStatus(reader)); });
}

QFuture<SchsmObjects> SchsmJobs::readObjects(const QString &reader)
{
    return worker(reader).submit<SchsmObjects>(
        [reader](QPromise<SchsmObjects> &p) { p.addResult(SchsmDevice::readObjects(reader)); });
}

QFuture<SchsmStatus> SchsmJobs::checkSoPin(const QString &reader, InitializeDeviceParams params)
{
    auto shared = std::make_shared<InitializeDeviceParams>(std::move(params));
    return worker(reader).submit<SchsmStatus>([reader, shared](QPromise<SchsmStatus> &p) {
        SchsmStatus s = SchsmDevice::checkSoPin(reader, *shared);
        *shared = InitializeDeviceParams(); // wipe the SO-PIN now
        p.addResult(std::move(s));
    });
}

QFuture<InitializeDeviceResult> SchsmJobs::initialize(const QString &reader, InitializeDeviceParams params)
{
    auto shared = std::make_shared<InitializeDeviceParams>(std::move(params));
    return worker(reader).submit<InitializeDeviceResult>([reader, shared](QPromise<InitializeDeviceResult> &p) {
        InitializeDeviceResult r = SchsmDevice::initialize(reader, *shared);
        *shared = InitializeDeviceParams(); // wipe the PINs now, not when the last copy of the job goes
        p.addResult(std::move(r));
    });
}

QFuture<DkekImportResult> SchsmJobs::importShares(const QString &reader, std::vector<DkekShareInput> shares)
{
    return worker(reader).submit<DkekImportResult>(
        [reader, shares = std::move(shares)](QPromise<DkekImportResult> &p) {
            p.setProgressRange(0, int(shares.size()));
            DkekImportResult r = SchsmDevice::importShares(reader, shares, [&p](int i, int) {
                p.setProgressValue(i);
                return !p.isCanceled();
            });
            p.setProgressValue(r.imported);
            p.addResult(std::move(r));
        });
}

namespace {
// Wipes the PIN when the job ends, also when the device refuses: not when the last copy of the job goes.
struct WipeAfter {
    SecureBytes &pin;
    ~WipeAfter() { pin.wipe(); }
};
} // namespace

QFuture<SchsmKeyBackup> SchsmJobs::backUpKey(const QString &reader, const QByteArray &ckaId, SecureBytes userPin)
{
    auto pin = std::make_shared<SecureBytes>(std::move(userPin));
    return worker(reader).submit<SchsmKeyBackup>([reader, ckaId, pin](QPromise<SchsmKeyBackup> &p) {
        const WipeAfter wipeAfter{*pin};
        p.addResult(SchsmDevice::backUpKey(reader, ckaId, *pin));
    });
}

QFuture<SchsmRestoreView> SchsmJobs::readForRestore(const QString &reader)
{
    return worker(reader).submit<SchsmRestoreView>(
        [reader](QPromise<SchsmRestoreView> &p) { p.addResult(SchsmDevice::readForRestore(reader)); });
}

QFuture<std::vector<SchsmRestoredKey>> SchsmJobs::restoreKeys(const QString &reader, SchsmTokenIdentity token,
                                                              std::vector<SchsmRestoreRequest> requests,
                                                              SecureBytes userPin)
{
    auto pin = std::make_shared<SecureBytes>(std::move(userPin));
    using Result = std::vector<SchsmRestoredKey>;
    return worker(reader).submit<Result>([reader, token, requests = std::move(requests), pin](QPromise<Result> &p) {
        const WipeAfter wipeAfter{*pin};
        p.setProgressRange(0, int(requests.size()));
        p.addResult(SchsmDevice::restoreKeys(reader, token, requests, *pin, [&p](int i) { p.setProgressValue(i); }));
    });
}
