// SPDX-License-Identifier: GPL-3.0-or-later
// Token attributes as the inventory and the attribute view decode them, apart from
// the certificate itself (fuzz_certificate): the public-key attributes through
// ComparableKey, the fast path pairing uses for thousands of keys, checked against
// PublicKey::fromAttributes (comparablekey.h promises both accept exactly the same
// keys, and the same key compares equal both ways), the CKA_ID derived from the key,
// and every kind of value the attribute view puts into words (DER names, OIDs,
// EC parameters, dates, integers, mechanism lists...). Hostile input: a result or one
// of our exceptions; a disagreement between the two key decoders is a finding too.
#include "attributes/attributecatalog.h"
#include "attributes/attributetext.h"
#include "x509/comparablekey.h"
#include "x509/keyid.h"
#include "x509/publickey.h"
#include "x509/publickeyattributes.h"

#include "fuzzguard.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <vector>

namespace {
[[noreturn]] void disagree(const char *what)
{
    std::fprintf(stderr, "ComparableKey and PublicKey disagree: %s\n", what);
    std::abort();
}

// One attribute type of each kind the catalog knows, plus a vendor-defined one (shown as bytes).
const std::vector<CK_ATTRIBUTE_TYPE> &typePerKind()
{
    static const std::vector<CK_ATTRIBUTE_TYPE> types = [] {
        std::vector<CK_ATTRIBUTE_TYPE> out;
        std::set<AttributeKind> seen;
        for (const AttributeInfo *i = AttributeCatalog::begin(); i != AttributeCatalog::end(); ++i)
            if (seen.insert(i->kind).second)
                out.push_back(i->type);
        out.push_back(CKA_VENDOR_DEFINED | 0x1234);
        return out;
    }();
    return types;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    // The whole input as the value of every kind of attribute, then all of them as "copy all".
    const QByteArray in(reinterpret_cast<const char *>(data), qsizetype(size));
    std::vector<AttributeValue> values;
    for (CK_ATTRIBUTE_TYPE type : typePerKind()) {
        AttributeValue v;
        v.type = type;
        v.value = in;
        v.length = CK_ULONG(size);
        AttributeText::display(v);
        values.push_back(v);
    }
    AttributeText::all(values);

    if (size < 1)
        return 0;
    const uint8_t *p = data + 1;
    std::size_t n = size - 1;
    static const CK_KEY_TYPE types[] = {CKK_RSA, CKK_EC, CKK_EC_EDWARDS, CKK_EC_MONTGOMERY};
    PublicKeyAttributes a;
    a.keyType = types[data[0] % 4];
    a.modulus = fuzz::takeField(p, n);
    a.publicExponent = fuzz::takeField(p, n);
    a.ecParams = fuzz::takeField(p, n);
    a.ecPoint = fuzz::takeField(p, n);
    // CKA_PUBLIC_KEY_INFO wins when present; most inputs leave it out so the attributes count.
    if (data[0] & 0x80)
        a.publicKeyInfo = fuzz::takeField(p, n);

    const ComparableKey fast = ComparableKey::fromAttributes(a);
    PublicKey key;
    fuzz::guarded([&] { key = PublicKey::fromAttributes(a); });
    if (key.isNull() != fast.isNull())
        disagree(key.isNull() ? "only ComparableKey accepts the key" : "only PublicKey accepts the key");
    if (key.isNull())
        return 0;
    const ComparableKey viaOpenSsl = ComparableKey::fromPublicKey(key);
    if (!fast.sameKeyAs(viaOpenSsl) || !viaOpenSsl.sameKeyAs(fast))
        disagree("the same attributes give different keys");
    fuzz::guarded([&] {
        defaultKeyId(key, KeyIdStyle::OpenSc);
        defaultKeyId(key, KeyIdStyle::SubjectKeyIdentifier);
        key.description();
    });
    return 0;
}
