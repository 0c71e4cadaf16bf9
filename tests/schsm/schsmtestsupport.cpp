// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsmtestsupport.h"

#include "schsm/schsmdevice.h"
#include "schsm/schsmerror.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

namespace SchsmTest {

const QString kOpenScModule = QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");

QString control(const QString &command)
{
    const QByteArray path = qgetenv("SCHSM_CONTROL");
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return QStringLiteral("error socket");
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (std::size_t(path.size()) >= sizeof addr.sun_path) {
        ::close(fd);
        return QStringLiteral("error path");
    }
    std::memcpy(addr.sun_path, path.constData(), std::size_t(path.size()));
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return QStringLiteral("error connect");
    }
    const QByteArray line = command.toUtf8() + '\n';
    if (::write(fd, line.constData(), std::size_t(line.size())) != line.size()) {
        ::close(fd);
        return QStringLiteral("error write");
    }
    QByteArray reply;
    char buf[4096];
    while (!reply.contains('\n')) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0)
            break;
        reply.append(buf, n);
    }
    ::close(fd);
    return QString::fromUtf8(reply).trimmed();
}

ToolRun runTool(const QString &program, const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    // sc-hsm-tool derives a share's key with 10,000,000 rounds: minutes on a loaded machine
    // (as test_schsmpanel allows); two minutes were too few with the suite running in parallel.
    p.waitForFinished(600000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

std::map<QString, QString> scHsmToolFacts()
{
    const ToolRun r = runTool(QStringLiteral("sc-hsm-tool"), {});
    std::map<QString, QString> facts;
    for (const QString &line : r.out.split(QLatin1Char('\n'))) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (line.startsWith(QLatin1String("DKEK import pending"))) {
            facts[QStringLiteral("pending")] = line.section(QLatin1Char(','), 1).trimmed().section(QLatin1Char(' '), 0, 0);
        } else if (line.contains(QLatin1String("never been initialized"))) {
            facts[QStringLiteral("never initialized")] = QStringLiteral("yes");
        } else if (line.contains(QLatin1String("User PIN reset with SO-PIN enabled"))) {
            facts[QStringLiteral("rrc")] = QStringLiteral("yes");
        } else if (line.contains(QLatin1String("Transport-PIN mode enabled"))) {
            facts[QStringLiteral("transport option")] = QStringLiteral("yes");
        } else if (line.contains(QLatin1String("Transport-PIN active"))) {
            facts[QStringLiteral("transport active")] = QStringLiteral("yes");
        } else if (colon > 0) {
            facts[line.left(colon).trimmed()] = line.mid(colon + 1).trimmed();
        }
    }
    return facts;
}

QString fact(const std::map<QString, QString> &facts, const QString &key)
{
    const auto it = facts.find(key);
    return it == facts.end() ? QString() : it->second;
}

std::pair<QString, QString> openScTokenLabelAndSerial()
{
    const ToolRun r = runTool(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), kOpenScModule, QStringLiteral("-L")});
    QString label, serial;
    for (const QString &line : r.out.split(QLatin1Char('\n'))) {
        if (label.isEmpty() && line.trimmed().startsWith(QLatin1String("token label")))
            label = line.section(QLatin1Char(':'), 1).trimmed();
        if (serial.isEmpty() && line.trimmed().startsWith(QLatin1String("serial num")))
            serial = line.section(QLatin1Char(':'), 1).trimmed();
    }
    return {label, serial};
}

ToolRun resetUserPinThroughOpenSc(const QString &soPin)
{
    return runTool(QStringLiteral("pkcs11-tool"),
                   {QStringLiteral("--module"), kOpenScModule, QStringLiteral("--init-pin"), QStringLiteral("--login"),
                    QStringLiteral("--login-type"), QStringLiteral("so"), QStringLiteral("--so-pin"), soPin,
                    QStringLiteral("--new-pin"), QStringLiteral("24681357")});
}

ToolRun loginThroughOpenSc(const QString &userPin)
{
    return runTool(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), kOpenScModule, QStringLiteral("--login"),
                                                   QStringLiteral("--pin"), userPin, QStringLiteral("-O")});
}

