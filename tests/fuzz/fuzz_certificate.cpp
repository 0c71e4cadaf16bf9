// SPDX-License-Identifier: GPL-3.0-or-later
// Certificate and public-key decoding of values read from a token (CKA_VALUE of a
// certificate, CKA_PUBLIC_KEY_INFO, the RSA/EC attributes of a public key) and of
// certificate files (PEM, DER, PKCS#7). Every input is hostile; the only allowed
// outcomes are a result or one of our exceptions.
#include "x509/certificatedecoder.h"
#include "x509/certificatefile.h"
#include "x509/publickey.h"
#include "x509/publickeyattributes.h"

#include "fuzzguard.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const QByteArray in = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    fuzz::guarded([&] { decodeCertificate(in); });
    fuzz::guarded([&] { PublicKey::fromCertificate(in); });
    fuzz::guarded([&] { PublicKey::fromSubjectPublicKeyInfo(in); });
    fuzz::guarded([&] { readCertificates(in); });
    if (size > 1) {
        const uint8_t *p = data + 1;
        std::size_t n = size - 1;
        static const CK_KEY_TYPE types[] = {CKK_RSA, CKK_EC, CKK_EC_EDWARDS, CKK_EC_MONTGOMERY};
        PublicKeyAttributes a;
        a.keyType = types[data[0] % 4];
        a.modulus = fuzz::takeField(p, n);
        a.publicExponent = fuzz::takeField(p, n);
        a.ecParams = fuzz::takeField(p, n);
        a.ecPoint = fuzz::takeField(p, n);
        a.publicKeyInfo = fuzz::takeField(p, n);
        fuzz::guarded([&] { PublicKey::fromAttributes(a); });
    }
    return 0;
}
