// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/sharefilewriter.h"

#include "dkek/dkekerror.h"
#include "dkek/dkeklog.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

void writeAll(QFileDevice &f, const QString &path, const QByteArray &data)
{
    if (f.write(data) != data.size() || !f.flush())
        throw DkekError::writeFailed(path, f.errorString());
#ifdef Q_OS_UNIX
    if (::fsync(f.handle()) != 0)
        throw DkekError::writeFailed(path, QString::fromLocal8Bit(strerror(errno)));
#endif
}

} // namespace

void ShareFileWriter::write(const QString &path, const QByteArray &data, Existing existing)
{
    const QFileInfo info(path);
    if (existing == Existing::Keep && (info.exists() || info.isSymLink()))
        throw DkekError::fileExists(path);

    if (existing == Existing::Replace) {
        QSaveFile f(path);
        f.setDirectWriteFallback(false);
        if (!f.open(QIODevice::WriteOnly))
            throw DkekError::writeFailed(path, f.errorString());
        // QSaveFile copies the permissions of a file it replaces; a share is always owner-only.
        if (!f.setPermissions(kOwnerOnly))
            throw DkekError::writeFailed(path, f.errorString());
        writeAll(f, path, data);
        if (!f.commit())
            throw DkekError::writeFailed(path, f.errorString());
    } else {
        // QTemporaryFile creates the file with 0600 and O_EXCL. Its rename() refuses to
        // replace an existing target (renameat2 RENAME_NOREPLACE or link+unlink on Linux),
        // so a file created by someone else in the meantime is never overwritten.
        QTemporaryFile tmp(info.absoluteDir().filePath(QStringLiteral(".%1.XXXXXX.part").arg(info.fileName())));
        if (!tmp.open())
            throw DkekError::writeFailed(path, tmp.errorString());
        tmp.setPermissions(kOwnerOnly);
        writeAll(tmp, path, data);
        // With auto-remove on, QTemporaryFile would delete the file under its new name.
        tmp.setAutoRemove(false);
        if (!tmp.rename(info.absoluteFilePath())) {
            const QString reason = tmp.errorString();
            tmp.remove();
            if (QFileInfo::exists(path))
                throw DkekError::fileExists(path);
            throw DkekError::writeFailed(path, reason);
        }
    }
    qCInfo(lcDkek) << "wrote" << data.size() << "bytes to" << QDir::toNativeSeparators(path);
}
