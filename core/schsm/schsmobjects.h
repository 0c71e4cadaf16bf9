// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// What a SmartCard-HSM holds, from ENUMERATE OBJECTS (file identifiers only: no
// PIN needed, nothing secret) and EF.TokenInfo; what an initialization erases.
struct SchsmObjects {
    // File identifier prefixes (OpenSC's card-sc-hsm.h).
    static constexpr quint8 kKeyPrefix = 0xCC;
    static constexpr quint8 kCaCertificatePrefix = 0xCA;
    static constexpr quint8 kCertificatePrefix = 0xCE;
    static constexpr quint8 kDataPrefix = 0xCD;
    static constexpr quint8 kProtectedDataPrefix = 0xCF;
    static constexpr quint8 kPrivateKeyDescriptionPrefix = 0xC4;  // PKCS#15 PrKD of key CCxx
    static constexpr quint8 kCertificateDescriptionPrefix = 0xC8; // PKCS#15 CD of CA certificate CAxx

    int keys = 0;         // the device's own authentication key (CC00) not counted: it survives
    int certificates = 0; // end-entity and CA certificates
    int dataObjects = 0;
    QString label;        // from EF.TokenInfo; empty when the device has none

    static SchsmObjects fromFileIds(const QList<quint16> &fids);
    // The token label OpenSC's module shows for a device with this label in EF.TokenInfo
    // (its SmartCard-HSM emulation: "SmartCard-HSM" when there is none, and the user PIN's
    // name appended): "Finance HSM (UserPIN)", "SmartCard-HSM (UserPIN)".
    static QString openScTokenLabel(const QString &deviceLabel);
    // "2 keys, 1 certificate and 1 data object" / "no keys, certificates or data objects"
    QString text() const;
    bool empty() const { return keys == 0 && certificates == 0 && dataObjects == 0; }
};
