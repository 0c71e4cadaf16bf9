// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/dkekerror.h"

#include "dkek/dkeklog.h"

#include <QCoreApplication>
#include <QDir>

#include <openssl/err.h>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DkekError)
};
} // namespace

DkekError DkekError::wrongPassword()
{
    return DkekError(Code::WrongPasswordOrNotShare, Tr::tr("Wrong password or not a DKEK share file."));
}

DkekError DkekError::custodianSharesDoNotOpen()
{
    return DkekError(Code::WrongPasswordOrNotShare,
                     Tr::tr("The custodian shares do not open this file: a share may be mistyped, more shares may be "
                        "needed, or the shares belong to another DKEK share file."));
}

DkekError DkekError::badSize(qint64 size)
{
    if (size == 0)
        return DkekError(Code::FileTooShort, Tr::tr("The file is empty. A DKEK share file has exactly 64 bytes."));
    if (size == 1)
        return DkekError(Code::FileTooShort,
                         Tr::tr("The file is truncated: it has 1 byte, but a DKEK share file has exactly 64."));
    if (size < 64)
        return DkekError(Code::FileTooShort,
                         Tr::tr("The file is truncated: it has %1 bytes, but a DKEK share file has exactly 64.").arg(size));
    return DkekError(Code::FileTooLong,
                     Tr::tr("The file is too long to be a DKEK share file: it has %1 bytes, but a DKEK share file has exactly 64.")
                         .arg(size));
}

DkekError DkekError::badMagic()
{
    return DkekError(Code::NotAShareFile,
                     Tr::tr("This is not a DKEK share file: it does not begin with \u201cSalted__\u201d."));
}

DkekError DkekError::readFailed(const QString &path, const QString &reason)
{
    return DkekError(Code::ReadFailed,
                     Tr::tr("Could not read \u201c%1\u201d: %2.").arg(QDir::toNativeSeparators(path), reason));
}

DkekError DkekError::writeFailed(const QString &path, const QString &reason)
{
    return DkekError(Code::WriteFailed,
                     Tr::tr("Could not save \u201c%1\u201d: %2.").arg(QDir::toNativeSeparators(path), reason));
}

DkekError DkekError::fileExists(const QString &path)
{
    return DkekError(Code::FileExists,
                     Tr::tr("\u201c%1\u201d already exists. Choose another name, or allow replacing the file.")
                         .arg(QDir::toNativeSeparators(path)));
}

DkekError DkekError::invalidCustodianShare(const QString &sentence)
{
    return DkekError(Code::InvalidCustodianShare, sentence);
}

DkekError DkekError::invalidParameters(const QString &sentence)
{
    return DkekError(Code::InvalidParameters, sentence);
}

DkekError DkekError::cryptoFailure(const char *what)
{
    char buf[256];
    unsigned long e;
    while ((e = ERR_get_error()) != 0) {
        ERR_error_string_n(e, buf, sizeof buf);
        qCWarning(lcDkek) << what << buf;
    }
    return DkekError(Code::CryptoFailure,
                     Tr::tr("The cryptographic library failed (%1). Please report this as a bug.").arg(QLatin1String(what)));
}
