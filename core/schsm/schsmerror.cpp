// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmerror.h"

#include <QCoreApplication>

#include <winscard.h>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SchsmError)
};

QString withCode(const QString &sentence, const QString &code)
{
    return sentence + QStringLiteral(" (") + code + QLatin1Char(')');
}

QString wrongPin(SwContext context, int left)
{
    if (context == SwContext::SoPin) {
        if (left == 0)
            return Tr::tr("Wrong SO-PIN — no tries left: the SO-PIN is now locked and the device can no longer be "
                      "initialized");
        return Tr::tr("Wrong SO-PIN — %n tries left", nullptr, left);
    }
    if (left == 0)
        return Tr::tr("Wrong user PIN — no tries left: the user PIN is now locked");
    return Tr::tr("Wrong user PIN — %n tries left", nullptr, left);
}

QString sentenceFor(quint16 sw, SwContext context)
{
    if ((sw & 0xFFF0) == 0x63C0)
        return wrongPin(context, sw & 0x0F);
    switch (sw) {
    case 0x6983:
        if (context == SwContext::SoPin)
            return Tr::tr("The SO-PIN is locked: the device refuses initialization and PIN resets for good");
        if (context == SwContext::UserPin)
            return Tr::tr("The user PIN is locked; an SO-PIN holder can reset it if the device allows that");
        return Tr::tr("The device refused: the PIN it needs for this is locked");
    case 0x6984:
        if (context == SwContext::UserPin)
            return Tr::tr("The user PIN is still the transport PIN: change it before using the device");
        return Tr::tr("The device refused: the referenced data is not usable");
    case 0x6982:
        return Tr::tr("The device refused: log in with the user PIN first");
    case 0x6985:
        if (context == SwContext::DkekImport)
            return Tr::tr("The device takes no DKEK share now: it is not initialized, was initialized without DKEK "
                      "shares, or already has all of them");
        if (context == SwContext::KeyWrap)
            return Tr::tr("The device refused to export the key: every DKEK share must be imported first, and the "
                      "key must have been generated with the permission to be exported");
        if (context == SwContext::KeyUnwrap)
            return Tr::tr("The device refused to import the key: every DKEK share must be imported first");
        return Tr::tr("The device refused: the conditions for this command are not met");
    case 0x6A88:
        if (context == SwContext::UserPin || context == SwContext::SoPin)
            return Tr::tr("The device has not been initialized yet");
        if (context == SwContext::KeyWrap)
            return Tr::tr("The device has no key under this key reference");
        return Tr::tr("The device does not have the data this command refers to");
    case 0x6A82:
        if (context == SwContext::SelectApp)
            return Tr::tr("This card has no SmartCard-HSM application");
        return Tr::tr("The file does not exist on the device");
    case 0x6A80:
        if (context == SwContext::KeyUnwrap)
            return Tr::tr("The device refused the key blob: it was not made under this device's DKEK, or it is damaged");
        return Tr::tr("The device refused the values sent (wrong data)");
    case 0x6A89:
        if (context == SwContext::KeyUnwrap)
            return Tr::tr("The device already holds a key under this key reference");
        return Tr::tr("The file or key exists already on the device");
    case 0x6A84:
        return Tr::tr("The device has no room left");
    case 0x6A86:
    case 0x6B00:
        return Tr::tr("The device refused the command's parameters");
    case 0x6700:
        return Tr::tr("The device refused the command's length");
    case 0x6D00:
        return Tr::tr("The device does not support this command");
    case 0x6E00:
        return Tr::tr("The device does not support this command class");
    case 0x6581:
        return Tr::tr("The device reported a memory failure");
    case 0x6F00:
        return Tr::tr("The device reported an internal error");
    default:
        return Tr::tr("The device reported an error");
    }
}
} // namespace

QString SchsmError::swCode(quint16 sw)
{
    return QStringLiteral("SW ") + QString::number(sw, 16).rightJustified(4, QLatin1Char('0')).toUpper();
}

SchsmError SchsmError::fromStatusWord(quint16 sw, SwContext context)
{
    return SchsmError(Code::StatusWord, withCode(sentenceFor(sw, context), swCode(sw)), sw);
}

