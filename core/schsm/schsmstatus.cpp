// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmstatus.h"

#include "dkek/keycheckvalue.h"
#include "schsm/schsmerror.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SchsmStatus)
};
} // namespace

PinState PinState::fromStatusWord(quint16 sw)
{
    PinState s;
    s.sw = sw;
    if ((sw & 0xFFF0) == 0x63C0) {
        s.triesLeft = sw & 0x0F;
        s.kind = s.triesLeft == 0 ? Kind::Locked : Kind::TriesLeft;
    } else if (sw == 0x9000) {
        s.kind = Kind::Verified;
    } else if (sw == 0x6983) {
        s.kind = Kind::Locked;
        s.triesLeft = 0;
    } else if (sw == 0x6A88) {
        s.kind = Kind::NotInitialized;
    } else if (sw == 0x6984) {
        s.kind = Kind::TransportPin;
    }
    return s;
}

QString PinState::text() const
{
    switch (kind) {
    case Kind::TriesLeft: return Tr::tr("%n tries left", nullptr, triesLeft);
    case Kind::Verified: return Tr::tr("verified in this session");
    case Kind::Locked: return Tr::tr("locked");
    case Kind::NotInitialized: return Tr::tr("not set (device not initialized)");
    case Kind::TransportPin: return Tr::tr("transport PIN, must be changed before use");
    case Kind::Unknown: break;
    }
    if (sw == 0)
        return Tr::tr("unknown");
    // The device's answer in words, with its code.
    return Tr::tr("unknown: %1").arg(SchsmError::fromStatusWord(sw, SwContext::General).message());
}

QString DkekState::unavailableText() const
{
    if (sw == 0)
        return Tr::tr("not reported by the device");
    return Tr::tr("not available: %1").arg(SchsmError::fromStatusWord(sw, SwContext::DkekImport).message());
}

QString PinState::jsonKind() const
{
    switch (kind) {
    case Kind::TriesLeft: return QStringLiteral("tries-left");
    case Kind::Verified: return QStringLiteral("verified");
    case Kind::Locked: return QStringLiteral("locked");
    case Kind::NotInitialized: return QStringLiteral("not-initialized");
    case Kind::TransportPin: return QStringLiteral("transport-pin");
    case Kind::Unknown: break;
    }
    return QStringLiteral("unknown");
}

DkekState DkekState::parse(const QByteArray &data)
{
    if (data.size() < 10)
        throw SchsmError::protocol(Tr::tr("the DKEK status has %n bytes instead of at least 10", nullptr, int(data.size())));
    DkekState s;
    s.known = true;
    s.sw = 0x9000;
    s.total = quint8(data.at(0));
    s.outstanding = quint8(data.at(1));
    s.kcv = data.mid(2, 8);
    if (s.outstanding > s.total)
        throw SchsmError::protocol(Tr::tr("the device reports more missing DKEK shares than it expects"));
    return s;
}

QString DkekState::summary() const
{
    if (total == 0)
        return Tr::tr("no DKEK shares");
    if (outstanding > 0)
        return Tr::tr("%n share(s) expected, %1 missing", nullptr, int(total)).arg(outstanding);
    return Tr::tr("%n share(s), complete, check value %1", nullptr, int(total)).arg(formatKeyCheckValue(kcv));
}

QString SchsmStatus::keyDomainsText() const
{
    QStringList lines;
    for (const KeyDomain &d : keyDomains) {
        const QString what = d.setUp ? d.dkek.summary() : Tr::tr("not set up");
        lines << (d.uid.isEmpty() ? Tr::tr("%1: %2").arg(d.index).arg(what)
                                  : Tr::tr("%1: %2, UID %3").arg(d.index).arg(what, QString::fromLatin1(d.uid.toHex()).toUpper()));
    }
    return lines.join(QLatin1Char('\n'));
}

QString SchsmStatus::firmwareText() const
{
    if (firmwareMajor < 0)
        return Tr::tr("unknown");
    return QStringLiteral("%1.%2").arg(firmwareMajor).arg(firmwareMinor);
}

