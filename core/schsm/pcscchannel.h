// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/apdu.h"

#include <QString>
#include <QStringList>

#include <cstdint>

// Sends APDUs; the seam between the SmartCard-HSM commands and PC/SC.
class ApduTransport {
public:
    virtual ~ApduTransport() = default;
    // Throws SchsmError (PC/SC failure, card removed, malformed answer).
    virtual ResponseApdu transmit(const CommandApdu &command) = 0;
};

// One PC/SC connection to one reader, in shared mode so that OpenSC's PKCS#11
// module in the same process (and other programs) keep their own connections.
// All calls come from one thread: the reader's worker. Commands that belong
// together run inside a Transaction, so no other program's APDU (OpenSC's
// re-select, for instance) lands between them.
class PcscChannel : public ApduTransport {
public:
    // Throws SchsmError.
    explicit PcscChannel(const QString &reader);
    ~PcscChannel() override;
    PcscChannel(const PcscChannel &) = delete;
    PcscChannel &operator=(const PcscChannel &) = delete;

    ResponseApdu transmit(const CommandApdu &command) override;
    QByteArray atr() const { return m_atr; }
    const QString &reader() const { return m_reader; }

    // Ends the connection with a card reset, so every other connection to the
    // card (OpenSC's) learns that the card changed and reads it again.
    void disconnectWithReset();

    // SCardBeginTransaction / SCardEndTransaction, ended by the destructor.
    class Transaction {
    public:
        explicit Transaction(PcscChannel &channel);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;

    private:
        PcscChannel &m_channel;
        bool m_active = false;
    };

    // Reader names PC/SC knows, with or without a card. Throws SchsmError
    // except for "no readers", which is an empty list.
    static QStringList readers();

private:
    ResponseApdu transmitRaw(const SecureBytes &apdu);
    QString m_reader;
    std::intptr_t m_context = 0; // SCARDCONTEXT
    std::intptr_t m_card = 0;    // SCARDHANDLE
    unsigned long m_protocol = 0;
    QByteArray m_atr;
    bool m_connected = false;
};
