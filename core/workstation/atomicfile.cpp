// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)
};
} // namespace

namespace AtomicFile {

bool save(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions, QString *error)
{
    QSaveFile f(path);
    f.setDirectWriteFallback(false);
    // Permissions before the first byte; QSaveFile would otherwise copy those of the file it replaces.
    const bool ok = f.open(QIODevice::WriteOnly) && f.setPermissions(permissions) && f.write(data) == data.size()
        && f.commit();
    if (!ok)
        *error = Tr::tr("TokenDesk could not write %1: %2").arg(path, f.errorString());
    return ok;
}

bool makeDirs(const QString &dir, QStringList *created, QString *error)
{
    QStringList missing;
    for (QString d = QDir::cleanPath(QDir(dir).absolutePath()); !QFileInfo::exists(d); d = QFileInfo(d).path())
        missing.prepend(d);
    for (const QString &m : std::as_const(missing)) {
        if (!QDir().mkdir(m, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
            *error = Tr::tr("TokenDesk could not create the folder %1.").arg(m);
            return false;
        }
        *created << m;
    }
    return true;
}

} // namespace AtomicFile