QString SchsmStatus::text() const
{
    QStringList lines;
    const auto line = [&lines](const QString &label, const QString &value) {
        lines << label.leftJustified(24) + QStringLiteral(": ") + value;
    };
    line(Tr::tr("Reader"), reader);
    line(Tr::tr("Device serial"), serial.isEmpty() ? Tr::tr("unknown") : serial);
    line(Tr::tr("Firmware"), firmwareText());
    line(Tr::tr("Initialized"), initialized() ? Tr::tr("yes") : Tr::tr("no"));
    // The options are chosen at initialization: a device never initialized has none (not "no").
    const auto option = [this](quint16 bit) {
        return !initialized() ? Tr::tr("not set (device not initialized)") : (options & bit) ? Tr::tr("yes") : Tr::tr("no");
    };
    line(Tr::tr("SO may reset user PIN"), option(SchsmOption::ResetRetryCounter));
    line(Tr::tr("Transport PIN option"), option(SchsmOption::TransportPin));
    line(Tr::tr("User PIN"), userPin.text());
    line(Tr::tr("SO-PIN"), soPin.text());
    if (!dkek.known) {
        line(Tr::tr("DKEK"), dkek.unavailableText());
    } else {
        line(Tr::tr("DKEK shares expected"), QString::number(dkek.total));
        line(Tr::tr("DKEK shares missing"), QString::number(dkek.outstanding));
        line(Tr::tr("DKEK key check value"),
             dkek.outstanding == 0 ? formatKeyCheckValue(dkek.kcv) : Tr::tr("pending (shares missing)"));
    }
    for (const QString &domain : keyDomainsText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        line(Tr::tr("Key domain"), domain);
    return lines.join(QLatin1Char('\n'));
}

QJsonObject SchsmStatus::json() const
{
    const auto pin = [](const PinState &p) {
        QJsonObject o{{QStringLiteral("state"), p.jsonKind()}};
        if (p.triesLeft >= 0)
            o.insert(QStringLiteral("triesLeft"), p.triesLeft);
        return o;
    };
    QJsonObject o{
        {QStringLiteral("reader"), reader},
        {QStringLiteral("serial"), serial},
        {QStringLiteral("firmware"), firmwareText()},
        {QStringLiteral("initialized"), initialized()},
        // null on a device never initialized: it has no options yet.
        {QStringLiteral("soMayResetUserPin"), initialized() ? QJsonValue(bool(options & SchsmOption::ResetRetryCounter)) : QJsonValue()},
        {QStringLiteral("transportPin"), initialized() ? QJsonValue(bool(options & SchsmOption::TransportPin)) : QJsonValue()},
        {QStringLiteral("userPin"), pin(userPin)},
        {QStringLiteral("soPin"), pin(soPin)},
    };
    QJsonObject d{{QStringLiteral("available"), dkek.known}};
    if (dkek.known) {
        d.insert(QStringLiteral("sharesExpected"), dkek.total);
        d.insert(QStringLiteral("sharesMissing"), dkek.outstanding);
        if (dkek.outstanding == 0)
            d.insert(QStringLiteral("keyCheckValue"), formatKeyCheckValue(dkek.kcv));
    }
    o.insert(QStringLiteral("dkek"), d);
    QJsonArray domains;
    for (const KeyDomain &k : keyDomains) {
        QJsonObject kd{{QStringLiteral("index"), k.index}, {QStringLiteral("setUp"), k.setUp}};
        if (k.setUp) {
            kd.insert(QStringLiteral("sharesExpected"), k.dkek.total);
            kd.insert(QStringLiteral("sharesMissing"), k.dkek.outstanding);
            if (k.dkek.outstanding == 0)
                kd.insert(QStringLiteral("keyCheckValue"), formatKeyCheckValue(k.dkek.kcv));
        }
        if (!k.uid.isEmpty())
            kd.insert(QStringLiteral("uid"), QString::fromLatin1(k.uid.toHex()).toUpper());
        domains.append(kd);
    }
    if (!domains.isEmpty())
        o.insert(QStringLiteral("keyDomains"), domains);
    return o;
}
