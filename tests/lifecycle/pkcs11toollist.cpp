// SPDX-License-Identifier: GPL-3.0-or-later
#include "pkcs11toollist.h"

#include "softhsmfixture.h"

#include <QRegularExpression>

QList<Pkcs11ToolSlot> Pkcs11ToolList::parse(const QString &output)
{
    QList<Pkcs11ToolSlot> slots;
    static const QRegularExpression head(QStringLiteral("^Slot \\d+ \\((0x[0-9a-fA-F]+)\\)"));
    static const QRegularExpression field(QStringLiteral("^\\s+([a-z /]+?)\\s*:\\s*(.*)$"));
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        const auto h = head.match(line);
        if (h.hasMatch()) {
            slots.append(Pkcs11ToolSlot{});
            slots.last().slotId = h.captured(1);
            continue;
        }
        if (slots.isEmpty())
            continue;
        const auto f = field.match(line);
        if (!f.hasMatch())
            continue;
        Pkcs11ToolSlot &s = slots.last();
        const QString key = f.captured(1).trimmed();
        const QString value = f.captured(2).trimmed();
        if (key == QLatin1String("token label")) {
            s.label = value;
            s.initialized = true; // pkcs11-tool prints "token state: uninitialized" instead for a blank one
        } else if (key == QLatin1String("serial num")) {
            s.serial = value;
        } else if (key == QLatin1String("token flags")) {
            for (const QString &flag : value.split(QLatin1Char(',')))
                s.flags << flag.trimmed();
        }
    }
    return slots;
}

QList<Pkcs11ToolSlot> Pkcs11ToolList::read(const QString &module)
{
    const QByteArray out = SoftHsmFixture::run(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), module,
                                                                               QStringLiteral("-L")});
    return parse(QString::fromUtf8(out));
}

Pkcs11ToolSlot Pkcs11ToolList::bySerial(const QString &module, const QString &serial)
{
    for (const Pkcs11ToolSlot &s : read(module))
        if (s.serial == serial)
            return s;
    return Pkcs11ToolSlot{};
}
