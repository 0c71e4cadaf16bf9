// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/pairing.h"

#include "inventory/objectfacts.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(Pairing) };

struct Entry {
    const ObjectInfo *object;
    const ComparableKey *key; // never null; points at a null key when the object carries none
};

bool sameKey(const Entry &a, const Entry &b) { return !a.key->isNull() && !b.key->isNull() && a.key->sameKeyAs(*b.key); }
bool comparable(const Entry &a, const Entry &b) { return !a.key->isNull() && !b.key->isNull(); }

// One side of the pairing (keys or certificates), indexed for the lookups the
// other side makes: by CKA_ID, and by the canonical bytes of the public key.
// Positions keep the side's order, so every "first match" is the one a plain
// scan of the side would find.
class Side {
public:
    explicit Side(std::vector<Entry> entries) : m_entries(std::move(entries))
    {
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            const Entry &e = m_entries[i];
            m_byId[e.object->id].push_back(i);
            if (!e.key->canonical().isEmpty())
                m_byKey[e.key->canonical()].push_back(i);
            else if (!e.key->isNull())
                m_otherKeys.push_back(i); // compared by OpenSSL, one by one
        }
    }
    const std::vector<Entry> &entries() const { return m_entries; }

    // The partner by CKA_ID: the first entry with m's ID whose key is m's, else the first with m's ID.
    const Entry *byId(const Entry &m) const
    {
        if (m.object->id.isEmpty())
            return nullptr;
        const auto it = m_byId.constFind(m.object->id);
        if (it == m_byId.constEnd())
            return nullptr;
        for (std::size_t i : it.value())
            if (sameKey(m, m_entries[i]))
                return &m_entries[i];
        return &m_entries[it.value().front()];
    }

    // The first entry with m's key under another CKA_ID.
    const Entry *byKeyElsewhere(const Entry &m) const
    {
        if (m.key->isNull())
            return nullptr;
        std::size_t best = m_entries.size();
        auto consider = [&](std::size_t i) {
            if (i < best && m_entries[i].object->id != m.object->id && sameKey(m, m_entries[i]))
                best = i;
        };
        if (m.key->canonical().isEmpty()) {
            // Only OpenSSL can compare this key: every keyed entry is a candidate.
            for (std::size_t i = 0; i < m_entries.size(); ++i)
                consider(i);
        } else {
            if (const auto it = m_byKey.constFind(m.key->canonical()); it != m_byKey.constEnd())
                for (std::size_t i : it.value())
                    consider(i);
            for (std::size_t i : m_otherKeys)
                consider(i);
        }
        return best < m_entries.size() ? &m_entries[best] : nullptr;
    }

private:
    std::vector<Entry> m_entries;
    QHash<QByteArray, std::vector<std::size_t>> m_byId;
    QHash<QByteArray, std::vector<std::size_t>> m_byKey;
    std::vector<std::size_t> m_otherKeys;
};
} // namespace

QString PairInfo::code() const
{
    switch (state) {
    case PairState::Paired: return QStringLiteral("paired");
    case PairState::PairedById: return QStringLiteral("paired-by-id");
    case PairState::WrongPartner: return QStringLiteral("wrong-partner");
    case PairState::IdMismatch: return QStringLiteral("id-mismatch");
    case PairState::Unpaired: return QStringLiteral("unpaired");
    case PairState::NotApplicable: break;
    }
    return QStringLiteral("n/a");
}

QString PairInfo::summary() const
{
    const QString who = partnerLabel.isEmpty() ? QStringLiteral("ID %1").arg(QString::fromLatin1(partnerId.toHex()))
                                               : QStringLiteral("“%1” (ID %2)").arg(partnerLabel, QString::fromLatin1(partnerId.toHex()));
    switch (state) {
    case PairState::Paired: return Tr::tr("Paired with %1; same CKA_ID and the public keys match.").arg(who);
    case PairState::PairedById:
        return Tr::tr("Paired with %1 by CKA_ID; the public keys could not be compared.").arg(who);
    case PairState::WrongPartner:
        return Tr::tr("Shares its CKA_ID with %1, but the public keys differ: applications will pair them and signing "
                  "will fail. The certificate belongs to another key.").arg(who);
    case PairState::IdMismatch:
        return Tr::tr("Belongs to %1, but the CKA_IDs differ: Java, NSS, OpenSSL and browsers pair by CKA_ID and will not "
                  "see them as a pair. Give the certificate the key's CKA_ID.").arg(who);
    case PairState::Unpaired: return Tr::tr("No partner on this token.");
    case PairState::NotApplicable: break;
    }
    return {};
}

