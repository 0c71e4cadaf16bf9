// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/p11text.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(P11Text)
};

struct FlagName {
    CK_FLAGS flag;
    const char *name;
};

QStringList names(CK_FLAGS f, std::initializer_list<FlagName> table)
{
    QStringList out;
    for (const auto &e : table)
        if (f & e.flag)
            out << QString::fromLatin1(e.name);
    return out;
}

QString pinState(CK_FLAGS f, CK_FLAGS locked, CK_FLAGS finalTry, CK_FLAGS countLow, CK_FLAGS toBeChanged)
{
    if (f & locked)
        return Tr::tr("locked");
    if (f & finalTry)
        return Tr::tr("one try left");
    if (f & countLow)
        return Tr::tr("a wrong PIN was entered since the last successful login");
    if (f & toBeChanged)
        return Tr::tr("must be changed");
    return Tr::tr("OK");
}
} // namespace

namespace {
// The field without its padding: trailing spaces and NULs, leading spaces.
QByteArray unpadded(const QByteArray &raw)
{
    qsizetype end = raw.size();
    while (end > 0 && (raw.at(end - 1) == ' ' || raw.at(end - 1) == '\0'))
        --end;
    qsizetype begin = 0;
    while (begin < end && raw.at(begin) == ' ')
        ++begin;
    return raw.mid(begin, end - begin);
}
} // namespace

P11Text::FieldForm P11Text::fieldForm(const QByteArray &raw)
{
    const QByteArray field = unpadded(raw);
    if (field.isEmpty())
        return FieldForm::Blank;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString s = utf8(field);
    if (utf8.hasError() || needsEscaping(s))
        return FieldForm::Binary;
    return FieldForm::Text;
}

QString P11Text::text(const QByteArray &raw)
{
    switch (fieldForm(raw)) {
    case FieldForm::Blank: return {};
    case FieldForm::Binary: return QStringLiteral("hex:") + QString::fromLatin1(unpadded(raw).toHex());
    case FieldForm::Text: break;
    }
    return QString::fromUtf8(unpadded(raw));
}

QString P11Text::displayText(const QByteArray &raw)
{
    return fieldForm(raw) == FieldForm::Blank ? QCoreApplication::translate("P11Text", "(none)") : text(raw);
}

namespace {
// Characters that change how the rest of a line reads: bidi embeddings, overrides
// and isolates, marks, zero-width and other format characters, separators.
bool invisible(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x061c || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || c == 0xfeff
        || QChar::category(c) == QChar::Other_Format;
}
} // namespace

bool P11Text::needsEscaping(const QString &s)
{
    for (char32_t c : s.toUcs4())
        if (invisible(c))
            return true;
    return false;
}

QString P11Text::escaped(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (char32_t c : s.toUcs4()) {
        if (c == '\\')
            out += QStringLiteral("\\\\");
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c == '\t')
            out += QStringLiteral("\\t");
        else if (invisible(c) && c < 0x100)
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        else if (invisible(c))
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out;
}

QString P11Text::version(const CK_VERSION &v)
{
    return QStringLiteral("%1.%2").arg(v.major).arg(v.minor);
}

QStringList P11Text::tokenFlagNames(CK_FLAGS f)
{
    return names(f, {{CKF_RNG, "rng"},
                     {CKF_WRITE_PROTECTED, "write-protected"},
                     {CKF_LOGIN_REQUIRED, "login-required"},
                     {CKF_USER_PIN_INITIALIZED, "user-pin-initialized"},
                     {CKF_RESTORE_KEY_NOT_NEEDED, "restore-key-not-needed"},
                     {CKF_CLOCK_ON_TOKEN, "clock-on-token"},
                     {CKF_PROTECTED_AUTHENTICATION_PATH, "protected-authentication-path"},
                     {CKF_DUAL_CRYPTO_OPERATIONS, "dual-crypto-operations"},
                     {CKF_TOKEN_INITIALIZED, "token-initialized"},
                     {CKF_SECONDARY_AUTHENTICATION, "secondary-authentication"},
                     {CKF_USER_PIN_COUNT_LOW, "user-pin-count-low"},
                     {CKF_USER_PIN_FINAL_TRY, "user-pin-final-try"},
                     {CKF_USER_PIN_LOCKED, "user-pin-locked"},
                     {CKF_USER_PIN_TO_BE_CHANGED, "user-pin-to-be-changed"},
                     {CKF_SO_PIN_COUNT_LOW, "so-pin-count-low"},
                     {CKF_SO_PIN_FINAL_TRY, "so-pin-final-try"},
                     {CKF_SO_PIN_LOCKED, "so-pin-locked"},
                     {CKF_SO_PIN_TO_BE_CHANGED, "so-pin-to-be-changed"}});
}

