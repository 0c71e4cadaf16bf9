// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/keycheckvalue.h"

#include "dkek/dkekerror.h"
#include "dkek/dkeksharefile.h"

#include <QCoreApplication>

#include <openssl/sha.h>

QByteArray dkekKeyCheckValue(const SecureBytes &key)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    if (!SHA256(key.data(), key.size(), digest))
        throw DkekError::cryptoFailure("SHA256");
    QByteArray kcv(reinterpret_cast<const char *>(digest), 8);
    OPENSSL_cleanse(digest, sizeof digest);
    return kcv;
}

SecureBytes combineDkekShares(const std::vector<const SecureBytes *> &shares)
{
    if (shares.empty())
        throw DkekError::invalidParameters(
            QCoreApplication::translate("DkekError", "Open at least one DKEK share to compute the DKEK."));
    SecureBytes dkek(DkekShareFile::kShareSize);
    for (const SecureBytes *share : shares) {
        if (!share || share->size() != CK_ULONG(DkekShareFile::kShareSize))
            throw DkekError::invalidParameters(
                QCoreApplication::translate("DkekError", "A DKEK share must have exactly 32 bytes."));
        for (int i = 0; i < DkekShareFile::kShareSize; ++i)
            dkek.data()[i] ^= share->data()[i];
    }
    return dkek;
}

QString formatKeyCheckValue(const QByteArray &kcv)
{
    return QString::fromLatin1(kcv.toHex()).toUpper();
}
