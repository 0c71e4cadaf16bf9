// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmtokenlink.h"

namespace {
// CK_SLOT_INFO.slotDescription and CK_TOKEN_INFO.serialNumber are fixed-size fields.
constexpr qsizetype kSlotDescriptionSize = 64;
constexpr qsizetype kTokenSerialSize = 16;

// The field as a module fills it from a longer text: the first size bytes, padding dropped.
QByteArray asField(const QString &text, qsizetype size)
{
    QByteArray bytes = text.toUtf8().left(size);
    while (!bytes.isEmpty() && bytes.back() == ' ')
        bytes.chop(1);
    return bytes;
}
} // namespace

bool SchsmTokenLink::slotIsReader(const QString &slotDescription, const QString &reader)
{
    const QByteArray description = slotDescription.trimmed().toUtf8();
    return !description.isEmpty() && description == asField(reader.trimmed(), kSlotDescriptionSize);
}

QString SchsmTokenLink::readerOf(const QString &slotDescription, const QStringList &readers)
{
    for (const QString &reader : readers)
        if (slotIsReader(slotDescription, reader))
            return reader;
    return {};
}

bool SchsmTokenLink::isDevice(const QString &slotDescription, const QString &tokenSerial, const SchsmStatus &device)
{
    const QByteArray serial = tokenSerial.trimmed().toUtf8();
    return slotIsReader(slotDescription, device.reader) && !device.serial.isEmpty()
        && serial == asField(device.serial, kTokenSerialSize);
}
