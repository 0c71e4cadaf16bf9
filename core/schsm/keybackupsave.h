// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/schsmkeybackup.h"

#include <QDate>
#include <QString>

// Where and how a key backup from the device is saved ("Back up key…", issue 13):
// the default file name, the plain-text side note next to it, and the write itself
// (AtomicFile: a reader sees the old file or the new one, owner-only from the first byte).
// Nothing here is secret: the file holds the key only as ciphertext under the DKEK.
namespace KeyBackupSave {
// "<label>-<CKA_ID hex>-YYYYMMDD.wrap": letters, digits, '.', '_' and '-' of the label
// kept, every other run of characters one '_', no leading dot, at most 48 characters
// of it; "key" when nothing of the label is left.
QString defaultFileName(const QString &label, const QByteArray &ckaId, const QDate &date);
// The side note's name: the backup file's name + ".txt".
QString notePath(const QString &backupPath);

struct NoteFacts {
    QString label;
    QByteArray ckaId;
    QString algorithm;    // "EC P-256 (prime256v1)"; empty when unknown
    QString deviceSerial; // empty when unknown
    QDate date;
};
// Label, CKA_ID, algorithm, key reference, DKEK check value, certificate, date and
// device serial, one "Name: value" a line, then how to restore it.
QString noteText(const SchsmKeyBackup &backup, const NoteFacts &facts);

// Writes the backup file and its side note, both 0600, each atomically. false with
// *error (a sentence naming the file) when either cannot be written.
bool write(const QString &path, const SchsmKeyBackup &backup, const NoteFacts &facts, QString *error);
} // namespace KeyBackupSave
