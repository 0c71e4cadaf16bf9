// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"
#include "schsm/keybackupfile.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

class SchsmCard;

// One key of a SmartCard-HSM backed up under the device's DKEK, found by the CKA_ID
// OpenSC shows for it (issue 13): the key reference is the one whose PKCS#15 private
// key description (EF C4xx) has that iD, so nobody needs to know the device's
// internal numbering. file is exactly what `sc-hsm-tool --wrap-key FILE
// --key-reference N` writes for that key: the device's key blob, the description and
// the certificate file EF CExx (an X.509 certificate written for the key, or the CV
// request the device made when it generated the key) when there is one. Nothing in
// it is secret (the blob is ciphertext under the DKEK).
struct SchsmKeyBackup {
    QByteArray file;
    int keyReference = -1;
    QByteArray ckaId;
    QString label;      // from the description; empty when it has none
    QByteArray dkekKcv; // the device's DKEK check value, the blob's first 8 bytes
    PrivateKeyDescription::Kind kind = PrivateKeyDescription::Kind::Other;
    KeyBackupFile::Certificate certificate = KeyBackupFile::Certificate::None;

    // On a card whose application is selected: refuses (SchsmError::Refused, nothing
    // sent but reads) a device without a complete DKEK and an ID no key description
    // has; then one VERIFY of the user PIN (a wrong PIN: "Wrong user PIN — 2 tries
    // left (SW 63C2)", never retried), WRAP KEY, the files. Every length the device
    // answers is checked (SchsmError::Protocol).
    static SchsmKeyBackup make(SchsmCard &card, const QByteArray &ckaId, const SecureBytes &pin);
    // The key reference whose description has this iD, and that description;
    // SchsmError::Refused when none or more than one has it.
    static std::pair<int, PrivateKeyDescription> findKey(SchsmCard &card, const QByteArray &ckaId);
    // The first element of a file, or nullopt when the device has no such file. Like
    // sc-hsm-tool, a file the device answers is cut to its first element; unlike it, a file
    // whose element is malformed is an error (SchsmError::Protocol), not silently left out.
    // The key references that have a key and a readable private key description (EF C4xx), with
    // that description; fids is what ENUMERATE OBJECTS listed.
    static std::vector<std::pair<int, PrivateKeyDescription>> keyDescriptions(SchsmCard &card, const QList<quint16> &fids);
    static std::optional<QByteArray> readElement(SchsmCard &card, quint16 fid, const QString &what);
};
