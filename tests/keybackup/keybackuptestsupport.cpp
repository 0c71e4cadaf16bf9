// SPDX-License-Identifier: GPL-3.0-or-later
#include "keybackuptestsupport.h"

#include "dkek/dkekerror.h"
#include "dkek/dkeksharefile.h"

#include <QFile>
#include <QProcess>

namespace keybackuptest {

QString schsmFile(const QString &name) { return QStringLiteral(TOKENDESK_TEST_DATA "/schsm/") + name; }
QString dkekFile(const QString &name) { return QStringLiteral(TOKENDESK_TEST_DATA "/dkek/") + name; }

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

Run run(const QString &program, const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(30000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(300000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

std::shared_ptr<const SecureBytes> openVectorShare(const QString &path, const QByteArray &password)
{
    try {
        auto share = DkekShareFile::open(DkekShareFile::read(path), SecureBytes(password.constData(), std::size_t(password.size())),
                                         kDkekShareIterations);
        return share ? std::make_shared<const SecureBytes>(std::move(*share)) : nullptr;
    } catch (const DkekError &) {
        return nullptr;
    }
}

QByteArray twoOfThreePassword() { return QByteArray::fromHex("6b8244784af2df6e"); }

} // namespace keybackuptest
