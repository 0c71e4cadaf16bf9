// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QString>
#include <QStringList>

#include <optional>

// Turning PKCS#11 structures into words: blank-padded strings, versions, flags.
namespace P11Text {
// The field as stored, blank padding (spaces, and the NULs some modules use) trimmed.
// For matching (labels a user typed, vendor names); never for display: use text()/displayText().
template <std::size_t N>
QString padded(const CK_UTF8CHAR (&field)[N])
{
    return QString::fromUtf8(reinterpret_cast<const char *>(field), qsizetype(N)).trimmed();
}

// What a fixed-size field (label, serial, manufacturer, model…) holds once the
// padding is trimmed: readable text; nothing (only spaces or NULs, as on blank
// tokens); or bytes that are not printable text (invalid UTF-8, control or bidi
// characters), which are shown in hex so they cannot be mistaken or typed wrong.
enum class FieldForm { Text, Blank, Binary };
FieldForm fieldForm(const QByteArray &raw);
// For JSON and identity keys (stable, untranslated): the text, "" when blank, "hex:0a1b…" when binary.
QString text(const QByteArray &raw);
// For people: like text(), but "(none)" (translated) when blank.
QString displayText(const QByteArray &raw);
template <std::size_t N>
QByteArray bytes(const CK_UTF8CHAR (&field)[N])
{
    return QByteArray(reinterpret_cast<const char *>(field), qsizetype(N));
}
template <std::size_t N>
QString text(const CK_UTF8CHAR (&field)[N])
{
    return text(bytes(field));
}
template <std::size_t N>
QString displayText(const CK_UTF8CHAR (&field)[N])
{
    return displayText(bytes(field));
}
// Free text from a module or a certificate (object labels, subjects) made safe for
// a terminal: control characters (ESC, newline…), bidi overrides (U+202E…) and other
// invisible format characters become visible escapes such as \x1b, \n or \u202e.
// Backslashes are doubled so an escape cannot be faked.
QString escaped(const QString &s);
// True when s holds characters escaped() makes visible (control, bidi, format).
bool needsEscaping(const QString &s);

QString version(const CK_VERSION &v);
// Each set CKF_ token flag, as a short English name (for the --list output and tooltips).
QStringList tokenFlagNames(CK_FLAGS f);
QStringList mechanismFlagNames(CK_FLAGS f);
QStringList slotFlagNames(CK_FLAGS f);
// One line on the PIN: "OK", "one try left", "locked", "not set" (also for every PIN of an
// uninitialized token, whatever flags it shows) …
QString userPinState(CK_FLAGS f);
QString soPinState(CK_FLAGS f);
// A count or size from CK_TOKEN_INFO (memory, PIN lengths, open sessions): the number,
// 0 included, or "unknown" for CK_UNAVAILABLE_INFORMATION.
QString ulongOrUnknown(CK_ULONG v);
// ulMaxSessionCount / ulMaxRwSessionCount, the only fields where 0 is CK_EFFECTIVELY_INFINITE:
// "unlimited" for 0, "unknown" for CK_UNAVAILABLE_INFORMATION, else the number.
QString sessionLimit(CK_ULONG v);
// Token memory as PKCS#11 defines it: a byte count, or CK_UNAVAILABLE_INFORMATION when
// the token does not say. CK_EFFECTIVELY_INFINITE is for session counts only; its value
// is 0, so a memory field of 0 means no memory left, never "unlimited".
// "123 of 456 bytes free", "not reported by the token", or the one half that is known.
QString memoryText(CK_ULONG freeBytes, CK_ULONG totalBytes);
// A count or size from CK_TOKEN_INFO (memory, PIN lengths): nullopt when the token
// does not say (CK_UNAVAILABLE_INFORMATION).
std::optional<qint64> ulongValue(CK_ULONG v);
} // namespace P11Text
