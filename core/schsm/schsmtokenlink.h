// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/schsmstatus.h"

#include <QString>
#include <QStringList>

// Which PKCS#11 token is which SmartCard-HSM device. OpenSC names each slot
// after its PC/SC reader (CK_SLOT_INFO.slotDescription: 64 bytes, blank padded,
// so a longer reader name arrives cut; checked against the emulated card and
// OpenSC 0.23: "Virtual PCD 00 00" plus blanks, nothing appended) and reports
// the device serial (EF.C_DevAut's holder reference without its sequence
// number) as the token serial. Both must agree: the reader name alone would
// take another card, later put into the same reader, for the device.
class SchsmTokenLink {
public:
    // Whether a slot description (as P11Text::text gives it: padding removed) names this reader.
    static bool slotIsReader(const QString &slotDescription, const QString &reader);
    // The reader among readers that the slot description names; empty when none does.
    static QString readerOf(const QString &slotDescription, const QStringList &readers);
    // Whether the token in that slot, reporting tokenSerial, is this device.
    static bool isDevice(const QString &slotDescription, const QString &tokenSerial, const SchsmStatus &device);
};
