// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/tlv.h"

std::optional<TlvReader::Item> TlvReader::next()
{
    const auto byte = [this](qsizetype i) { return quint8(m_data.at(i)); };
    qsizetype p = m_pos;
    const qsizetype n = m_data.size();
    if (p >= n)
        return std::nullopt;
    quint16 tag = byte(p++);
    if ((tag & 0x1F) == 0x1F) {
        if (p >= n || (byte(p) & 0x80))
            return std::nullopt; // tags longer than two bytes do not occur here
        tag = quint16((tag << 8) | byte(p++));
    }
    if (p >= n)
        return std::nullopt;
    qsizetype len = byte(p++);
    if (len == 0x81) {
        if (p >= n)
            return std::nullopt;
        len = byte(p++);
    } else if (len == 0x82) {
        if (p + 2 > n)
            return std::nullopt;
        len = (qsizetype(byte(p)) << 8) | byte(p + 1);
        p += 2;
    } else if (len >= 0x80) {
        return std::nullopt;
    }
    if (len > n - p)
        return std::nullopt;
    Item item{tag, m_data.mid(p, len)};
    m_pos = p + len;
    return item;
}

std::optional<QByteArray> TlvReader::find(const QByteArray &data, quint16 tag)
{
    TlvReader r(data);
    while (auto item = r.next()) {
        if (item->tag == tag)
            return item->value;
    }
    return std::nullopt;
}

QByteArray encodeTlv(quint16 tag, const QByteArray &value)
{
    QByteArray out;
    if (tag > 0xFF)
        out.append(char(tag >> 8));
    out.append(char(tag & 0xFF));
    const qsizetype n = value.size();
    if (n < 0x80) {
        out.append(char(n));
    } else if (n <= 0xFF) {
        out.append(char(0x81));
        out.append(char(n));
    } else {
        out.append(char(0x82));
        out.append(char((n >> 8) & 0xFF));
        out.append(char(n & 0xFF));
    }
    return out + value;
}
