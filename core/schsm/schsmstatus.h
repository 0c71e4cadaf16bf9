// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// A PIN's state as the device reports it to a VERIFY without data (no PIN is
// ever sent to find out).
struct PinState {
    enum class Kind {
        Unknown,        // the device gave an answer we do not know
        TriesLeft,      // 63Cx
        Verified,       // 9000: verified in this session
        Locked,         // 6983
        NotInitialized, // 6A88: the device was never initialized
        TransportPin,   // 6984: must be changed before use
    };
    Kind kind = Kind::Unknown;
    int triesLeft = -1;
    quint16 sw = 0;

    static PinState fromStatusWord(quint16 sw);
    QString text() const;     // "3 tries left", "locked", …
    QString jsonKind() const; // "tries-left", "locked", …
    bool operator==(const PinState &) const = default;
};

// The DKEK state from IMPORT DKEK SHARE without data (or after a share).
struct DkekState {
    bool known = false;   // false: the device refused to tell (sw says why)
    int total = 0;        // shares the device was initialized for
    int outstanding = 0;  // shares still to import
    QByteArray kcv;       // 8 bytes: key check value of the DKEK (complete when outstanding == 0)
    quint16 sw = 0;

    int imported() const { return total - outstanding; }
    // Why the device gave no DKEK state, as a sentence with its code (for !known).
    QString unavailableText() const;
    bool complete() const { return known && total > 0 && outstanding == 0; }
    // Throws SchsmError::protocol for answers shorter than 10 bytes or counts that contradict each other.
    static DkekState parse(const QByteArray &data);
    // "2 shares, 1 missing", "complete, check value …", "none" (for a known state).
    QString summary() const;
    bool operator==(const DkekState &) const = default;
};

// A key domain beyond the default DKEK (MANAGE KEY DOMAIN: CLA 80, INS 52,
// P1 00, P2 the domain, no data — the same status as IMPORT DKEK SHARE gives
// for domain 0). A device initialized with key domains answers 6A88 for one
// not set up yet and 6A86 past the last one.
struct KeyDomain {
    int index = 0;
    bool setUp = false;  // false: configured, not set up yet (6A88)
    DkekState dkek;      // shares and check value of a set-up domain
    QByteArray uid;      // the key domain UID that follows (XKEK domains); empty otherwise
    bool operator==(const KeyDomain &) const = default;
};

// Options of INITIALIZE DEVICE, as the application's FCP reports them.
namespace SchsmOption {
constexpr quint16 ResetRetryCounter = 0x0001; // the SO-PIN may reset the user PIN
constexpr quint16 TransportPin = 0x0002;      // the user PIN is a transport PIN until changed
} // namespace SchsmOption

// Everything the device panel and --list show.
struct SchsmStatus {
    QString reader;
    QString serial;       // from the device certificate (what OpenSC shows as token serial)
    int firmwareMajor = -1;
    int firmwareMinor = -1;
    quint16 options = 0;
    PinState userPin;
    PinState soPin;
    DkekState dkek;
    QList<KeyDomain> keyDomains; // domains 1…; empty when the device has none

    bool initialized() const { return soPin.kind != PinState::Kind::NotInitialized && soPin.kind != PinState::Kind::Unknown; }
    QString firmwareText() const;
    // "1: 2 shares, 1 missing" one domain a line; empty without key domains.
    QString keyDomainsText() const;
    // "Device serial : DETD0000042" … one fact a line, for --list and logs (no secrets).
    QString text() const;
    QJsonObject json() const;
};
