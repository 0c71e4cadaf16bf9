// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/pairing.h"

#include "inventory/objectfacts.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
QString tr(const char *s) { return QCoreApplication::translate("Pairing", s); }

PublicKey keyOf(const ObjectInfo &o) { return ObjectFacts::publicKey(o); }

struct Entry {
    const ObjectInfo *object;
    PublicKey key;
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
    case PairState::Paired: return tr("Paired with %1; same CKA_ID and the public keys match.").arg(who);
    case PairState::PairedById:
        return tr("Paired with %1 by CKA_ID; the public keys could not be compared.").arg(who);
    case PairState::WrongPartner:
        return tr("Shares its CKA_ID with %1, but the public keys differ: applications will pair them and signing "
                  "will fail. The certificate belongs to another key.").arg(who);
    case PairState::IdMismatch:
        return tr("Belongs to %1, but the CKA_IDs differ: Java, NSS, OpenSSL and browsers pair by CKA_ID and will not "
                  "see them as a pair. Give the certificate the key's CKA_ID.").arg(who);
    case PairState::Unpaired: return tr("No partner on this token.");
    case PairState::NotApplicable: break;
    }
    return {};
}

std::vector<PairInfo> computePairing(const TokenContents &c)
{
    std::vector<Entry> keys, certs;
    // EC private keys carry no point: use the public-key object with the same ID. Only a
    // single public key per ID counts; two different ones make the ID ambiguous.
    std::map<QByteArray, std::vector<PublicKey>> publicById;
    for (const ObjectInfo &o : c.objects) {
        if (o.cls == CKO_PUBLIC_KEY && !o.id.isEmpty()) {
            PublicKey k = keyOf(o);
            if (!k.isNull())
                publicById[o.id].push_back(k);
        }
    }
    for (const ObjectInfo &o : c.objects) {
        if (o.cls == CKO_PRIVATE_KEY) {
            PublicKey k = keyOf(o);
            if (k.isNull())
                if (auto it = publicById.find(o.id); it != publicById.end() && it->second.size() == 1)
                    k = it->second.front();
            keys.push_back({&o, k});
        } else if (o.cls == CKO_CERTIFICATE) {
            certs.push_back({&o, keyOf(o)});
        }
    }
    // Public keys pair too: before login the private keys are hidden but their public-key
    // objects are not, so a public key also stands in for a private key we cannot see.
    // They come after the private keys, which a certificate prefers as its partner.
    for (const ObjectInfo &o : c.objects)
        if (o.cls == CKO_PUBLIC_KEY)
            keys.push_back({&o, keyOf(o)});

    auto info = [](PairState s, const Entry &partner) {
        PairInfo p;
        p.state = s;
        p.partnerKey = partner.object->key();
        p.partnerHandle = partner.object->handle;
        p.partnerId = partner.object->id;
        p.partnerLabel = partner.object->labelText();
        return p;
    };
    auto same = [](const Entry &a, const Entry &b) { return !a.key.isNull() && !b.key.isNull() && a.key.sameKeyAs(b.key); };
    auto comparable = [](const Entry &a, const Entry &b) { return !a.key.isNull() && !b.key.isNull(); };

    // One result per object, by its position: two objects never share an entry, even
    // when they share class, CKA_ID and label.
    std::vector<PairInfo> out(c.objects.size());
    auto slot = [&](const ObjectInfo *o) -> PairInfo & { return out[std::size_t(o - c.objects.data())]; };
    // Each side looks for its partner the same way: by CKA_ID first, then by public key.
    auto pairSide = [&](const std::vector<Entry> &mine, const std::vector<Entry> &theirs) {
        for (const Entry &m : mine) {
            PairInfo result;
            result.state = PairState::Unpaired;
            const Entry *byId = nullptr;
            for (const Entry &t : theirs)
                if (!m.object->id.isEmpty() && t.object->id == m.object->id && (!byId || (!same(m, *byId) && same(m, t))))
                    byId = &t;
            if (byId) {
                if (!comparable(m, *byId))
                    result = info(PairState::PairedById, *byId);
                else if (same(m, *byId))
                    result = info(PairState::Paired, *byId);
                else
                    result = info(PairState::WrongPartner, *byId);
            }
            if (result.state != PairState::Paired && result.state != PairState::PairedById) {
                for (const Entry &t : theirs) {
                    if (t.object->id != m.object->id && same(m, t)) {
                        result = info(PairState::IdMismatch, t);
                        break;
                    }
                }
            }
            slot(m.object) = result;
        }
    };
    pairSide(keys, certs);
    pairSide(certs, keys);
    return out;
}

const PairInfo &pairingOf(const std::vector<PairInfo> &pairing, const TokenContents &contents, const ObjectInfo &object)
{
    const auto i = std::size_t(&object - contents.objects.data());
    Q_ASSERT(i < contents.objects.size() && pairing.size() == contents.objects.size());
    return pairing.at(i);
}
