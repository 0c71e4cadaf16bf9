// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/nssdb.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <fcntl.h>
#include <unistd.h>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(NssDb)
};

constexpr qint64 kMaxModuleList = 1024 * 1024;

bool modutil(const QStringList &args, QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("modutil"), args + QStringList{QStringLiteral("-force")});
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(120000);
    const QString out = QString::fromLocal8Bit(p.readAll()).trimmed();
    if (finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
        return true;
    if (p.error() == QProcess::FailedToStart)
        *error = Tr::tr("modutil is not installed (Debian package libnss3-tools).");
    else
        *error = Tr::tr("modutil failed (exit code %1): %2").arg(p.exitCode()).arg(out);
    return false;
}
} // namespace

namespace NssDb {

bool exists(const QString &dir)
{
    return QFileInfo::exists(QDir(dir).filePath(QStringLiteral("cert9.db")))
        || QFileInfo::exists(QDir(dir).filePath(QStringLiteral("pkcs11.txt")));
}

std::optional<QString> registeredLibrary(const QString &dir, const QString &name)
{
    QFile f(QDir(dir).filePath(QStringLiteral("pkcs11.txt")));
    if (f.size() > kMaxModuleList || !f.open(QIODevice::ReadOnly))
        return std::nullopt;
    // Entries are blocks of key=value lines separated by blank lines.
    QString library, entryName;
    const auto flush = [&]() -> std::optional<QString> {
        const bool match = entryName == name;
        const QString lib = library;
        library.clear();
        entryName.clear();
        return match ? std::optional<QString>(lib) : std::nullopt;
    };
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty()) {
            if (auto found = flush())
                return found;
        } else if (line.startsWith(QLatin1String("library="))) {
            library = line.mid(8);
        } else if (line.startsWith(QLatin1String("name="))) {
            entryName = line.mid(5);
        }
    }
    return flush();
}

bool add(const QString &dir, const QString &name, const QString &library, QString *error)
{
    return modutil({QStringLiteral("-dbdir"), QStringLiteral("sql:") + dir, QStringLiteral("-add"), name,
                    QStringLiteral("-libfile"), library},
                   error);
}

bool remove(const QString &dir, const QString &name, QString *error)
{
    return modutil({QStringLiteral("-dbdir"), QStringLiteral("sql:") + dir, QStringLiteral("-delete"), name}, error);
}

bool firefoxProfileInUse(const QString &profileDir)
{
    const QDir dir(profileDir);
    if (QFileInfo(dir.filePath(QStringLiteral("lock"))).isSymLink())
        return true;
    const QByteArray parentLock = QFile::encodeName(dir.filePath(QStringLiteral(".parentlock")));
    const int fd = ::open(parentLock.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    const bool held = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

} // namespace NssDb
