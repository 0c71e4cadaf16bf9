// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmcard.h"

#include "schsm/pcscchannel.h"
#include "schsm/schsmlog.h"
#include "schsm/tlv.h"

#include <QCoreApplication>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SchsmCard)
};

void appendTlv(SecureBytes &out, quint8 tag, const unsigned char *value, std::size_t size)
{
    const unsigned char head[2] = {tag, quint8(size)};
    out.append(head, sizeof head);
    out.append(value, size);
}
} // namespace

QByteArray SchsmCard::aid()
{
    return QByteArray::fromHex("E82B0601040181C31F0201");
}

ResponseApdu SchsmCard::transmitChecked(const CommandApdu &command, SwContext context)
{
    ResponseApdu r = m_transport.transmit(command);
    if (!r.ok())
        throw SchsmError::fromStatusWord(r.sw, context);
    return r;
}

SchsmCard::Application SchsmCard::selectApplication()
{
    const QByteArray id = aid();
    const ResponseApdu r = m_transport.transmit(
        CommandApdu(0x00, 0xA4, 0x04, 0x04, SecureBytes(id.constData(), std::size_t(id.size())), 256));
    if (r.sw == 0x6A82 || r.sw == 0x6A86 || r.sw == 0x6D00 || r.sw == 0x6E00)
        throw SchsmError(SchsmError::Code::NotSmartCardHsm,
                         SchsmError::fromStatusWord(0x6A82, SwContext::SelectApp).message(), r.sw);
    if (!r.ok())
        throw SchsmError::fromStatusWord(r.sw, SwContext::SelectApp);
    Application app;
    // FCP (62) → proprietary data (85): …, options (2 bytes before the last three), type, major, minor.
    const auto fcp = TlvReader::find(r.data, 0x62);
    const auto prop = fcp ? TlvReader::find(*fcp, 0x85) : std::nullopt;
    if (!prop || prop->size() < 2)
        throw SchsmError::protocol(Tr::tr("the application reports no version"));
    const qsizetype n = prop->size();
    app.firmwareMajor = quint8(prop->at(n - 2));
    app.firmwareMinor = quint8(prop->at(n - 1));
    if (n >= 5)
        app.options = quint16((quint8(prop->at(n - 5)) << 8) | quint8(prop->at(n - 4)));
    return app;
}

PinState SchsmCard::pinState(quint8 reference)
{
    // VERIFY without data: the device answers with the retry counter; no PIN is sent.
    const ResponseApdu r = m_transport.transmit(CommandApdu(0x00, 0x20, 0x00, reference));
    return PinState::fromStatusWord(r.sw);
}

DkekState SchsmCard::dkekState()
{
    const ResponseApdu r = m_transport.transmit(CommandApdu(0x80, 0x52, 0x00, 0x00, SecureBytes(), 256));
    if (!r.ok()) {
        DkekState s;
        s.sw = r.sw;
        return s;
    }
    return DkekState::parse(r.data);
}

QList<KeyDomain> SchsmCard::keyDomains()
{
    QList<KeyDomain> out;
    for (int i = 1; i <= kMaxKeyDomains; ++i) {
        const ResponseApdu r = m_transport.transmit(CommandApdu(0x80, 0x52, 0x00, quint8(i), SecureBytes(), 256));
        KeyDomain d;
        d.index = i;
        if (r.ok()) {
            d.setUp = true;
            d.dkek = DkekState::parse(r.data);
            d.uid = r.data.mid(10, 64); // a UID longer than 64 bytes is not one
        } else if (r.sw != 0x6A88) {
            break; // 6A86: past the last domain; anything else: the device has none
        }
        out << d;
    }
    return out;
}

QByteArray SchsmCard::readBinary(quint16 fid, int maxSize)
{
    constexpr int kChunk = 1024;
    QByteArray out;
    while (out.size() < maxSize) {
        const unsigned char offset[4] = {0x54, 0x02, quint8(out.size() >> 8), quint8(out.size())};
        const ResponseApdu r = m_transport.transmit(CommandApdu(0x00, 0xB1, quint8(fid >> 8), quint8(fid),
                                                                SecureBytes(offset, sizeof offset), kChunk));
        if (r.sw != 0x9000 && r.sw != 0x6282)
            throw SchsmError::fromStatusWord(r.sw, SwContext::File);
        if (r.data.size() > kChunk)
            throw SchsmError::protocol(Tr::tr("a file chunk is longer than asked for"));
        out += r.data;
        if (r.sw == 0x6282 || r.data.size() < kChunk)
            return out;
        if (out.size() > 0xFFFF)
            break;
    }
    throw SchsmError::protocol(Tr::tr("a file on the device is larger than expected"));
}

