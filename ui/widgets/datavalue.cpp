// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/datavalue.h"

#include "inventory/p11text.h"

#include <QStringDecoder>
#include <QStringList>

#include <algorithm>
#include <climits>
#include <limits>

#include <openssl/objects.h>

bool DataValue::isText(const QByteArray &value)
{
    if (value.isEmpty())
        return false;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString s = utf8(value);
    if (utf8.hasError())
        return false;
    s.remove(QLatin1Char('\n')).remove(QLatin1Char('\r')).remove(QLatin1Char('\t'));
    return !P11Text::needsEscaping(s);
}

QString DataValue::display(const QByteArray &value, qsizetype maxBytes)
{
    if (value.isEmpty())
        return tr("(empty)");
    const QByteArray shown = value.left(maxBytes);
    QString out = isText(value) ? QString::fromUtf8(shown) : QString::fromLatin1(shown.toHex(' '));
    if (shown.size() < value.size())
        out += QLatin1Char('\n') + tr("… (%1 bytes in all)").arg(value.size());
    return out;
}

std::optional<QString> DataValue::oid(const QByteArray &der)
{
    // Tag 0x06, a short-form length (an OID longer than 127 bytes is not a real one), the arcs.
    if (der.size() < 3 || quint8(der[0]) != 0x06 || (quint8(der[1]) & 0x80) || quint8(der[1]) != der.size() - 2)
        return std::nullopt;
    return oidFromContent(der.mid(2));
}

std::optional<QString> DataValue::oidFromContent(const QByteArray &content)
{
    if (content.isEmpty() || content.size() > 127)
        return std::nullopt;
    QStringList arcs;
    quint64 v = 0;
    bool start = true;
    for (qsizetype i = 0; i < content.size(); ++i) {
        const quint8 b = quint8(content[i]);
        if (start && b == 0x80)
            return std::nullopt; // not minimally encoded
        if (v > (std::numeric_limits<quint64>::max() >> 7))
            return std::nullopt;
        v = (v << 7) | (b & 0x7f);
        start = !(b & 0x80);
        if (!start)
            continue;
        if (arcs.isEmpty()) {
            const quint64 first = v < 40 ? 0 : v < 80 ? 1 : 2;
            arcs << QString::number(first) << QString::number(v - first * 40);
        } else {
            arcs << QString::number(v);
        }
        v = 0;
    }
    if (!start)
        return std::nullopt; // the last arc is cut off
    return arcs.join(QLatin1Char('.'));
}

namespace {
QString named(const QString &dotted)
{
    const int nid = OBJ_txt2nid(dotted.toLatin1().constData());
    return nid == NID_undef ? dotted : QStringLiteral("%1 (%2)").arg(dotted, QString::fromLatin1(OBJ_nid2ln(nid)));
}
} // namespace

QString DataValue::oidDisplay(const QByteArray &der)
{
    if (const auto dotted = oid(der))
        return named(*dotted);
    // Vendor quirk (OpenSC's pkcs11-tool): the OID's content octets without tag and length.
    if (const auto dotted = oidFromContent(der))
        return tr("%1 — stored without its DER tag and length, as pkcs11-tool writes it").arg(named(*dotted));
    return tr("not an object identifier: %1").arg(QString::fromLatin1(der.left(64).toHex(' ')));
}
