// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QString>
#include <QStringList>

// Turning PKCS#11 structures into words: blank-padded strings, versions, flags.
namespace P11Text {
template <std::size_t N>
QString padded(const CK_UTF8CHAR (&field)[N])
{
    return QString::fromUtf8(reinterpret_cast<const char *>(field), qsizetype(N)).trimmed();
}
QString version(const CK_VERSION &v);
// Each set CKF_ token flag, as a short English name (for the --list output and tooltips).
QStringList tokenFlagNames(CK_FLAGS f);
QStringList mechanismFlagNames(CK_FLAGS f);
QStringList slotFlagNames(CK_FLAGS f);
// One line on the PIN: "OK", "1 try left", "locked" …
QString userPinState(CK_FLAGS f);
QString soPinState(CK_FLAGS f);
// "unknown" for CK_UNAVAILABLE_INFORMATION / CK_EFFECTIVELY_INFINITE as "unlimited".
QString ulongOrUnknown(CK_ULONG v);
} // namespace P11Text