void SchsmCard::updateBinary(quint16 fid, const QByteArray &data)
{
    // UPDATE BINARY with odd INS: 54 (offset) and 53 (data) in the command data.
    constexpr int kChunk = 1024;
    qsizetype offset = 0;
    do {
        const QByteArray part = data.mid(offset, kChunk);
        if (offset > 0xFFFF)
            throw SchsmError::protocol(Tr::tr("the file is too large for the device"));
        QByteArray at(2, '\0');
        at[0] = char((offset >> 8) & 0xFF);
        at[1] = char(offset & 0xFF);
        const QByteArray body = encodeTlv(0x54, at) + encodeTlv(0x53, part);
        transmitChecked(CommandApdu(0x00, 0xD7, quint8(fid >> 8), quint8(fid),
                                    SecureBytes(body.constData(), std::size_t(body.size()))),
                        SwContext::File);
        offset += part.size();
    } while (offset < data.size());
}

QString SchsmCard::serialFromDeviceCertificate(const QByteArray &certificate)
{
    const auto cert = TlvReader::find(certificate, 0x7F21);
    const auto body = cert ? TlvReader::find(*cert, 0x7F4E) : std::nullopt;
    const auto chr = body ? TlvReader::find(*body, 0x5F20) : std::nullopt;
    // OpenSC strips the 5-digit sequence number; a CHR shorter than 8 is not a device's.
    if (!chr || chr->size() < 8 || chr->size() > 16)
        return {};
    for (char c : *chr) {
        if (c < 0x20 || c > 0x7E)
            return {};
    }
    return QString::fromLatin1(chr->left(chr->size() - 5));
}

QString SchsmCard::serial()
{
    return serialFromDeviceCertificate(readBinary(kDeviceCertificate));
}

void SchsmCard::verifyUserPin(const SecureBytes &pin)
{
    transmitChecked(CommandApdu(0x00, 0x20, 0x00, kUserPin, pin), SwContext::UserPin);
}

void SchsmCard::verifySoPin(const SecureBytes &soPin)
{
    if (soPin.size() != kSoPinSize)
        throw SchsmError::refused(Tr::tr("An SO-PIN has 16 hexadecimal digits."));
    transmitChecked(CommandApdu(0x00, 0x20, 0x00, kSoPin, soPin), SwContext::SoPin);
}

void SchsmCard::initialize(const InitializeFields &f)
{
    if (!f.soPin || f.soPin->size() != kSoPinSize || !f.userPin || f.userPin->size() < 6 || f.userPin->size() > 16
        || f.retryCounter < 1 || f.retryCounter > 10 || f.dkekShares < 0 || f.dkekShares > 255)
        throw SchsmError::refused(Tr::tr("The initialization values are incomplete."));
    SecureBytes data;
    const unsigned char options[2] = {quint8(f.options >> 8), quint8(f.options)};
    appendTlv(data, 0x80, options, sizeof options);
    appendTlv(data, 0x81, f.userPin->data(), f.userPin->size());
    appendTlv(data, 0x82, f.soPin->data(), f.soPin->size());
    const unsigned char retry = quint8(f.retryCounter);
    appendTlv(data, 0x91, &retry, 1);
    const unsigned char shares = quint8(f.dkekShares);
    appendTlv(data, 0x92, &shares, 1);
    transmitChecked(CommandApdu(0x80, 0x50, 0x00, 0x00, data), SwContext::SoPin);
    qCInfo(lcSchsm) << "device initialized;" << f.dkekShares << "DKEK share(s), options" << Qt::hex << f.options;
}

