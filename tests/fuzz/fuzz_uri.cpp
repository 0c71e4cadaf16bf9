// SPDX-License-Identifier: GPL-3.0-or-later
// PKCS#11 URIs built from what a token reports: CK_TOKEN_INFO's fixed-size,
// space-padded fields and an object's CKA_ID and CKA_LABEL, all untrusted bytes
// (no NUL terminator, any encoding).
#include "p11/uri.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    CK_TOKEN_INFO info{};
    const std::size_t head = std::min(size, sizeof info);
    std::memcpy(&info, data, head);
    data += head;
    size -= head;
    const std::size_t idLen = size ? std::min<std::size_t>(data[0], size - 1) : 0;
    const QByteArray id(reinterpret_cast<const char *>(data) + (size ? 1 : 0), qsizetype(idLen));
    const std::size_t used = size ? idLen + 1 : 0;
    const QByteArray label(reinterpret_cast<const char *>(data) + used, qsizetype(size - used));
    Pkcs11Uri::forToken(info);
    for (CK_OBJECT_CLASS cls : {CKO_CERTIFICATE, CKO_PRIVATE_KEY, CKO_DATA, CK_OBJECT_CLASS(0x8000'0001)})
        Pkcs11Uri::forObject(info, cls, id, label);
    return 0;
}
