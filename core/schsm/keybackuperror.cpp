// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/keybackuperror.h"

#include "dkek/keycheckvalue.h"
#include "schsm/schsmlog.h"

#include <QCoreApplication>
#include <QDir>

#include <openssl/err.h>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(KeyBackupError)
};
} // namespace

KeyBackupError KeyBackupError::notABackup(const QString &reason)
{
    return KeyBackupError(Code::NotABackup, Tr::tr("The file is not a SmartCard-HSM key backup: %1.").arg(reason));
}

KeyBackupError KeyBackupError::dkekMismatch(const QByteArray &fileKcv, const QByteArray &dkekKcv)
{
    return KeyBackupError(Code::DkekMismatch,
                          Tr::tr("The backup was made under another DKEK: its check value is %1, the shares give %2.")
                              .arg(formatKeyCheckValue(fileKcv), formatKeyCheckValue(dkekKcv)));
}

KeyBackupError KeyBackupError::integrityFailed()
{
    return KeyBackupError(Code::IntegrityFailed,
                          Tr::tr("The file is damaged: the DKEK check value matches, but the integrity code over the "
                                 "key blob is wrong, so the blob was changed after it was made."));
}

KeyBackupError KeyBackupError::unknownKeyType(int type)
{
    return KeyBackupError(Code::UnknownKeyType,
                          Tr::tr("The backup holds a key of type %1, which TokenDesk cannot check (it checks RSA and "
                                 "EC keys).").arg(type));
}

KeyBackupError KeyBackupError::badKeyData(const QString &reason)
{
    return KeyBackupError(Code::BadKeyData, Tr::tr("The key inside the backup is malformed: %1.").arg(reason));
}

KeyBackupError KeyBackupError::keyMismatch(const QString &where)
{
    return KeyBackupError(Code::KeyMismatch,
                          Tr::tr("The private key in the backup does not belong to the public key of %1.").arg(where));
}

KeyBackupError KeyBackupError::unsupportedKey(const QString &what)
{
    return KeyBackupError(Code::UnsupportedKey,
                          Tr::tr("A SmartCard-HSM cannot take this key: %1. It takes RSA keys of 2048 to 4096 bits "
                                 "and EC keys on P-256, P-384 or P-521.").arg(what));
}

KeyBackupError KeyBackupError::readFailed(const QString &path, const QString &reason)
{
    return KeyBackupError(Code::ReadFailed,
                          Tr::tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), reason));
}

KeyBackupError KeyBackupError::cryptoFailure(const char *what)
{
    unsigned long e;
    while ((e = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        qCWarning(lcSchsm, "%s: %s", what, buf);
    }
    return KeyBackupError(Code::CryptoFailure, Tr::tr("An internal cryptographic operation failed (%1).")
                                                   .arg(QString::fromLatin1(what)));
}