std::vector<PairInfo> computePairing(const TokenContents &c)
{
    // Each object's key, decoded once (on the worker that read the snapshot, normally).
    std::vector<std::shared_ptr<const DecodedObject>> decoded;
    decoded.reserve(c.objects.size());
    for (const ObjectInfo &o : c.objects)
        decoded.push_back(ObjectFacts::decoded(o));
    auto keyAt = [&](const ObjectInfo &o) { return &decoded[std::size_t(&o - c.objects.data())]->key; };

    // EC private keys carry no point: use the public-key object with the same ID. Only a
    // single public key per ID counts; two different ones make the ID ambiguous.
    QHash<QByteArray, std::vector<const ComparableKey *>> publicById;
    for (const ObjectInfo &o : c.objects)
        if (o.cls == CKO_PUBLIC_KEY && !o.id.isEmpty() && !keyAt(o)->isNull())
            publicById[o.id].push_back(keyAt(o));
    std::vector<Entry> keys, certs;
    for (const ObjectInfo &o : c.objects) {
        if (o.cls == CKO_PRIVATE_KEY) {
            const ComparableKey *k = keyAt(o);
            if (k->isNull())
                if (auto it = publicById.constFind(o.id); it != publicById.constEnd() && it.value().size() == 1)
                    k = it.value().front();
            keys.push_back({&o, k});
        } else if (o.cls == CKO_CERTIFICATE) {
            certs.push_back({&o, keyAt(o)});
        }
    }
    // Public keys pair too: before login the private keys are hidden but their public-key
    // objects are not, so a public key also stands in for a private key we cannot see.
    // They come after the private keys, which a certificate prefers as its partner.
    for (const ObjectInfo &o : c.objects)
        if (o.cls == CKO_PUBLIC_KEY)
            keys.push_back({&o, keyAt(o)});

    auto info = [&c](PairState s, const Entry &partner) {
        PairInfo p;
        p.state = s;
        p.partnerKey = partner.object->key();
        p.partnerHandle = partner.object->handle;
        p.partnerIndex = std::size_t(partner.object - c.objects.data());
        p.partnerId = partner.object->id;
        p.partnerLabel = partner.object->labelText();
        return p;
    };

    // One result per object, by its position: two objects never share an entry, even
    // when they share class, CKA_ID and label.
    std::vector<PairInfo> out(c.objects.size());
    // Each side looks for its partner the same way: by CKA_ID first, then by public key.
    auto pairSide = [&](const Side &mine, const Side &theirs) {
        for (const Entry &m : mine.entries()) {
            PairInfo result;
            result.state = PairState::Unpaired;
            if (const Entry *byId = theirs.byId(m)) {
                if (!comparable(m, *byId))
                    result = info(PairState::PairedById, *byId);
                else if (sameKey(m, *byId))
                    result = info(PairState::Paired, *byId);
                else
                    result = info(PairState::WrongPartner, *byId);
            }
            if (result.state != PairState::Paired && result.state != PairState::PairedById)
                if (const Entry *t = theirs.byKeyElsewhere(m))
                    result = info(PairState::IdMismatch, *t);
            out[std::size_t(m.object - c.objects.data())] = std::move(result);
        }
    };
    const Side keySide(std::move(keys)), certSide(std::move(certs));
    pairSide(keySide, certSide);
    pairSide(certSide, keySide);
    return out;
}

const PairInfo &pairingOf(const std::vector<PairInfo> &pairing, const TokenContents &contents, const ObjectInfo &object)
{
    const auto i = std::size_t(&object - contents.objects.data());
    Q_ASSERT(i < contents.objects.size() && pairing.size() == contents.objects.size());
    return pairing.at(i);
}
