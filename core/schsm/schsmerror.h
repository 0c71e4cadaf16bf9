// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11error.h"

#include <QString>

// What a status word means depends on the command: 63C2 after a VERIFY of the
// SO-PIN is "Wrong SO-PIN", after a VERIFY of the user PIN "Wrong PIN".
enum class SwContext {
    General,
    UserPin,     // VERIFY / CHANGE REFERENCE DATA of the user PIN (reference 81)
    SoPin,       // SO-PIN checks: INITIALIZE DEVICE, RESET RETRY COUNTER, CHANGE of reference 88
    DkekImport,  // IMPORT DKEK SHARE and its status
    SelectApp,   // SELECT of the SmartCard-HSM application
    File,        // SELECT / READ / UPDATE BINARY of an elementary file
    KeyWrap,     // WRAP KEY (a key out of the device under its DKEK)
    KeyUnwrap,   // UNWRAP KEY (a key blob into the device under its DKEK)
};

// A failed SmartCard-HSM operation: one translated sentence with the code
// appended, "Wrong SO-PIN — 2 tries left (SW 63C2)", shown as is by
// userError(). code() to branch on, sw() / pcscCode() for the raw value.
class SchsmError : public TokenDeskError {
public:
    enum class Code {
        StatusWord,      // the device answered with an error status word
        Removed,         // the card left the reader (or was reset) during the operation
        NoReader,        // the reader is gone, or no card in it
        NoService,       // no PC/SC service (pcscd) to talk to
        Pcsc,            // any other PC/SC failure
        Protocol,        // the device's answer is malformed or unexpected
        NotSmartCardHsm, // the card has no SmartCard-HSM application
        Refused,         // TokenDesk refused before sending anything
        KcvMismatch,     // the device's DKEK is not the one the shares make
        PartlyDone,      // a first step changed the device, a later one failed
    };

    SchsmError(Code code, const QString &sentence, quint16 sw = 0, qint64 pcsc = 0)
        : TokenDeskError(sentence), m_code(code), m_sw(sw), m_pcsc(pcsc)
    {
    }
    Code code() const noexcept { return m_code; }
    quint16 sw() const noexcept { return m_sw; }
    qint64 pcscCode() const noexcept { return m_pcsc; }

    static SchsmError fromStatusWord(quint16 sw, SwContext context);
    static SchsmError fromPcsc(qint64 rv, const char *function);
    static SchsmError protocol(const QString &what);
    static SchsmError refused(const QString &sentence);
    // "SW 63C2" / "SCARD_W_REMOVED_CARD"
    static QString swCode(quint16 sw);
    static QString pcscName(qint64 rv);

    // The device answered with an error, or TokenDesk refused before sending: the
    // device is as it was.
    bool changedNothing() const noexcept { return m_code == Code::StatusWord || m_code == Code::Refused; }
    // "Wrong SO-PIN — 14 tries left (SW 63CE). Nothing on the device was changed."
    // (the sentence closed with its full stop, then the second one).
    QString messageNothingChanged() const;

private:
    Code m_code;
    quint16 m_sw;
    qint64 m_pcsc;
};