QStringList P11Text::mechanismFlagNames(CK_FLAGS f)
{
    return names(f, {{CKF_HW, "hw"},
                     {CKF_ENCRYPT, "encrypt"},
                     {CKF_DECRYPT, "decrypt"},
                     {CKF_DIGEST, "digest"},
                     {CKF_SIGN, "sign"},
                     {CKF_SIGN_RECOVER, "sign-recover"},
                     {CKF_VERIFY, "verify"},
                     {CKF_VERIFY_RECOVER, "verify-recover"},
                     {CKF_GENERATE, "generate"},
                     {CKF_GENERATE_KEY_PAIR, "generate-key-pair"},
                     {CKF_WRAP, "wrap"},
                     {CKF_UNWRAP, "unwrap"},
                     {CKF_DERIVE, "derive"}});
}

QStringList P11Text::slotFlagNames(CK_FLAGS f)
{
    return names(f, {{CKF_TOKEN_PRESENT, "token-present"}, {CKF_REMOVABLE_DEVICE, "removable"}, {CKF_HW_SLOT, "hardware"}});
}

QString P11Text::userPinState(CK_FLAGS f)
{
    if (!(f & CKF_TOKEN_INITIALIZED) || !(f & CKF_USER_PIN_INITIALIZED))
        return QCoreApplication::translate("P11Text", "not set");
    return pinState(f, CKF_USER_PIN_LOCKED, CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_TO_BE_CHANGED);
}

QString P11Text::soPinState(CK_FLAGS f)
{
    // SoftHSM reports an uninitialized token's SO-PIN as locked and to be changed: there is none yet.
    if (!(f & CKF_TOKEN_INITIALIZED))
        return QCoreApplication::translate("P11Text", "not set");
    return pinState(f, CKF_SO_PIN_LOCKED, CKF_SO_PIN_FINAL_TRY, CKF_SO_PIN_COUNT_LOW, CKF_SO_PIN_TO_BE_CHANGED);
}

QString P11Text::ulongOrUnknown(CK_ULONG v)
{
    if (v == CK_UNAVAILABLE_INFORMATION)
        return QCoreApplication::translate("P11Text", "unknown");
    return QString::number(v);
}

QString P11Text::sessionLimit(CK_ULONG v)
{
    if (v == CK_EFFECTIVELY_INFINITE)
        return QCoreApplication::translate("P11Text", "unlimited");
    return ulongOrUnknown(v);
}

std::optional<qint64> P11Text::ulongValue(CK_ULONG v)
{
    if (v == CK_UNAVAILABLE_INFORMATION)
        return std::nullopt;
    return qint64(v);
}

QString P11Text::memoryText(CK_ULONG freeBytes, CK_ULONG totalBytes)
{
    const bool freeKnown = freeBytes != CK_UNAVAILABLE_INFORMATION;
    const bool totalKnown = totalBytes != CK_UNAVAILABLE_INFORMATION;
    if (!freeKnown && !totalKnown)
        return Tr::tr("not reported by the token");
    if (!totalKnown)
        return Tr::tr("%1 bytes free (total not reported)").arg(freeBytes);
    if (!freeKnown)
        return Tr::tr("%1 bytes in all (free space not reported)").arg(totalBytes);
    return Tr::tr("%1 of %2 bytes free").arg(freeBytes).arg(totalBytes);
}
