// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"
#include "schsm/keybackupfile.h"
#include "schsm/schsmstatus.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <vector>

class SchsmCard;

// Something a SmartCard-HSM holds under a CKA_ID, as OpenSC shows it: a key (its PKCS#15
// description EF C4xx beside key CCxx, with the certificate file CExx when there is one), or a
// certificate with a description of its own (EF C8xx beside CAxx, as OpenSC stores a certificate
// that belongs to no key). Read without a PIN; nothing in it is secret.
struct SchsmDeviceObject {
    enum class Kind { Key, Certificate };
    Kind kind = Kind::Key;
    int reference = -1; // the key reference (Key) or the certificate's file number (Certificate)
    QByteArray id;
    QString label;
    KeyBackupFile::Certificate certificate = KeyBackupFile::Certificate::None; // Key: what EF CExx holds
    QString certificateSubject; // X.509 only
    QList<quint16> files;       // what replacing it deletes

    // What the user types to confirm its replacement: the label, or the CKA_ID in hex when it has none.
    QString name() const;
    // "the key “mail” (CKA_ID 51, key reference 2) and its X.509 certificate “CN=Mail”"
    QString text() const;
};

// What the device tells before anything is sent to it.
struct SchsmRestoreView {
    SchsmStatus status; // reader, serial, PINs, DKEK state and check value
    std::vector<SchsmDeviceObject> objects;
    QList<quint16> fids; // every file identifier the device listed

    std::vector<SchsmDeviceObject> withId(const QByteArray &id) const;
    // The lowest key reference (1-255) with no key, description or certificate file; -1 when none.
    int freeKeyReference() const;
};

// One backup file to restore and what the user agreed to lose for it.
struct SchsmRestoreRequest {
    QString name;          // the file's name, for the sentences
    QByteArray file;       // the backup's bytes (ciphertext and public parts: no secret)
    QList<quint16> replace; // the files of withId(its CKA_ID) the user confirmed by name; empty: replace nothing
};

// The PKCS#11 token a restore was asked for: the device in the reader must be this one.
struct SchsmTokenIdentity {
    QString slotDescription;
    QString serial;
};

struct SchsmRestoredKey {
    QString name;
    int keyReference = -1;
    QByteArray id;
    QString label;
    KeyBackupFile::Certificate certificate = KeyBackupFile::Certificate::None;
    int replaced = 0; // objects deleted first (confirmed by the user)
};

// Restoring sc-hsm-tool --wrap-key files (TokenDesk's backups are the same format) into a
// SmartCard-HSM (issue 13), as sc-hsm-tool --unwrap-key does, with the checks it lacks:
// every file parses, its DKEK check value is the device's, no key or certificate with its
// CKA_ID is overwritten unless the user named it, all before the PIN is sent. Then one VERIFY
// of the user PIN (never retried), and for each file: the confirmed objects deleted, a free
// key reference chosen, UNWRAP KEY, the file's PKCS#15 private key description written to
// EF C4xx and its certificate to EF CExx, where OpenSC's emulation finds them: the key appears
// under its CKA_ID and label, the certificate beside it. Each key is read back afterwards.
class SchsmKeyRestore {
public:
    // The device's status, its keys and certificates with their CKA_IDs (no PIN).
    static SchsmRestoreView read(SchsmCard &card, SchsmStatus status);
    // Why this file's key cannot go into a device with this DKEK (no DKEK, shares missing,
    // another check value: the sentence names both); empty when it can.
    static QString dkekRefusal(const KeyBackupFile &file, const DkekState &dkek);
    // "RSA 2048 bits", "EC P-256 (prime256v1)" from the certificate's key, the CV request's
    // key or the description's size; "RSA" / "EC" when none says more.
    static QString keyText(const KeyBackupFile &file);
    // Refusals (SchsmError::Refused, nothing sent but reads): a file that does not parse, the
    // DKEK, two files with one CKA_ID, objects with the CKA_ID that the request does not name
    // exactly (also when the device changed since the user looked), no free key reference.
    // Then VERIFY, then the files one by one; progress(i) before file i. A failure after the
    // first change is SchsmError::PartlyDone naming what was restored.
    static std::vector<SchsmRestoredKey> restore(SchsmCard &card, SchsmStatus status,
                                                 const std::vector<SchsmRestoreRequest> &requests,
                                                 const SecureBytes &pin, const std::function<void(int)> &progress = {});
};
