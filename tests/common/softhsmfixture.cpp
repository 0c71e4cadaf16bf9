// SPDX-License-Identifier: GPL-3.0-or-later
#include "softhsmfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <cstdlib>

namespace {
QString firstExisting(const QStringList &candidates)
{
    for (const QString &c : candidates)
        if (QFileInfo::exists(c))
            return c;
    return candidates.value(0);
}
} // namespace

SoftHsmFixture::SoftHsmFixture()
{
    QDir(m_dir.path()).mkpath(QStringLiteral("tokens"));
    QFile conf(confPath());
    if (conf.open(QIODevice::WriteOnly)) {
        conf.write("directories.tokendir = " + QFile::encodeName(m_dir.path()) + "/tokens\n"
                   "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        conf.close();
    }
    qputenv("SOFTHSM2_CONF", QFile::encodeName(confPath()));
}

QString SoftHsmFixture::confPath() const { return m_dir.filePath(QStringLiteral("softhsm2.conf")); }

QString SoftHsmFixture::softhsmModule()
{
    return firstExisting({QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"),
                          QStringLiteral("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")});
}

QString SoftHsmFixture::openscModule()
{
    return firstExisting({QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
                          QStringLiteral("/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so")});
}

QString SoftHsmFixture::spyModule()
{
    return firstExisting({QStringLiteral("/usr/lib/x86_64-linux-gnu/pkcs11-spy.so"),
                          QStringLiteral("/usr/lib/x86_64-linux-gnu/pkcs11/pkcs11-spy.so")});
}

int SoftHsmFixture::runStatus(const QString &program, const QStringList &args, QByteArray *out,
                              QByteArray *err, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return -1;
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -2;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : 128 + p.exitCode();
}

QByteArray SoftHsmFixture::run(const QString &program, const QStringList &args, int timeoutMs,
                               const QByteArray &stdinData)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        QTest::qFail(qPrintable(QStringLiteral("could not start %1").arg(program)), __FILE__, __LINE__);
        return {};
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    const bool finished = p.waitForFinished(timeoutMs);
    const QByteArray out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString msg = QStringLiteral("%1 %2 failed (exit %3):\n%4\n%5")
                                .arg(program, args.join(QLatin1Char(' ')))
                                .arg(p.exitCode())
                                .arg(QString::fromLocal8Bit(out), QString::fromLocal8Bit(err));
        QTest::qFail(qPrintable(msg), __FILE__, __LINE__);
    }
    return out;
}

QString SoftHsmFixture::initToken(const QString &label, const QString &userPin, const QString &soPin)
{
    const QByteArray out = run(QStringLiteral("softhsm2-util"),
                               {QStringLiteral("--init-token"), QStringLiteral("--free"), QStringLiteral("--label"),
                                label, QStringLiteral("--pin"), userPin, QStringLiteral("--so-pin"), soPin});
    Q_UNUSED(out);
    // softhsm2-util prints the new slot id, not the serial; ask the token list for it.
    const QByteArray list = run(QStringLiteral("softhsm2-util"), {QStringLiteral("--show-slots")});
    const QStringList blocks = QString::fromUtf8(list).split(QStringLiteral("Slot "), Qt::SkipEmptyParts);
    const QRegularExpression labelRe(QStringLiteral("Label:\\s+(.*)\\n"));
    const QRegularExpression serialRe(QStringLiteral("Serial number:\\s+(\\S+)"));
    for (const QString &b : blocks) {
        const auto l = labelRe.match(b);
        if (l.hasMatch() && l.captured(1).trimmed() == label) {
            const auto s = serialRe.match(b);
            if (s.hasMatch())
                return s.captured(1);
        }
    }
    QTest::qFail("initialized token not found in softhsm2-util --show-slots", __FILE__, __LINE__);
    return {};
}

QByteArray SoftHsmFixture::pkcs11Tool(const QString &tokenLabel, const QStringList &args, const QString &pin)
{
    QStringList all{QStringLiteral("--module"), softhsmModule(), QStringLiteral("--token-label"), tokenLabel};
    if (!pin.isEmpty())
        all << QStringLiteral("--login") << QStringLiteral("--pin") << pin;
    all << args;
    return run(QStringLiteral("pkcs11-tool"), all);
}
