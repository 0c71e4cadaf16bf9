// SPDX-License-Identifier: GPL-3.0-or-later
// SmartCard-HSM key backups (issue 13) as they come from a file: the whole input is
// a backup file for KeyBackupFile::parse and the check; and, so that the key decoders
// behind the integrity code are reached too, the input after its first byte is taken
// as the decrypted key of a blob that this target encrypts and MACs under a fixed
// DKEK (the first byte picks the key type: RSA, RSA-CRT or EC). Hostile input: a result
// or KeyBackupError, nothing else.
#include "dkek/keycheckvalue.h"
#include "schsm/keybackupcheck.h"
#include "schsm/keybackupfile.h"
#include "schsm/keyblob.h"

#include "fuzzguard.h"

#include <QByteArray>

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace {
SecureBytes fixedDkek() { return SecureBytes(32); } // all zero: test input, not a secret

QByteArray derived(unsigned char counter)
{
    QByteArray input(32, '\0');
    input.append(QByteArray::fromHex("000000")).append(char(counter));
    unsigned char out[32];
    EVP_Digest(input.constData(), std::size_t(input.size()), out, nullptr, EVP_sha256(), nullptr);
    return QByteArray(reinterpret_cast<const char *>(out), 32);
}

// The blob the device would make around this plaintext (whole AES blocks).
QByteArray blobAround(int type, QByteArray plain)
{
    plain.append(char(0x80));
    while (plain.size() % 16)
        plain.append('\0');
    QByteArray blob = dkekKeyCheckValue(fixedDkek());
    blob.append(char(type));
    blob.append(QByteArray::fromHex(type == KeyBlob::kTypeEc ? "000A04007F00070202020203" : "000A04007F00070202020102"));
    blob.append(QByteArray(6, '\0'));
    const QByteArray kenc = derived(1), kmac = derived(2);
    const unsigned char iv[16] = {};
    QByteArray enc(plain.size(), '\0');
    int n = 0;
    EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
    EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), nullptr, reinterpret_cast<const unsigned char *>(kenc.constData()), iv);
    EVP_CIPHER_CTX_set_padding(c, 0);
    EVP_EncryptUpdate(c, reinterpret_cast<unsigned char *>(enc.data()), &n,
                      reinterpret_cast<const unsigned char *>(plain.constData()), int(plain.size()));
    EVP_CIPHER_CTX_free(c);
    blob.append(enc);
    EVP_MAC *mac = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
    EVP_MAC_CTX *m = EVP_MAC_CTX_new(mac);
    char cipher[] = "AES-256-CBC";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0), OSSL_PARAM_construct_end()};
    unsigned char tag[16];
    std::size_t tagLen = 0;
    EVP_MAC_init(m, reinterpret_cast<const unsigned char *>(kmac.constData()), 32, params);
    EVP_MAC_update(m, reinterpret_cast<const unsigned char *>(blob.constData()), std::size_t(blob.size()));
    EVP_MAC_final(m, tag, &tagLen, sizeof tag);
    EVP_MAC_CTX_free(m);
    EVP_MAC_free(mac);
    return blob + QByteArray(reinterpret_cast<const char *>(tag), qsizetype(tagLen));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    static const auto share = std::make_shared<const SecureBytes>(32);
    const std::vector<BackupCheckShare> shares{{QStringLiteral("zero"), share}};

    fuzz::guarded([&] {
        const KeyBackupFile f = KeyBackupFile::parse(input);
        f.description().label.size();
        f.blob().integrityMatches(fixedDkek());
    });
    KeyBackupCheck::checkData(QStringLiteral("input"), input, shares); // never throws
    fuzz::guarded([&] { KeyBlob::parse(input).open(fixedDkek()); });

    if (size > 0 && size < 4096) {
        static constexpr int types[] = {KeyBlob::kTypeRsa, KeyBlob::kTypeRsaCrt, KeyBlob::kTypeEc};
        const QByteArray blob = blobAround(types[data[0] % 3], input.mid(1));
        fuzz::guarded([&] { KeyBlob::parse(blob).open(fixedDkek()); });
        KeyBackupCheck::checkData(QStringLiteral("blob"), KeyBackupFile::compose(blob, QByteArray::fromHex("3009300030050400020101"), {}), shares);
    }
    return 0;
}