QString SchsmError::pcscName(qint64 rv)
{
    switch (LONG(rv)) {
    case LONG(SCARD_W_REMOVED_CARD): return QStringLiteral("SCARD_W_REMOVED_CARD");
    case LONG(SCARD_W_RESET_CARD): return QStringLiteral("SCARD_W_RESET_CARD");
    case LONG(SCARD_W_UNPOWERED_CARD): return QStringLiteral("SCARD_W_UNPOWERED_CARD");
    case LONG(SCARD_W_UNRESPONSIVE_CARD): return QStringLiteral("SCARD_W_UNRESPONSIVE_CARD");
    case LONG(SCARD_E_NO_SMARTCARD): return QStringLiteral("SCARD_E_NO_SMARTCARD");
    case LONG(SCARD_E_NOT_TRANSACTED): return QStringLiteral("SCARD_E_NOT_TRANSACTED");
    case LONG(SCARD_E_READER_UNAVAILABLE): return QStringLiteral("SCARD_E_READER_UNAVAILABLE");
    case LONG(SCARD_E_UNKNOWN_READER): return QStringLiteral("SCARD_E_UNKNOWN_READER");
    case LONG(SCARD_E_NO_READERS_AVAILABLE): return QStringLiteral("SCARD_E_NO_READERS_AVAILABLE");
    case LONG(SCARD_E_NO_SERVICE): return QStringLiteral("SCARD_E_NO_SERVICE");
    case LONG(SCARD_E_SERVICE_STOPPED): return QStringLiteral("SCARD_E_SERVICE_STOPPED");
    case LONG(SCARD_E_SHARING_VIOLATION): return QStringLiteral("SCARD_E_SHARING_VIOLATION");
    case LONG(SCARD_E_TIMEOUT): return QStringLiteral("SCARD_E_TIMEOUT");
    case LONG(SCARD_E_PROTO_MISMATCH): return QStringLiteral("SCARD_E_PROTO_MISMATCH");
    case LONG(SCARD_E_INSUFFICIENT_BUFFER): return QStringLiteral("SCARD_E_INSUFFICIENT_BUFFER");
    case LONG(SCARD_E_COMM_DATA_LOST): return QStringLiteral("SCARD_E_COMM_DATA_LOST");
    case LONG(SCARD_F_COMM_ERROR): return QStringLiteral("SCARD_F_COMM_ERROR");
    default:
        return QStringLiteral("SCARD 0x") + QString::number(quint32(rv), 16).rightJustified(8, QLatin1Char('0')).toUpper();
    }
}

SchsmError SchsmError::fromPcsc(qint64 rv, const char *function)
{
    Q_UNUSED(function)
    const QString code = pcscName(rv);
    switch (LONG(rv)) {
    case LONG(SCARD_W_REMOVED_CARD):
    case LONG(SCARD_W_RESET_CARD):
    case LONG(SCARD_W_UNPOWERED_CARD):
    case LONG(SCARD_E_NOT_TRANSACTED):
    case LONG(SCARD_E_COMM_DATA_LOST):
    case LONG(SCARD_F_COMM_ERROR):
        return SchsmError(Code::Removed, withCode(Tr::tr("The device was removed or reset during the operation"), code),
                          0, rv);
    case LONG(SCARD_E_NO_SMARTCARD):
        return SchsmError(Code::NoReader, withCode(Tr::tr("There is no card in the reader"), code), 0, rv);
    case LONG(SCARD_E_READER_UNAVAILABLE):
    case LONG(SCARD_E_UNKNOWN_READER):
    case LONG(SCARD_E_NO_READERS_AVAILABLE):
        return SchsmError(Code::NoReader, withCode(Tr::tr("The reader is not available"), code), 0, rv);
    case LONG(SCARD_E_NO_SERVICE):
    case LONG(SCARD_E_SERVICE_STOPPED):
        return SchsmError(Code::NoService,
                          withCode(Tr::tr("The smart card service (pcscd) is not running"), code), 0, rv);
    case LONG(SCARD_E_SHARING_VIOLATION):
        return SchsmError(Code::Pcsc,
                          withCode(Tr::tr("Another program holds the card exclusively; close it and try again"), code),
                          0, rv);
    default:
        return SchsmError(Code::Pcsc, withCode(Tr::tr("Talking to the card failed"), code), 0, rv);
    }
}

SchsmError SchsmError::protocol(const QString &what)
{
    return SchsmError(Code::Protocol, Tr::tr("The device's answer cannot be used: %1").arg(what));
}

SchsmError SchsmError::refused(const QString &sentence)
{
    return SchsmError(Code::Refused, sentence);
}

QString SchsmError::messageNothingChanged() const
{
    // A device sentence ends with its code "(SW 63CE)", a refusal with a full stop.
    QString first = message();
    if (first.endsWith(QLatin1Char('.')))
        first.chop(1);
    return Tr::tr("%1. Nothing on the device was changed.").arg(first);
}
