// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// A command line run by sh (in dir, or the current folder when dir is empty) with extra
// NAME=value environment entries; stdout and stderr merged into *out. The exit code, or -1 when
// it crashed or did not end within two minutes. For the workstation tests' consumers.
inline int runShell(const QString &command, const QString &dir, QByteArray *out, const QStringList &extraEnv = {})
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &e : extraEnv)
        env.insert(e.section(QLatin1Char('='), 0, 0), e.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("sh"), {QStringLiteral("-c"), command});
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return -1;
    *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}
