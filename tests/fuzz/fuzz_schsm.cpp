// SPDX-License-Identifier: GPL-3.0-or-later
// SmartCard-HSM answers as they arrive from the reader: every response APDU the
// device sends to SchsmCard (SELECT's FCP, VERIFY's status word, the DKEK status,
// READ BINARY chunks of EF.C_DevAut and EF.TokenInfo, ENUMERATE OBJECTS) and the
// BER-TLV inside them. The input is the sequence of raw responses (data + SW), each
// behind a two-byte big-endian length; the card asks, the fuzzer answers.
// Hostile input: a result or SchsmError, nothing else.
#include "schsm/apdu.h"
#include "schsm/pcscchannel.h"
#include "schsm/schsmcard.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmobjects.h"
#include "schsm/schsmstatus.h"
#include "schsm/tlv.h"

#include "fuzzguard.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace {
// Replays the input as the reader's answers; an exhausted input is a removed card.
class ReplayTransport : public ApduTransport {
public:
    ReplayTransport(const uint8_t *data, std::size_t size) : m_p(data), m_n(size) {}
    ResponseApdu transmit(const CommandApdu &) override
    {
        if (m_n < 2)
            throw SchsmError::protocol(QStringLiteral("no more answers"));
        const std::size_t len = std::min<std::size_t>((std::size_t(m_p[0]) << 8) | m_p[1], m_n - 2);
        const uint8_t *answer = m_p + 2;
        m_p += len + 2;
        m_n -= len + 2;
        // The real channel hands over exactly the bytes received (pcscchannel.cpp).
        return ResponseApdu::parse(answer, len);
    }

private:
    const uint8_t *m_p;
    std::size_t m_n;
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    ReplayTransport transport(data, size);
    SchsmCard card(transport);
    // The order SchsmDevice::readStatus / readObjects asks in.
    fuzz::guarded([&] { card.selectApplication(); });
    fuzz::guarded([&] { card.pinState(SchsmCard::kUserPin).text(); });
    fuzz::guarded([&] { card.pinState(SchsmCard::kSoPin).jsonKind(); });
    fuzz::guarded([&] { card.dkekState(); });
    fuzz::guarded([&] { card.serial(); });
    fuzz::guarded([&] { SchsmObjects::fromFileIds(card.enumerateObjects()).text(); });
    fuzz::guarded([&] { card.label(); });
    fuzz::guarded([&] { card.importDkekShare(SecureBytes(SchsmCard::kDkekShareSize)); });

    // The same bytes as one TLV structure, walked to the end and searched as the card code does.
    const QByteArray in = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    TlvReader reader(in);
    int items = 0;
    while (!reader.atEnd() && items++ < 4096) {
        const auto item = reader.next();
        if (!item)
            break;
        TlvReader::find(item->value, 0x85);
    }
    SchsmCard::serialFromDeviceCertificate(in);
    SchsmCard::labelFromTokenInfo(in);
    fuzz::guarded([&] { DkekState::parse(in); });
    return 0;
}
