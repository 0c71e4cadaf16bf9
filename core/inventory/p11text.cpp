// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/p11text.h"

#include <QCoreApplication>

namespace {
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
    auto tr = [](const char *s) { return QCoreApplication::translate("P11Text", s); };
    if (f & locked)
        return tr("locked");
    if (f & finalTry)
        return tr("1 try left");
    if (f & countLow)
        return tr("a wrong PIN was entered; few tries left");
    if (f & toBeChanged)
        return tr("must be changed");
    return tr("OK");
}
} // namespace

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
    if (!(f & CKF_USER_PIN_INITIALIZED))
        return QCoreApplication::translate("P11Text", "not set");
    return pinState(f, CKF_USER_PIN_LOCKED, CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_TO_BE_CHANGED);
}

QString P11Text::soPinState(CK_FLAGS f)
{
    return pinState(f, CKF_SO_PIN_LOCKED, CKF_SO_PIN_FINAL_TRY, CKF_SO_PIN_COUNT_LOW, CKF_SO_PIN_TO_BE_CHANGED);
}

QString P11Text::ulongOrUnknown(CK_ULONG v)
{
    if (v == CK_UNAVAILABLE_INFORMATION)
        return QCoreApplication::translate("P11Text", "unknown");
    if (v == CK_EFFECTIVELY_INFINITE)
        return QCoreApplication::translate("P11Text", "unlimited");
    return QString::number(v);
}
