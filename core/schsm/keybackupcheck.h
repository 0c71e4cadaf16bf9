// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"
#include "schsm/keybackuperror.h"
#include "schsm/keybackupfile.h"

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QThreadPool;

// One opened DKEK share (DkekShareJobs::open's result), named for the report.
struct BackupCheckShare {
    QString name; // the share file's name
    std::shared_ptr<const SecureBytes> share;
};

// What "Check key backups" says about one file. Public facts only: no key material.
struct BackupCheckResult {
    enum class Status { Opens, NoMatchingShares, Fails, NotABackup, ReadFailed };
    QString path;
    Status status = Status::NotABackup;
    std::optional<KeyBackupError::Code> code; // why it failed, when it did
    QString message;          // the sentence for the user (empty when it opens)
    QByteArray fileKcv;       // the DKEK check value the blob carries (when the file parsed)
    QStringList openedBy;     // the share files whose combination (XOR) is the blob's DKEK
    QByteArray dkekKcv;       // that combination's check value
    // From the file, as soon as it parsed:
    QString label;
    QByteArray id;
    KeyBackupFile::Certificate certificate = KeyBackupFile::Certificate::None;
    QString certificateSubject;
    // From the opened key:
    QString keyDescription;   // "RSA 2048 bits", "EC P-256 (prime256v1)"
    QString algorithm;
    int bits = 0;
    QString curve;
    QString fingerprint;      // SHA-256 over the SubjectPublicKeyInfo DER
    bool opens() const { return status == Status::Opens; }
};

// The offline check of SmartCard-HSM key backups: which of the given shares make the
// DKEK a backup was made under (the device XORs all its shares; every combination of
// the given shares is tried, the whole set first), then the integrity code, then the
// key inside decrypted, decoded and matched against the certificate / CV request and
// the private key description beside it. The slow part, opening share files (the
// password KDF), is DkekShareJobs' and happens before; this is milliseconds a file.
class KeyBackupCheck {
public:
    // Combinations are tried up to this many shares; more shares: all of them and each alone.
    static constexpr int kMaxCombinedShares = 10;

    static BackupCheckResult checkFile(const QString &path, const std::vector<BackupCheckShare> &shares);
    static BackupCheckResult checkData(const QString &path, const QByteArray &file,
                                       const std::vector<BackupCheckShare> &shares);
    // On a pool (null: the global one), for many or large files off the GUI thread.
    static QFuture<std::vector<BackupCheckResult>> checkAsync(QStringList paths, std::vector<BackupCheckShare> shares,
                                                              QThreadPool *pool = nullptr);
};
