// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <optional>

// Reads BER-TLV (one- or two-byte tags, definite lengths up to 0xFFFF) from
// device data, checking every length against what is there.
class TlvReader {
public:
    struct Item {
        quint16 tag = 0;
        QByteArray value;
    };
    explicit TlvReader(QByteArray data) : m_data(std::move(data)) {}
    bool atEnd() const { return m_pos >= m_data.size(); }
    // The next item, or nullopt (and atEnd() stays false) when it is malformed.
    std::optional<Item> next();
    // The first item with this tag at this level, or nullopt.
    static std::optional<QByteArray> find(const QByteArray &data, quint16 tag);

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
};

// BER-TLV encoding of one item (lengths up to 0xFFFF).
QByteArray encodeTlv(quint16 tag, const QByteArray &value);
