// SPDX-License-Identifier: GPL-3.0-or-later
#include "opensslcli.h"

#include <QDate>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTime>
#include <QTimeZone>

OpensslCli::OpensslCli() : m_program(QStandardPaths::findExecutable(QStringLiteral("openssl")))
{
    if (m_program.isEmpty())
        m_lastError = QStringLiteral("the openssl command-line tool is not installed");
}

int OpensslCli::status(const QStringList &args, QByteArray *out)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    // The system openssl.cnf must not leak defaults (extensions, providers) into the test data.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENSSL_CONF"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(m_program, args);
    if (!p.waitForStarted(10000)) {
        m_lastError = QStringLiteral("could not start %1").arg(m_program);
        return -1;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        m_lastError = QStringLiteral("openssl %1 timed out").arg(args.join(QLatin1Char(' ')));
        return -1;
    }
    const QByteArray output = p.readAll();
    if (out)
        *out = output;
    m_lastError = QStringLiteral("openssl %1 (exit %2):\n%3")
                      .arg(args.join(QLatin1Char(' ')))
                      .arg(p.exitCode())
                      .arg(QString::fromUtf8(output));
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool OpensslCli::run(const QStringList &args, QByteArray *out, const QByteArray &stdinData)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OPENSSL_CONF"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.start(m_program, args);
    if (!p.waitForStarted(10000)) {
        m_lastError = QStringLiteral("could not start %1").arg(m_program);
        return false;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        m_lastError = QStringLiteral("openssl %1 timed out").arg(args.join(QLatin1Char(' ')));
        return false;
    }
    const QByteArray stdOut = p.readAllStandardOutput();
    const QByteArray stdErr = p.readAllStandardError();
    if (out)
        *out = stdOut;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_lastError = QStringLiteral("openssl %1 failed (exit %2):\n%3%4")
                          .arg(args.join(QLatin1Char(' ')))
                          .arg(p.exitCode())
                          .arg(QString::fromUtf8(stdOut), QString::fromUtf8(stdErr));
        return false;
    }
    return true;
}

QByteArray OpensslCli::read(const QString &name) const
{
    QFile f(path(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool OpensslCli::write(const QString &name, const QByteArray &contents) const
{
    QFile f(path(name));
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(contents) == contents.size();
}

QByteArray OpensslCli::hexBlock(const QByteArray &text, const QByteArray &label)
{
    const QList<QByteArray> lines = text.split('\n');
    QByteArray hex;
    bool inside = false;
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (!inside) {
            inside = line == label;
            continue;
        }
        bool isHex = !line.isEmpty();
        for (const char c : line)
            isHex = isHex && (c == ':' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
        if (!isHex)
            break;
        hex += QByteArray(line).replace(':', "");
    }
    return QByteArray::fromHex(hex);
}

QString OpensslCli::lineAfter(const QByteArray &text, const QByteArray &label)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        if (lines.at(i).trimmed() == label)
            return QString::fromUtf8(lines.at(i + 1).trimmed());
    return {};
}

QString OpensslCli::field(const QByteArray &text, const QByteArray &key)
{
    for (const QByteArray &line : text.split('\n'))
        if (line.startsWith(key + '='))
            return QString::fromUtf8(line.mid(key.size() + 1).trimmed());
    return {};
}

QDateTime OpensslCli::isoDate(const QString &s)
{
    // Built from date and time parts: parsing as local time first could hit a DST gap.
    return QDateTime(QDate::fromString(s.left(10), QStringLiteral("yyyy-MM-dd")),
                     QTime::fromString(s.mid(11, 8), QStringLiteral("HH:mm:ss")), QTimeZone::utc());
}
