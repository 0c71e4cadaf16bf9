// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/dkeksharefile.h"

#include "dkek/dkekerror.h"
#include "ossl/owned_p.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/evp.h>

#include <algorithm>
#include <memory>

namespace {

using CipherCtx = ossl::Owned<EVP_CIPHER_CTX>;

CipherCtx newCipherCtx()
{
    CipherCtx c(EVP_CIPHER_CTX_new());
    if (!c)
        throw DkekError::cryptoFailure("EVP_CIPHER_CTX_new");
    return c;
}

} // namespace

void DkekShareFile::checkFormat(const QByteArray &file)
{
    if (file.size() != kFileSize)
        throw DkekError::badSize(file.size());
    if (!file.startsWith(magic()))
        throw DkekError::badMagic();
}

LegacySalt DkekShareFile::salt(const QByteArray &file)
{
    checkFormat(file);
    LegacySalt s;
    std::copy_n(reinterpret_cast<const unsigned char *>(file.constData()) + 8, s.size(), s.begin());
    return s;
}

std::optional<QByteArray> DkekShareFile::seal(const SecureBytes &share, const SecureBytes &password,
                                              const LegacySalt &salt, quint32 iterations, KdfMonitor *monitor)
{
    if (share.size() != kShareSize)
        throw DkekError::invalidParameters(
            QCoreApplication::translate("DkekError", "A DKEK share must have exactly 32 bytes."));

    const auto keyIv = legacyBytesToKeyMd5(password, salt, iterations, monitor);
    if (!keyIv)
        return std::nullopt;

    QByteArray file(kFileSize, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(file.data());
    std::copy_n(magic().constData(), 8, file.data());
    std::copy(salt.begin(), salt.end(), out + 8);

    CipherCtx ctx = newCipherCtx();
    int len = 0, fin = 0;
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, keyIv->key.data(), keyIv->iv.data()) != 1
        || EVP_EncryptUpdate(ctx.get(), out + kHeaderSize, &len, share.data(), kShareSize) != 1
        || EVP_EncryptFinal_ex(ctx.get(), out + kHeaderSize + len, &fin) != 1)
        throw DkekError::cryptoFailure("AES-256-CBC encryption");
    if (kHeaderSize + len + fin != kFileSize)
        throw DkekError::cryptoFailure("AES-256-CBC output length");
    return file;
}

std::optional<SecureBytes> DkekShareFile::open(const QByteArray &file, const SecureBytes &password,
                                               quint32 iterations, KdfMonitor *monitor)
{
    const LegacySalt s = salt(file); // checks size and magic before the long derivation

    const auto keyIv = legacyBytesToKeyMd5(password, s, iterations, monitor);
    if (!keyIv)
        return std::nullopt;

    CipherCtx ctx = newCipherCtx();
    // Room for the whole ciphertext: with a wrong key, the padding check decides
    // how much "plaintext" there is.
    SecureBytes plain(kFileSize - kHeaderSize + 16);
    int len = 0, fin = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(file.constData());
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, keyIv->key.data(), keyIv->iv.data()) != 1
        || EVP_DecryptUpdate(ctx.get(), plain.data(), &len, in + kHeaderSize, kFileSize - kHeaderSize) != 1)
        throw DkekError::cryptoFailure("AES-256-CBC decryption");
    if (EVP_DecryptFinal_ex(ctx.get(), plain.data() + len, &fin) != 1 || len + fin != kShareSize)
        throw DkekError::wrongPassword(); // a wrong key fails the padding check, or leaves the wrong length
    return SecureBytes(plain.data(), kShareSize);
}

QByteArray DkekShareFile::read(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw DkekError::readFailed(path, f.errorString());
    // Never read more than needed to tell the size: a wrong pick may be a huge file.
    const QByteArray data = f.read(kFileSize + 1);
    if (f.error() != QFileDevice::NoError)
        throw DkekError::readFailed(path, f.errorString());
    if (data.size() > kFileSize)
        throw DkekError::badSize(qMax<qint64>(f.size(), data.size()));
    checkFormat(data);
    return data;
}

QStringList DkekShareFile::base64Lines(const QByteArray &file)
{
    const QString b64 = QString::fromLatin1(file.toBase64());
    QStringList lines;
    for (qsizetype i = 0; i < b64.size(); i += 64)
        lines.append(b64.mid(i, 64));
    return lines;
}