ToolRun writeCertificateThroughOpenSc(const QString &userPin)
{
    return runTool(QStringLiteral("pkcs11-tool"),
                   {QStringLiteral("--module"), kOpenScModule, QStringLiteral("--login"), QStringLiteral("--pin"), userPin,
                    QStringLiteral("--write-object"), QStringLiteral(TOKENDESK_TEST_DATA "/schsm/ec1.crt.der"),
                    QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("01")});
}

QString verifySoPinWithOpenScTool(const QString &reader, const QString &soPinHex)
{
    const ToolRun r = runTool(QStringLiteral("opensc-tool"),
                              {QStringLiteral("--reader"), reader, QStringLiteral("--send-apdu"),
                               QStringLiteral("00A4040C0BE82B0601040181C31F0201"), QStringLiteral("--send-apdu"),
                               QStringLiteral("0020008808") + soPinHex});
    // The last "Received (SW1=0x63, SW2=0xCE)" is the VERIFY's answer.
    const QRegularExpression sw(QStringLiteral("SW1=0x([0-9a-fA-F]{2}), SW2=0x([0-9a-fA-F]{2})"));
    QString last;
    for (auto it = sw.globalMatch(r.out); it.hasNext();) {
        const auto m = it.next();
        last = (m.captured(1) + m.captured(2)).toUpper();
    }
    return last;
}

bool cardPresent(const QString &reader)
{
    try {
        return SchsmDevice::findReaders() == QStringList{reader};
    } catch (const SchsmError &) {
        return false;
    }
}

QJsonObject cardState()
{
    const QString reply = control(QStringLiteral("state"));
    if (!reply.startsWith(QLatin1String("ok ")))
        return {};
    return QJsonDocument::fromJson(reply.mid(3).toUtf8()).object();
}

std::set<int> cardKeys()
{
    std::set<int> keys;
    for (const QJsonValue v : cardState().value(QStringLiteral("keys")).toArray())
        keys.insert(v.toInt());
    return keys;
}

int userTries()
{
    return cardState().value(QStringLiteral("user_tries")).toInt(-1);
}

ToolRun scHsmTool(QStringList args)
{
    args.prepend(QString::fromUtf8(qgetenv("SCHSM_READER")));
    args.prepend(QStringLiteral("--reader"));
    return runTool(QStringLiteral("sc-hsm-tool"), args);
}

ToolRun initializeWithScHsmTool(const QString &soPin, const QString &userPin, int shares, const QString &label)
{
    return scHsmTool({QStringLiteral("--initialize"), QStringLiteral("--so-pin"), soPin, QStringLiteral("--pin"), userPin,
                      QStringLiteral("--dkek-shares"), QString::number(shares), QStringLiteral("--label"), label});
}

ToolRun importShareWithScHsmTool(const QString &file, const QByteArray &password)
{
    return scHsmTool({QStringLiteral("--import-dkek-share"), file, QStringLiteral("--password"), QString::fromUtf8(password)});
}

ToolRun pkcs11Tool(const QStringList &args, const QString &userPin)
{
    QStringList all{QStringLiteral("--module"), kOpenScModule};
    if (!userPin.isEmpty())
        all << QStringLiteral("--login") << QStringLiteral("--pin") << userPin;
    return runTool(QStringLiteral("pkcs11-tool"), all + args);
}

ToolRun generateThroughOpenSc(const QString &keyType, const QByteArray &idHex, const QString &label, const QString &userPin)
{
    return pkcs11Tool({QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), keyType, QStringLiteral("--id"),
                       QString::fromLatin1(idHex), QStringLiteral("--label"), label},
                      userPin);
}

QByteArray publicKeyThroughOpenSc(const QByteArray &idHex, const QString &path)
{
    QFile::remove(path);
    const ToolRun r = pkcs11Tool({QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("pubkey"),
                                  QStringLiteral("--id"), QString::fromLatin1(idHex), QStringLiteral("-o"), path});
    QFile f(path);
    return r.exitCode == 0 && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ToolRun checkBackupWithTokenDesk(const QString &tokendesk, const QString &file, const QString &share,
                                 const QByteArray &password)
{
    return runTool(tokendesk,
                   {QStringLiteral("--check-backup"), file, QStringLiteral("--dkek-share"), share,
                    QStringLiteral("--password-fd"), QStringLiteral("0")},
                   password + '\n');
}

QString sha256Fingerprint(const QByteArray &der)
{
    return QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex(':')).toUpper();
}

} // namespace SchsmTest
