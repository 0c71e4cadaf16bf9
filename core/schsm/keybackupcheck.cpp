// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/keybackupcheck.h"

#include "dkek/keycheckvalue.h"
#include "p11/errortext.h"

#include <QCoreApplication>
#include <QFile>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(KeyBackupCheck)
};

struct Candidate {
    QStringList names;
    SecureBytes dkek;
    QByteArray kcv;
};

// Every non-empty combination of the shares, the whole set first, then fewer shares.
std::vector<Candidate> candidates(const std::vector<BackupCheckShare> &shares)
{
    std::vector<Candidate> out;
    const std::size_t n = shares.size();
    auto add = [&](const std::vector<std::size_t> &pick) {
        std::vector<const SecureBytes *> parts;
        Candidate c;
        for (const std::size_t i : pick) {
            parts.push_back(shares[i].share.get());
            c.names << shares[i].name;
        }
        c.dkek = combineDkekShares(parts);
        c.kcv = dkekKeyCheckValue(c.dkek);
        out.push_back(std::move(c));
    };
    if (n == 0)
        return out;
    if (n > std::size_t(KeyBackupCheck::kMaxCombinedShares)) {
        std::vector<std::size_t> all(n);
        for (std::size_t i = 0; i < n; ++i)
            all[i] = i;
        add(all);
        for (std::size_t i = 0; i < n; ++i)
            add({i});
        return out;
    }
    std::vector<std::vector<std::size_t>> picks;
    for (unsigned mask = (1u << n) - 1; mask; --mask) {
        std::vector<std::size_t> pick;
        for (std::size_t i = 0; i < n; ++i)
            if (mask & (1u << i))
                pick.push_back(i);
        picks.push_back(std::move(pick));
    }
    std::stable_sort(picks.begin(), picks.end(), [](const auto &a, const auto &b) { return a.size() > b.size(); });
    for (const auto &pick : picks)
        add(pick);
    return out;
}

void fail(BackupCheckResult &r, const KeyBackupError &e)
{
    r.status = e.code() == KeyBackupError::Code::NotABackup ? BackupCheckResult::Status::NotABackup
             : e.code() == KeyBackupError::Code::ReadFailed ? BackupCheckResult::Status::ReadFailed
             : e.code() == KeyBackupError::Code::DkekMismatch ? BackupCheckResult::Status::NoMatchingShares
                                                                : BackupCheckResult::Status::Fails;
    r.code = e.code();
    r.message = e.message();
}

// The public key beside the blob (certificate, CV request, PrKD size) against the opened key.
void matchStatedKey(const KeyBackupFile &file, const KeyBlobKey &key)
{
    if (file.certificateKind() == KeyBackupFile::Certificate::X509 && !file.certificateKey().sameKeyAs(key.publicKey))
        throw KeyBackupError::keyMismatch(Tr::tr("the certificate in the file"));
    if (file.certificateKind() == KeyBackupFile::Certificate::CvRequest && !file.cvPublicKey().isEmpty()) {
        const QByteArray stated = file.cvPublicKey();
        const QByteArray own = key.algorithm == QLatin1String("RSA") ? key.publicKey.rsaModulus()
                                                                     : key.publicKey.rawPublicKey();
        QByteArray trimmed = stated;
        while (trimmed.size() > 1 && trimmed.at(0) == '\0')
            trimmed.remove(0, 1);
        if (trimmed != own && stated != own)
            throw KeyBackupError::keyMismatch(Tr::tr("the device's certificate request in the file"));
    }
    const PrivateKeyDescription &d = file.description();
    const bool kindDiffers = (d.kind == PrivateKeyDescription::Kind::Rsa && key.algorithm != QLatin1String("RSA"))
                          || (d.kind == PrivateKeyDescription::Kind::Ec && key.algorithm != QLatin1String("EC"));
    if (kindDiffers || (d.keyBits != 0 && d.keyBits != key.bits))
        throw KeyBackupError::keyMismatch(Tr::tr("the private key description in the file"));
}
} // namespace

BackupCheckResult KeyBackupCheck::checkFile(const QString &path, const std::vector<BackupCheckShare> &shares)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        BackupCheckResult r;
        r.path = path;
        fail(r, KeyBackupError::readFailed(path, f.errorString()));
        return r;
    }
    return checkData(path, f.read(KeyBackupFile::kMaxSize + 1), shares);
}

BackupCheckResult KeyBackupCheck::checkData(const QString &path, const QByteArray &data,
                                            const std::vector<BackupCheckShare> &shares)
{
    BackupCheckResult r;
    r.path = path;
    try {
        const KeyBackupFile file = KeyBackupFile::parse(data);
        r.fileKcv = file.blob().checkValue();
        r.label = file.description().label;
        r.id = file.description().id;
        r.certificate = file.certificateKind();
        r.certificateSubject = file.certificateSubject();
        if (shares.empty()) {
            r.status = BackupCheckResult::Status::NoMatchingShares;
            r.message = Tr::tr("Add the DKEK share files to check whether they open this backup (its DKEK check "
                               "value is %1).").arg(formatKeyCheckValue(r.fileKcv));
            return r;
        }
        const std::vector<Candidate> all = candidates(shares);
        const auto match = std::find_if(all.begin(), all.end(), [&](const Candidate &c) { return c.kcv == r.fileKcv; });
        if (match == all.end()) {
            r.dkekKcv = all.front().kcv; // all the shares together, as a device with all of them
            throw KeyBackupError::dkekMismatch(r.fileKcv, r.dkekKcv);
        }
        r.openedBy = match->names;
        r.dkekKcv = match->kcv;
        const KeyBlobKey key = file.blob().open(match->dkek);
        matchStatedKey(file, key);
        r.algorithm = key.algorithm;
        r.bits = key.bits;
        r.curve = key.curve;
        r.keyDescription = key.publicKey.description();
        r.fingerprint = key.fingerprint;
        r.status = BackupCheckResult::Status::Opens;
    } catch (const KeyBackupError &e) {
        fail(r, e);
    } catch (...) {
        r.status = BackupCheckResult::Status::Fails;
        r.message = userError(std::current_exception()).text();
    }
    return r;
}

QFuture<std::vector<BackupCheckResult>> KeyBackupCheck::checkAsync(QStringList paths,
                                                                   std::vector<BackupCheckShare> shares,
                                                                   QThreadPool *pool)
{
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(),
                             [paths = std::move(paths), shares = std::move(shares)] {
                                 std::vector<BackupCheckResult> out;
                                 for (const QString &path : paths)
                                     out.push_back(checkFile(path, shares));
                                 return out;
                             });
}
