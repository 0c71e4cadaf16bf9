// SPDX-License-Identifier: GPL-3.0-or-later
// PKCS#12 (.p12/.pfx) import files: DER decoding, MAC check, decryption (with the
// legacy-provider retry), key type, the key's certificate among the chain, its
// decoding and the EC curve. The input is one length byte, that many password
// bytes, then the file; the seeds include files without MAC and encryption, so
// mutations reach the contents. Hostile input: a result or one of our exceptions.
#include "fuzzguard.h"
#include "keys/pkcs12import.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    if (!size)
        return 0;
    const std::size_t passLen = std::min<std::size_t>(data[0], size - 1);
    const QByteArray file = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1 + passLen),
                                                    qsizetype(size - 1 - passLen));
    fuzz::guarded([&] { inspectPkcs12(file, SecureBytes(data + 1, passLen)); });
    return 0;
}
