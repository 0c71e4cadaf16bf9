// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/setupdiff.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SetupDiff)
};

bool writeTemp(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        && f.write(data) == data.size();
}
} // namespace

namespace SetupDiff {

QByteArray unified(const SetupPlan &plan, QString *error)
{
    QByteArray out;
    QTemporaryDir dir; // 0700: the old files may be the user's configuration
    if (!dir.isValid()) {
        *error = Tr::tr("TokenDesk cannot create a temporary folder for the comparison: %1").arg(dir.errorString());
        return {};
    }
    for (const FileChange &f : plan.files) {
        if (!f.changes())
            continue;
        const QString oldPath = dir.filePath(QStringLiteral("old"));
        const QString newPath = dir.filePath(QStringLiteral("new"));
        if (!writeTemp(oldPath, f.before) || !writeTemp(newPath, f.after)) {
            *error = Tr::tr("TokenDesk cannot write its temporary files for the comparison.");
            return {};
        }
        QProcess diff;
        diff.setProcessChannelMode(QProcess::SeparateChannels);
        diff.start(QStringLiteral("diff"),
                   {QStringLiteral("-u"), QStringLiteral("--label"), f.existed ? f.path : QStringLiteral("/dev/null"),
                    QStringLiteral("--label"), f.path, oldPath, newPath});
        diff.closeWriteChannel();
        // Exit 1: the files differ (as they do here); 0 cannot happen; 2: trouble.
        if (!diff.waitForFinished(60000) || diff.exitStatus() != QProcess::NormalExit || diff.exitCode() != 1) {
            *error = Tr::tr("diff could not compare the files (is diffutils installed?): %1")
                         .arg(QString::fromLocal8Bit(diff.readAllStandardError()).trimmed());
            return {};
        }
        out += diff.readAllStandardOutput();
    }
    return out;
}

QByteArray dryRun(const SetupPlan &plan, QString *error)
{
    QString diffError;
    QByteArray out = unified(plan, &diffError);
    if (!diffError.isEmpty()) {
        *error = diffError;
        return {};
    }
    for (const NssChange &n : plan.nss)
        if (n.changes())
            out += Tr::tr("# Would register the module “%1” (%2) in the NSS database %3")
                       .arg(n.registration.moduleName, n.registration.library, n.registration.dbDir)
                       .toUtf8()
                + '\n';
    return out;
}

} // namespace SetupDiff
