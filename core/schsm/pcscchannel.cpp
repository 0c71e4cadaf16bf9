// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/pcscchannel.h"

#include "schsm/schsmerror.h"
#include "schsm/schsmlog.h"

#include <QCoreApplication>

#include <openssl/crypto.h>
#include <winscard.h>

#include <vector>

namespace {
// Extended responses: up to 65536 data bytes plus the status word.
constexpr DWORD kReceiveBuffer = 65536 + 2;

void checkPcsc(LONG rv, const char *function)
{
    if (rv != SCARD_S_SUCCESS) {
        qCDebug(lcSchsm) << function << "failed:" << SchsmError::pcscName(rv);
        throw SchsmError::fromPcsc(rv, function);
    }
}

// The response buffer may briefly hold data the card returns; wipe it anyway.
struct ReceiveBuffer {
    std::vector<unsigned char> bytes = std::vector<unsigned char>(kReceiveBuffer);
    ~ReceiveBuffer() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
};
} // namespace

PcscChannel::PcscChannel(const QString &reader) : m_reader(reader)
{
    SCARDCONTEXT ctx = 0;
    checkPcsc(SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx), "SCardEstablishContext");
    m_context = std::intptr_t(ctx);
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    const QByteArray name = reader.toUtf8();
    const LONG rv = SCardConnect(ctx, name.constData(), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                                 &card, &protocol);
    if (rv != SCARD_S_SUCCESS) {
        SCardReleaseContext(ctx);
        m_context = 0;
        checkPcsc(rv, "SCardConnect");
    }
    m_card = std::intptr_t(card);
    m_protocol = protocol;
    m_connected = true;

    char readerName[MAX_READERNAME];
    DWORD readerLen = sizeof readerName;
    DWORD state = 0;
    DWORD proto = 0;
    unsigned char atr[MAX_ATR_SIZE];
    DWORD atrLen = sizeof atr;
    if (SCardStatus(card, readerName, &readerLen, &state, &proto, atr, &atrLen) == SCARD_S_SUCCESS
        && atrLen <= sizeof atr)
        m_atr = QByteArray(reinterpret_cast<const char *>(atr), qsizetype(atrLen));
    qCDebug(lcSchsm) << "connected to" << reader << "protocol" << protocol;
}

PcscChannel::~PcscChannel()
{
    if (m_connected)
        SCardDisconnect(SCARDHANDLE(m_card), SCARD_LEAVE_CARD);
    if (m_context)
        SCardReleaseContext(SCARDCONTEXT(m_context));
}

void PcscChannel::disconnectWithReset()
{
    if (!m_connected)
        return;
    const LONG rv = SCardDisconnect(SCARDHANDLE(m_card), SCARD_RESET_CARD);
    m_connected = false;
    if (rv != SCARD_S_SUCCESS)
        qCInfo(lcSchsm) << "reset on disconnect failed:" << SchsmError::pcscName(rv);
}

ResponseApdu PcscChannel::transmitRaw(const SecureBytes &apdu)
{
    if (!m_connected)
        throw SchsmError::fromPcsc(LONG(SCARD_E_NO_SMARTCARD), "SCardTransmit");
    const SCARD_IO_REQUEST *pci = m_protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    ReceiveBuffer rx;
    DWORD rxLen = kReceiveBuffer;
    checkPcsc(SCardTransmit(SCARDHANDLE(m_card), pci, apdu.data(), apdu.size(), nullptr, rx.bytes.data(), &rxLen),
              "SCardTransmit");
    if (rxLen > kReceiveBuffer)
        throw SchsmError::protocol(QCoreApplication::translate("SchsmError", "the answer is longer than its buffer"));
    if (rxLen < 2) {
        // The reader passed the command on but no status word came back: the card
        // went away mid-command (vpcd and some USB readers report it this way).
        throw SchsmError(SchsmError::Code::Removed,
                         QCoreApplication::translate("SchsmError",
                                                     "The device stopped answering in the middle of a command (no "
                                                     "status word)"));
    }
    return ResponseApdu::parse(rx.bytes.data(), rxLen);
}

ResponseApdu PcscChannel::transmit(const CommandApdu &command)
{
    ResponseApdu r = transmitRaw(command.bytes());
    // T=0 conventions: 6Cxx asks to repeat with Le = xx; 61xx offers xx more bytes.
    if ((r.sw & 0xFF00) == 0x6C00 && command.bytes().size() >= 5) {
        SecureBytes again = command.bytes().clone();
        again.data()[again.size() - 1] = quint8(r.sw & 0xFF);
        r = transmitRaw(again);
    }
    QByteArray data = r.data;
    int rounds = 0;
    while ((r.sw & 0xFF00) == 0x6100) {
        if (++rounds > 256 || data.size() > CommandApdu::kMaxExpected)
            throw SchsmError::protocol(QCoreApplication::translate("SchsmError", "the answer never ends"));
        const unsigned char getResponse[5] = {0x00, 0xC0, 0x00, 0x00, quint8(r.sw & 0xFF)};
        r = transmitRaw(SecureBytes(getResponse, sizeof getResponse));
        data += r.data;
    }
    r.data = data;
    qCDebug(lcSchsm).noquote() << QStringLiteral("INS %1 -> %2 (%3 bytes)")
                                      .arg(command.ins(), 2, 16, QLatin1Char('0'))
                                      .arg(SchsmError::swCode(r.sw))
                                      .arg(r.data.size());
    return r;
}

PcscChannel::Transaction::Transaction(PcscChannel &channel) : m_channel(channel)
{
    checkPcsc(SCardBeginTransaction(SCARDHANDLE(channel.m_card)), "SCardBeginTransaction");
    m_active = true;
}

PcscChannel::Transaction::~Transaction()
{
    if (m_active && m_channel.m_connected)
        SCardEndTransaction(SCARDHANDLE(m_channel.m_card), SCARD_LEAVE_CARD);
}

QStringList PcscChannel::readers()
{
    SCARDCONTEXT ctx = 0;
    checkPcsc(SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx), "SCardEstablishContext");
    DWORD len = 0;
    LONG rv = SCardListReaders(ctx, nullptr, nullptr, &len);
    QStringList out;
    if (rv == LONG(SCARD_E_NO_READERS_AVAILABLE)) {
        SCardReleaseContext(ctx);
        return out;
    }
    if (rv != SCARD_S_SUCCESS || len == 0 || len > 1024 * 1024) {
        SCardReleaseContext(ctx);
        checkPcsc(rv == SCARD_S_SUCCESS ? LONG(SCARD_E_INSUFFICIENT_BUFFER) : rv, "SCardListReaders");
    }
    std::vector<char> buf(len);
    rv = SCardListReaders(ctx, nullptr, buf.data(), &len);
    SCardReleaseContext(ctx);
    if (rv == LONG(SCARD_E_NO_READERS_AVAILABLE))
        return out;
    checkPcsc(rv, "SCardListReaders");
    // A multi-string: names separated by NUL, ended by an empty name; never trust len blindly.
    const std::size_t n = std::min<std::size_t>(len, buf.size());
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (buf[i] == '\0') {
            if (i > start)
                out << QString::fromUtf8(buf.data() + start, qsizetype(i - start));
            start = i + 1;
        }
    }
    return out;
}
