// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/objectdecoder.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace {
// Length-prefixed, so no two attribute sets give the same bytes.
void appendChunk(QByteArray &out, const QByteArray &chunk)
{
    const auto n = quint32(chunk.size());
    out.append(char(n >> 24)).append(char(n >> 16)).append(char(n >> 8)).append(char(n));
    out.append(chunk);
}

QByteArray keyValue(const ObjectInfo &o)
{
    const PublicKeyAttributes a = ObjectFacts::publicKeyAttributes(o);
    QByteArray v;
    appendChunk(v, QByteArray::number(o.cls));
    appendChunk(v, QByteArray::number(qulonglong(a.keyType)));
    for (const QByteArray *b : {&a.modulus, &a.publicExponent, &a.ecParams, &a.ecPoint, &a.publicKeyInfo})
        appendChunk(v, *b);
    return v;
}

std::shared_ptr<const DecodedObject> nothingToDecode()
{
    static const auto none = std::make_shared<const DecodedObject>();
    return none;
}
} // namespace

void ObjectDecoder::decodeAll(TokenContents &c)
{
    // Values not decoded before, each once (two objects may hold the same value).
    struct Pending {
        const ObjectInfo *object;
        Table *table;
        QByteArray value;
        std::shared_ptr<const DecodedObject> result;
    };
    std::vector<Pending> pending;
    QHash<QByteArray, std::size_t> pendingCertificates, pendingKeys;
    std::vector<std::pair<ObjectInfo *, std::size_t>> waiting; // object, index into pending

    Table certificates, keys;
    for (ObjectInfo &o : c.objects) {
        const bool certificate = o.cls == CKO_CERTIFICATE;
        if (!certificate && o.cls != CKO_PRIVATE_KEY && o.cls != CKO_PUBLIC_KEY) {
            o.decoded = nothingToDecode();
            continue;
        }
        Table &current = certificate ? certificates : keys;
        Table &previous = certificate ? m_certificates : m_keys;
        QHash<QByteArray, std::size_t> &pendingIndex = certificate ? pendingCertificates : pendingKeys;
        const QByteArray value = certificate ? o.attrs.bytes(CKA_VALUE) : keyValue(o);
        if (auto it = current.constFind(value); it != current.constEnd()) {
            o.decoded = it.value();
        } else if (std::shared_ptr<const DecodedObject> known = previous.take(value)) {
            current.insert(value, known);
            o.decoded = std::move(known);
        } else {
            auto p = pendingIndex.constFind(value);
            if (p == pendingIndex.constEnd()) {
                p = pendingIndex.insert(value, pending.size());
                pending.push_back({&o, &current, value, nullptr});
            }
            waiting.emplace_back(&o, p.value());
        }
    }
    // Decoding is pure (OpenSSL, no PKCS#11 call): many new values are decoded on
    // every core, a few right here.
    auto decode = [](Pending &p) { p.result = std::make_shared<const DecodedObject>(ObjectFacts::decode(*p.object)); };
    constexpr std::size_t kParallelFrom = 32;
    if (pending.size() >= kParallelFrom)
        QtConcurrent::blockingMap(pending, decode);
    else
        std::for_each(pending.begin(), pending.end(), decode);
    for (Pending &p : pending)
        p.table->insert(p.value, p.result);
    for (const auto &[object, index] : waiting)
        object->decoded = pending[index].result;
    // Values this snapshot did not have are dropped with the old tables.
    m_certificates = std::move(certificates);
    m_keys = std::move(keys);
}
