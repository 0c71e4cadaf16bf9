// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/kdfmonitor.h"
#include "dkek/legacykdf.h"
#include "dkek/randomsource.h"
#include "dkek/sharefilewriter.h"
#include "p11/securebytes.h"

#include <QByteArray>
#include <QFuture>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QThreadPool;

struct CreateShareRequest {
    QString path;
    ShareFileWriter::Existing existing = ShareFileWriter::Existing::Keep;
    SecureBytes password;
    quint32 iterations = kDkekShareIterations;
    std::shared_ptr<RandomSource> rng; // null: OpenSslRandomSource
};

struct CreateShareResult {
    QString path;
    QByteArray file; // the 64 bytes written (ciphertext), for the paper backup
    QByteArray kcv;  // SHA-256(share)[:8]
};

struct OpenShareRequest {
    QString path;
    // Tried in order until one opens the file (a reconstructed custodian password
    // may have two forms, see PasswordSharing::passwordCandidates()).
    std::vector<SecureBytes> passwords;
    bool fromCustodianShares = false; // only changes the wording of a wrong-password error
    quint32 iterations = kDkekShareIterations;
};

struct OpenShareResult {
    QString path;
    QByteArray file;
    QByteArray kcv;
    // The decrypted share, shared so the GUI can XOR several into a DKEK;
    // wiped when the last owner lets go.
    std::shared_ptr<const SecureBytes> share;
};

// Creating and opening DKEK share files. The synchronous forms run on the
// calling thread (tests, benchmarks) and return nullopt when the monitor
// cancels; the asynchronous forms run them on a pool with progress 0-1000 and
// cancellation through the returned QFuture. Failures are DkekError.
class DkekShareJobs {
public:
    static constexpr int kProgressMaximum = 1000;

    static std::optional<CreateShareResult> create(const CreateShareRequest &request, KdfMonitor *monitor = nullptr);
    static std::optional<OpenShareResult> open(const OpenShareRequest &request, KdfMonitor *monitor = nullptr);

    // pool: null for QThreadPool::globalInstance(). On cancel, no file is left behind.
    static QFuture<CreateShareResult> createAsync(CreateShareRequest request, QThreadPool *pool = nullptr);
    static QFuture<OpenShareResult> openAsync(OpenShareRequest request, QThreadPool *pool = nullptr);
};
