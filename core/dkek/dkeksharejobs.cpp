// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/dkeksharejobs.h"

#include "dkek/dkekerror.h"
#include "dkek/dkeklog.h"
#include "dkek/dkeksharefile.h"
#include "dkek/keycheckvalue.h"
#include "dkek/opensslrandomsource.h"
#include "dkek/promisekdfmonitor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace {

// Spreads several derivations (one per password candidate) over one progress range.
class SlotMonitor : public KdfMonitor {
public:
    SlotMonitor(KdfMonitor *inner, int slot, int slots) : m_inner(inner), m_slot(slot), m_slots(slots) {}
    bool proceed(quint64 done, quint64 total) override
    {
        if (!m_inner)
            return true;
        return m_inner->proceed(quint64(m_slot) * total + done, quint64(m_slots) * total);
    }

private:
    KdfMonitor *m_inner;
    int m_slot, m_slots;
};

bool stopRequested(KdfMonitor *monitor, quint64 done, quint64 total)
{
    return monitor && !monitor->proceed(done, total);
}

} // namespace

std::optional<CreateShareResult> DkekShareJobs::create(const CreateShareRequest &request, KdfMonitor *monitor)
{
    // Fail on an unusable destination before the long derivation, not after it.
    if (request.existing == ShareFileWriter::Existing::Keep && QFileInfo::exists(request.path))
        throw DkekError::fileExists(request.path);

    OpenSslRandomSource openssl;
    RandomSource &rng = request.rng ? *request.rng : openssl;
    SecureBytes share(DkekShareFile::kShareSize);
    rng.fill(share.data(), share.size());
    LegacySalt salt;
    rng.fill(salt.data(), salt.size());

    const auto file = DkekShareFile::seal(share, request.password, salt, request.iterations, monitor);
    if (!file)
        return std::nullopt;
    CreateShareResult result{request.path, *file, dkekKeyCheckValue(share)};
    share.wipe();

    if (stopRequested(monitor, 1, 1))
        return std::nullopt;
    ShareFileWriter::write(request.path, result.file, request.existing);
    // Read back what landed on disk before telling anyone it is there.
    if (DkekShareFile::read(request.path) != result.file) {
        QFile::remove(request.path);
        throw DkekError::writeFailed(request.path,
                                     QCoreApplication::translate("DkekError", "the file read back differs"));
    }
    if (stopRequested(monitor, 1, 1)) {
        // Cancelled while the file was being written: the user asked for no file.
        QFile::remove(request.path);
        return std::nullopt;
    }
    qCInfo(lcDkek) << "created DKEK share" << QDir::toNativeSeparators(request.path) << "KCV"
                   << formatKeyCheckValue(result.kcv);
    return result;
}

std::optional<OpenShareResult> DkekShareJobs::open(const OpenShareRequest &request, KdfMonitor *monitor)
{
    if (request.passwords.empty())
        throw DkekError::invalidParameters(QCoreApplication::translate("DkekError", "No password was given."));
    const QByteArray file = DkekShareFile::read(request.path);

    const int slots = int(request.passwords.size());
    for (int i = 0; i < slots; ++i) {
        SlotMonitor slot(monitor, i, slots);
        try {
            auto share = DkekShareFile::open(file, request.passwords[std::size_t(i)], request.iterations,
                                             monitor ? &slot : nullptr);
            if (!share)
                return std::nullopt;
            OpenShareResult result{request.path, file, dkekKeyCheckValue(*share),
                                   std::make_shared<const SecureBytes>(std::move(*share))};
            qCInfo(lcDkek) << "opened DKEK share" << QDir::toNativeSeparators(request.path) << "KCV"
                           << formatKeyCheckValue(result.kcv);
            return result;
        } catch (const DkekError &e) {
            if (e.code() != DkekError::Code::WrongPasswordOrNotShare)
                throw;
            if (i + 1 < slots)
                continue; // try the next form of the password
            if (request.fromCustodianShares)
                throw DkekError::custodianSharesDoNotOpen();
            throw;
        }
    }
    return std::nullopt; // not reached
}

QFuture<CreateShareResult> DkekShareJobs::createAsync(CreateShareRequest request, QThreadPool *pool)
{
    auto shared = std::make_shared<CreateShareRequest>(std::move(request));
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(),
                             [shared](QPromise<CreateShareResult> &promise) {
                                 promise.setProgressRange(0, kProgressMaximum);
                                 try {
                                     PromiseKdfMonitor<CreateShareResult> monitor(promise, kProgressMaximum);
                                     auto result = create(*shared, &monitor);
                                     shared->password.wipe();
                                     if (result)
                                         promise.addResult(std::move(*result));
                                 } catch (...) {
                                     shared->password.wipe();
                                     promise.setException(std::current_exception());
                                 }
                             });
}

QFuture<OpenShareResult> DkekShareJobs::openAsync(OpenShareRequest request, QThreadPool *pool)
{
    auto shared = std::make_shared<OpenShareRequest>(std::move(request));
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(),
                             [shared](QPromise<OpenShareResult> &promise) {
                                 promise.setProgressRange(0, kProgressMaximum);
                                 try {
                                     PromiseKdfMonitor<OpenShareResult> monitor(promise, kProgressMaximum);
                                     auto result = open(*shared, &monitor);
                                     shared->passwords.clear();
                                     if (result)
                                         promise.addResult(std::move(*result));
                                 } catch (...) {
                                     shared->passwords.clear();
                                     promise.setException(std::current_exception());
                                 }
                             });
}