void SchsmCard::changeSoPin(const SecureBytes &oldSoPin, const SecureBytes &newSoPin)
{
    if (oldSoPin.size() != kSoPinSize || newSoPin.size() != kSoPinSize)
        throw SchsmError::refused(Tr::tr("An SO-PIN has 16 hexadecimal digits."));
    SecureBytes data = oldSoPin.clone();
    data.append(newSoPin.data(), newSoPin.size());
    transmitChecked(CommandApdu(0x00, 0x24, 0x00, kSoPin, data), SwContext::SoPin);
}

DkekState SchsmCard::importDkekShare(const SecureBytes &share)
{
    if (share.size() != kDkekShareSize)
        throw SchsmError::refused(Tr::tr("A DKEK share has exactly 32 bytes."));
    const ResponseApdu r = transmitChecked(CommandApdu(0x80, 0x52, 0x00, 0x00, share, 256), SwContext::DkekImport);
    return DkekState::parse(r.data);
}

QList<quint16> SchsmCard::enumerateObjects()
{
    const ResponseApdu r = transmitChecked(CommandApdu(0x80, 0x58, 0x00, 0x00, SecureBytes(), 65536), SwContext::General);
    if (r.data.size() % 2 != 0)
        throw SchsmError::protocol(Tr::tr("the list of objects has an odd length"));
    QList<quint16> fids;
    for (qsizetype i = 0; i + 1 < r.data.size(); i += 2)
        fids << quint16((quint8(r.data.at(i)) << 8) | quint8(r.data.at(i + 1)));
    return fids;
}

QString SchsmCard::label()
{
    try {
        return labelFromTokenInfo(readBinary(kTokenInfo, 1024));
    } catch (const SchsmError &e) {
        if (e.code() == SchsmError::Code::StatusWord && e.sw() == 0x6A82)
            return {}; // never labelled
        throw;
    }
}

QByteArray SchsmCard::wrapKey(quint8 keyReference)
{
    const ResponseApdu r = transmitChecked(
        CommandApdu(0x80, 0x72, keyReference, 0x92, SecureBytes(), CommandApdu::kMaxExpected), SwContext::KeyWrap);
    return r.data;
}

void SchsmCard::unwrapKey(quint8 keyReference, const QByteArray &blob)
{
    // Always the extended form, as OpenSC sends it (every blob but the smallest needs it anyway).
    transmitChecked(CommandApdu(0x80, 0x74, keyReference, 0x93, SecureBytes(blob.constData(), std::size_t(blob.size())),
                                CommandApdu::kNoResponse, true),
                    SwContext::KeyUnwrap);
}

void SchsmCard::deleteFile(quint16 fid)
{
    const unsigned char id[2] = {quint8(fid >> 8), quint8(fid)};
    transmitChecked(CommandApdu(0x00, 0xE4, 0x02, 0x00, SecureBytes(id, sizeof id)), SwContext::File);
}

QString SchsmCard::labelFromTokenInfo(const QByteArray &tokenInfo)
{
    const auto content = TlvReader::find(tokenInfo, 0x30);
    const auto label = content ? TlvReader::find(*content, 0x80) : std::nullopt;
    if (!label || label->size() > 255)
        return {};
    return QString::fromUtf8(*label);
}

QByteArray SchsmCard::tokenInfo(const QString &label)
{
    const QByteArray utf8 = label.toUtf8();
    if (utf8.isEmpty() || utf8.size() > 32)
        throw SchsmError::refused(Tr::tr("The label must have 1 to 32 bytes in UTF-8."));
    const QByteArray content = encodeTlv(0x02, QByteArray(1, '\0')) + encodeTlv(0x80, utf8)
                               + encodeTlv(0x03, QByteArray::fromHex("0520"));
    return encodeTlv(0x30, content);
}

SecureBytes SchsmCard::decodeSoPin(const SecureBytes &hexText)
{
    if (hexText.size() != 2 * kSoPinSize)
        throw SchsmError::refused(Tr::tr("The SO-PIN has exactly 16 hexadecimal digits (0-9, A-F)."));
    SecureBytes out(kSoPinSize);
    for (int i = 0; i < 2 * kSoPinSize; ++i) {
        const unsigned char c = hexText.data()[i];
        int v = -1;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        if (v < 0)
            throw SchsmError::refused(Tr::tr("The SO-PIN has exactly 16 hexadecimal digits (0-9, A-F)."));
        out.data()[i / 2] = quint8((out.data()[i / 2] << 4) | v);
    }
    return out;
}
