// SPDX-License-Identifier: GPL-3.0-or-later
#include "backupcheckcli.h"

#include "commandline.h"
#include "pinreader.h"

#include "dkek/dkekerror.h"
#include "dkek/dkeksharejobs.h"
#include "dkek/keycheckvalue.h"
#include "schsm/keybackupcheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(BackupCheckCli)
};

void print(const QString &line) { std::fputs(qPrintable(line + QLatin1Char('\n')), stdout); }

QString certificateText(const BackupCheckResult &r)
{
    switch (r.certificate) {
    case KeyBackupFile::Certificate::None:
        return Tr::tr("none");
    case KeyBackupFile::Certificate::X509:
        return r.certificateSubject;
    case KeyBackupFile::Certificate::CvRequest:
        return Tr::tr("the device's certificate request (no X.509 certificate)");
    case KeyBackupFile::Certificate::Other:
        break;
    }
    return Tr::tr("unknown format");
}
} // namespace

namespace BackupCheckCli {

bool wanted(int argc, char **argv)
{
    return CommandLine::mentions(argc, argv, {"--check-backup"});
}

int run(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(Tr::tr("Check SmartCard-HSM key backups (sc-hsm-tool --wrap-key files) against DKEK "
                                       "share files, without a device."));
    p.addHelpOption();
    const QCommandLineOption backup(QStringLiteral("check-backup"), Tr::tr("A key backup file (repeatable; more may "
                                                                          "follow as arguments)."), QStringLiteral("file"));
    const QCommandLineOption share(QStringLiteral("dkek-share"), Tr::tr("A DKEK share file (repeatable)."),
                                   QStringLiteral("file"));
    const QCommandLineOption passwordFd(QStringLiteral("password-fd"),
                                        Tr::tr("Read the share file's password (one line) from this open file "
                                               "descriptor (0: stdin) instead of the terminal; one share file only."),
                                        QStringLiteral("fd"));
    p.addOptions({backup, share, passwordFd});
    if (!p.parse(arguments)) {
        std::fprintf(stderr, "tokendesk: %s\n", qPrintable(p.errorText()));
        return 64;
    }
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return 0;
    }
    const QStringList files = p.values(backup) + p.positionalArguments();
    const QStringList shareFiles = p.values(share);
    int fd = -1;
    if (p.isSet(passwordFd)) {
        bool ok = false;
        fd = p.value(passwordFd).toInt(&ok);
        if (!ok || fd < 0 || shareFiles.size() != 1) {
            std::fprintf(stderr, "tokendesk: %s\n",
                         qPrintable(Tr::tr("--password-fd takes a file descriptor number and goes with exactly one "
                                           "--dkek-share.")));
            return 64;
        }
    }
    if (shareFiles.isEmpty()) {
        std::fprintf(stderr, "tokendesk: %s\n", qPrintable(Tr::tr("--check-backup needs at least one --dkek-share.")));
        return 64;
    }

    std::vector<BackupCheckShare> shares;
    for (const QString &path : shareFiles) {
        QString error;
        std::optional<SecureBytes> password =
            fd >= 0 ? PinReader::fromFd(fd, &error)
                    : PinReader::fromTerminal(Tr::tr("Password of %1: ").arg(QFileInfo(path).fileName()), &error);
        if (!password) {
            std::fprintf(stderr, "tokendesk: %s\n", qPrintable(error));
            return 2;
        }
        OpenShareRequest request;
        request.path = path;
        request.passwords.push_back(std::move(*password));
        try {
            const std::optional<OpenShareResult> opened = DkekShareJobs::open(request);
            print(Tr::tr("Share %1: check value %2").arg(QFileInfo(path).fileName(), formatKeyCheckValue(opened->kcv)));
            shares.push_back({QFileInfo(path).fileName(), opened->share});
        } catch (const DkekError &e) {
            std::fprintf(stderr, "tokendesk: %s: %s\n", qPrintable(QFileInfo(path).fileName()), qPrintable(e.message()));
            return 2;
        }
    }

    int failures = 0;
    for (const QString &path : files) {
        const BackupCheckResult r = KeyBackupCheck::checkFile(path, shares);
        print(QString());
        print(path);
        if (!r.opens()) {
            ++failures;
            print(Tr::tr("  Result:      FAILS: %1").arg(r.message));
        } else {
            print(Tr::tr("  Result:      opens (DKEK check value %1)").arg(formatKeyCheckValue(r.dkekKcv)));
            print(Tr::tr("  Opened by:   %1").arg(r.openedBy.join(QStringLiteral(" + "))));
            print(Tr::tr("  Key:         %1").arg(r.keyDescription));
            print(Tr::tr("  SHA-256:     %1").arg(r.fingerprint));
        }
        if (r.status != BackupCheckResult::Status::NotABackup && r.status != BackupCheckResult::Status::ReadFailed) {
            print(Tr::tr("  Label:       %1").arg(r.label));
            print(Tr::tr("  CKA_ID:      %1").arg(QString::fromLatin1(r.id.toHex().toUpper())));
            print(Tr::tr("  Certificate: %1").arg(certificateText(r)));
        }
    }
    return failures ? 1 : 0;
}

} // namespace BackupCheckCli
