// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/keybackupsave.h"

#include "workstation/atomicfile.h"

#include <QCoreApplication>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(KeyBackupSave)
};

bool safeChar(QChar c)
{
    return (c.isLetterOrNumber() && c.unicode() < 0x80) || c == QLatin1Char('.') || c == QLatin1Char('_')
        || c == QLatin1Char('-');
}

QString certificateText(KeyBackupFile::Certificate c)
{
    switch (c) {
    case KeyBackupFile::Certificate::None: return Tr::tr("none");
    case KeyBackupFile::Certificate::X509: return Tr::tr("X.509 certificate");
    case KeyBackupFile::Certificate::CvRequest: return Tr::tr("the device's CV request for the key");
    case KeyBackupFile::Certificate::Other: return Tr::tr("a certificate file of another kind");
    }
    return Tr::tr("none");
}
} // namespace

namespace KeyBackupSave {

QString defaultFileName(const QString &label, const QByteArray &ckaId, const QDate &date)
{
    // Only ASCII letters and digits: the name must mean the same on a USB stick read
    // elsewhere, and never contain a path separator or start a hidden file.
    QString safe;
    for (const QChar c : label) {
        if (safeChar(c))
            safe += c;
        else if (!safe.endsWith(QLatin1Char('_')))
            safe += QLatin1Char('_');
    }
    while (safe.startsWith(QLatin1Char('.')) || safe.startsWith(QLatin1Char('_')) || safe.startsWith(QLatin1Char('-')))
        safe.remove(0, 1);
    safe = safe.left(48);
    while (safe.endsWith(QLatin1Char('_')) || safe.endsWith(QLatin1Char('.')))
        safe.chop(1);
    if (safe.isEmpty())
        safe = QStringLiteral("key");
    const QString id = ckaId.isEmpty() ? QStringLiteral("noid") : QString::fromLatin1(ckaId.left(32).toHex());
    return QStringLiteral("%1-%2-%3.wrap").arg(safe, id, date.toString(QStringLiteral("yyyyMMdd")));
}

QString notePath(const QString &backupPath)
{
    return backupPath + QStringLiteral(".txt");
}

QString noteText(const SchsmKeyBackup &backup, const NoteFacts &facts)
{
    const QString unknown = Tr::tr("unknown");
    QStringList lines;
    lines << Tr::tr("SmartCard-HSM key backup (sc-hsm-tool --wrap-key format), made by TokenDesk")
          << QString()
          << Tr::tr("Label: %1").arg(facts.label.isEmpty() ? backup.label : facts.label)
          << Tr::tr("CKA_ID: %1").arg(QString::fromLatin1(facts.ckaId.toHex()))
          << Tr::tr("Algorithm: %1").arg(facts.algorithm.isEmpty() ? unknown : facts.algorithm)
          << Tr::tr("Key reference on the device: %1").arg(backup.keyReference)
          << Tr::tr("DKEK check value: %1").arg(QString::fromLatin1(backup.dkekKcv.toHex()).toUpper())
          << Tr::tr("Certificate in the file: %1").arg(certificateText(backup.certificate))
          << Tr::tr("Date: %1").arg(facts.date.toString(Qt::ISODate))
          << Tr::tr("Device serial: %1").arg(facts.deviceSerial.isEmpty() ? unknown : facts.deviceSerial)
          << QString()
          << Tr::tr("The file holds the key encrypted under the device's DKEK. It can be restored only into a "
                    "SmartCard-HSM initialized with the same DKEK shares (for example with sc-hsm-tool --unwrap-key), "
                    "and checked without a device with Tools > Check key backups or tokendesk --check-backup.");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

bool write(const QString &path, const SchsmKeyBackup &backup, const NoteFacts &facts, QString *error)
{
    return AtomicFile::save(path, backup.file, AtomicFile::kOwnerOnly, error)
        && AtomicFile::save(notePath(path), noteText(backup, facts).toUtf8(), AtomicFile::kOwnerOnly, error);
}

} // namespace KeyBackupSave
