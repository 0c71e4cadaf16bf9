// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QByteArray>

// A command APDU (ISO 7816-4), built in wiped memory because its data may be
// a PIN, an SO-PIN or a DKEK share. Short form when the data and the expected
// length fit, extended form otherwise.
class CommandApdu {
public:
    static constexpr int kMaxData = 65535;
    static constexpr int kMaxExpected = 65536;
    static constexpr int kNoResponse = 0;

    // expected: bytes of response data asked for (0: none; 256/65536: "all" in short/extended form).
    // Throws SchsmError::protocol for sizes no APDU can carry.
    CommandApdu(quint8 cla, quint8 ins, quint8 p1, quint8 p2, const SecureBytes &data = SecureBytes(),
                int expected = kNoResponse, bool forceExtended = false);

    quint8 ins() const { return m_ins; }
    const SecureBytes &bytes() const { return m_bytes; }

private:
    quint8 m_ins;
    SecureBytes m_bytes;
};

// A response APDU: data and status word. Responses carry no secrets here
// (status, check values, public data), so a QByteArray holds the data.
struct ResponseApdu {
    QByteArray data;
    quint16 sw = 0;
    bool ok() const { return sw == 0x9000; }
    // Throws SchsmError::protocol when there is no status word.
    static ResponseApdu parse(const unsigned char *bytes, std::size_t size);
};
