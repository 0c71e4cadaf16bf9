// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"
#include "schsm/apdu.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmstatus.h"

#include <QByteArray>
#include <QList>
#include <QString>

class ApduTransport;

// The SmartCard-HSM command set over any ApduTransport, one method per
// command (numbers from OpenSC's card-sc-hsm.c / sc-hsm-tool.c and
// CardContact's public description). Stateless apart from the transport; the
// caller holds the PC/SC transaction. Key wrap/unwrap (issue 13) adds its
// commands here on top of transmitChecked() and updateBinary().
class SchsmCard {
public:
    static QByteArray aid();                  // E8 2B 06 01 04 01 81 C3 1F 02 01
    static constexpr quint8 kUserPin = 0x81;
    static constexpr quint8 kSoPin = 0x88;
    static constexpr quint16 kDeviceCertificate = 0x2F02; // EF.C_DevAut
    static constexpr quint16 kTokenInfo = 0x2F03;         // EF.TokenInfo: where OpenSC reads the label
    static constexpr int kSoPinSize = 8;
    static constexpr int kDkekShareSize = 32;

    struct Application {
        int firmwareMajor = -1;
        int firmwareMinor = -1;
        quint16 options = 0;
    };

    // The raw INITIALIZE DEVICE fields; see InitializeDeviceParams for the checked form.
    struct InitializeFields {
        const SecureBytes *soPin = nullptr;   // 8 bytes (the initialization code)
        const SecureBytes *userPin = nullptr; // 6-16 bytes
        quint16 options = SchsmOption::ResetRetryCounter;
        int retryCounter = 3;
        int dkekShares = 0;
    };

    explicit SchsmCard(ApduTransport &transport) : m_transport(transport) {}

    // Throws SchsmError::NotSmartCardHsm when the card has no such application.
    Application selectApplication();
    PinState pinState(quint8 reference);
    DkekState dkekState();
    // Key domains 1… (at most kMaxKeyDomains): asked until the device answers 6A86.
    QList<KeyDomain> keyDomains();
    static constexpr int kMaxKeyDomains = 32;
    QString serial(); // from EF.C_DevAut's certificate holder reference
    QByteArray readBinary(quint16 fid, int maxSize = 32 * 1024);
    void updateBinary(quint16 fid, const QByteArray &data);
    void verifyUserPin(const SecureBytes &pin);
    // VERIFY of reference 88 with the 8-byte SO-PIN: checks it without changing anything
    // (a wrong one costs a try, as any command that takes the SO-PIN would).
    void verifySoPin(const SecureBytes &soPin);
    void initialize(const InitializeFields &fields);
    void changeSoPin(const SecureBytes &oldSoPin, const SecureBytes &newSoPin);
    DkekState importDkekShare(const SecureBytes &share);
    // ENUMERATE OBJECTS: the file identifiers of keys, certificates and data objects.
    QList<quint16> enumerateObjects();
    // The label in EF.TokenInfo (what OpenSC shows before " (UserPIN)"); empty when there is none.
    QString label();
    // WRAP KEY (80 72 keyReference 92): the key blob under the DKEK, unchecked (the
    // caller checks its framing). Needs the user PIN verified.
    QByteArray wrapKey(quint8 keyReference);
    // UNWRAP KEY (80 74 keyReference 93, the blob as data in an extended-length APDU):
    // the blob becomes the device's key under that reference. Needs the user PIN verified.
    void unwrapKey(quint8 keyReference, const QByteArray &blob);
    // DELETE FILE (00 E4 02 00, the file identifier as data): a key (CCxx) or an elementary file.
    void deleteFile(quint16 fid);

    // Sends and throws SchsmError::fromStatusWord(sw, context) unless 9000.
    ResponseApdu transmitChecked(const CommandApdu &command, SwContext context);

    // EF.TokenInfo as OpenSC writes it for `sc-hsm-tool --label` (PKCS#15 TokenInfo:
    // version 0, label [0], token flags "PRN generation"). label: 1-32 UTF-8 bytes.
    static QByteArray tokenInfo(const QString &label);
    // The label from EF.TokenInfo's content; empty when it has none or is malformed.
    static QString labelFromTokenInfo(const QByteArray &tokenInfo);
    // The certificate holder reference without its 5-character sequence number, as
    // OpenSC forms the token serial. Empty when the data is not such a certificate.
    static QString serialFromDeviceCertificate(const QByteArray &certificate);
    // SO-PIN text (16 hex digits) to the 8 bytes the device compares; throws SchsmError::Refused.
    static SecureBytes decodeSoPin(const SecureBytes &hexText);

private:
    ApduTransport &m_transport;
};
