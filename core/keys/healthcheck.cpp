// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/healthcheck.h"

#include "inventory/scanner.h"
#include "keys/hexid.h"
#include "keys/keyoperationerror.h"
#include "keys/keyslogging.h"
#include "keys/objecttransaction.h"
#include "keys/ossl_p.h"
#include "keys/tokenkey.h"
#include "keys/tokenobjects.h"
#include "keys/tokensigner.h"
#include "p11/attributes.h"
#include "p11/session.h"
#include "x509/keyid.h"

#include <QCoreApplication>

#include <openssl/core_names.h>

#include <algorithm>
#include <set>

using namespace keysdetail;

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(HealthCheck) };

QString name(const ObjectInfo &o) { return TokenObjects::describe(o); }

struct KeyEntry {
    const ObjectInfo *object;
    TokenKey key;
    // The public key, unless it was only assumed from a same-ID certificate
    // (then it proves nothing about which certificate belongs to the key).
    PublicKey trusted() const
    {
        return key.publicKeySource == TokenKey::PublicKeySource::Certificate ? PublicKey() : key.publicKey;
    }
};

std::vector<KeyEntry> privateKeys(const TokenContents &c)
{
    std::vector<KeyEntry> out;
    for (const ObjectInfo &o : c.objects)
        if (o.cls == CKO_PRIVATE_KEY)
            out.push_back({&o, TokenKey::assemble(o, c.objects)});
    return out;
}

bool same(const PublicKey &a, const PublicKey &b) { return !a.isNull() && !b.isNull() && a.sameKeyAs(b); }

// DuplicateId repair plan: the handles that move to a new ID. Empty with *why set when not possible.
struct Move {
    CK_OBJECT_HANDLE handle;
    QByteArray newId;
};
std::vector<Move> duplicateMoves(const TokenContents &c, const std::vector<const KeyEntry *> &group, QString *why)
{
    // The key whose public key a same-ID certificate carries keeps the ID; else the first.
    const KeyEntry *keeper = group.front();
    for (const KeyEntry *k : group)
        for (const ObjectInfo &o : c.objects)
            if (o.cls == CKO_CERTIFICATE && o.id == k->object->id && same(TokenObjects::publicKeyOf(o), k->trusted()))
                keeper = k;
    std::set<QByteArray> used;
    for (const ObjectInfo &o : c.objects)
        used.insert(o.id);
    std::vector<Move> moves;
    for (const KeyEntry *k : group) {
        if (k == keeper)
            continue;
        // A public key read from the shared public-key object could be either key's.
        const PublicKey pk = k->key.publicKeySource == TokenKey::PublicKeySource::PrivateKey ? k->key.publicKey
                                                                                             : PublicKey();
        if (pk.isNull()) {
            *why = Tr::tr("The keys carry no public key of their own, so TokenDesk cannot tell which public key and "
                      "certificate belong to which; give one of them a new ID with Rename.");
            return {};
        }
        const QByteArray newId = defaultKeyId(pk, KeyIdStyle::OpenSc);
        if (newId.isEmpty() || used.count(newId)) {
            *why = Tr::tr("The ID derived from %1 is taken too; give it a new ID with Rename.").arg(name(*k->object));
            return {};
        }
        used.insert(newId);
        moves.push_back({k->object->handle, newId});
        for (const ObjectInfo &o : c.objects) {
            if (o.id != k->object->id || o.cls == CKO_PRIVATE_KEY)
                continue;
            if ((o.cls == CKO_PUBLIC_KEY || o.cls == CKO_CERTIFICATE) && same(TokenObjects::publicKeyOf(o), pk))
                moves.push_back({o.handle, newId});
        }
    }
    return moves;
}

QByteArray curveOid(const PublicKey &key, const ObjectInfo &privateKey)
{
    const QByteArray fromKey = privateKey.attrs.bytes(CKA_EC_PARAMS);
    if (!fromKey.isEmpty())
        return fromKey;
    int nid = NID_undef;
    if (key.algorithm() == PublicKey::Algorithm::Ed25519) {
        nid = NID_ED25519;
    } else {
        char group[80] = {};
        if (EVP_PKEY_get_utf8_string_param(key.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, nullptr))
            nid = OBJ_sn2nid(group) != NID_undef ? OBJ_sn2nid(group) : EC_curve_nist2nid(group);
        clearErrors();
    }
    const ASN1_OBJECT *obj = nid == NID_undef ? nullptr : OBJ_nid2obj(nid);
    if (!obj)
        throw KeyOperationError(KeyOperationError::Kind::Unsupported, Tr::tr("The key's curve is not one TokenDesk knows."));
    return toDer(obj, i2d_ASN1_OBJECT);
}

void createPublicKeyObject(ObjectTransaction &tx, const ObjectInfo &priv, const PublicKey &key)
{
    const CK_OBJECT_CLASS cls = CKO_PUBLIC_KEY;
    const CK_KEY_TYPE type = priv.attrs.ulong(CKA_KEY_TYPE).value_or(CKK_RSA);
    const QByteArray id = priv.id, label = priv.label, subject = priv.attrs.bytes(CKA_SUBJECT);
    std::vector<CK_ATTRIBUTE> t{attrOf(CKA_CLASS, cls), attrOf(CKA_KEY_TYPE, type), attrOf(CKA_TOKEN, kTrue),
                                attrOf(CKA_PRIVATE, kFalse), attrOf(CKA_VERIFY, kTrue),
                                attr(CKA_ID, id.constData(), CK_ULONG(id.size())),
                                attr(CKA_LABEL, label.constData(), CK_ULONG(label.size()))};
    if (!subject.isEmpty())
        t.push_back(attr(CKA_SUBJECT, subject.constData(), CK_ULONG(subject.size())));
    QByteArray modulus, exponent, params, point;
    if (key.algorithm() == PublicKey::Algorithm::Rsa) {
        modulus = key.rsaModulus();
        BIGNUM *e = nullptr;
        if (!EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_RSA_E, &e))
            opensslFailed("RSA public exponent");
        Owned<BIGNUM> owned(e);
        exponent.resize(BN_num_bytes(e));
        BN_bn2bin(e, reinterpret_cast<unsigned char *>(exponent.data()));
        t.push_back(attr(CKA_MODULUS, modulus.constData(), CK_ULONG(modulus.size())));
        t.push_back(attr(CKA_PUBLIC_EXPONENT, exponent.constData(), CK_ULONG(exponent.size())));
    } else {
        params = curveOid(key, priv);
        Owned<ASN1_STRING> os(ASN1_OCTET_STRING_new());
        const QByteArray raw = key.rawPublicKey();
        if (!os || !ASN1_OCTET_STRING_set(os.get(), bytes(raw), int(raw.size())))
            opensslFailed("ASN1_OCTET_STRING_set");
        point = toDer(os.get(), i2d_ASN1_OCTET_STRING);
        t.push_back(attr(CKA_EC_PARAMS, params.constData(), CK_ULONG(params.size())));
        t.push_back(attr(CKA_EC_POINT, point.constData(), CK_ULONG(point.size())));
    }
    tx.create(t);
}

const ObjectInfo *byHandle(const TokenContents &c, CK_OBJECT_HANDLE h)
{
    for (const ObjectInfo &o : c.objects)
        if (o.handle == h)
            return &o;
    return nullptr;
}
} // namespace

QString HealthFinding::code() const
{
    switch (kind) {
    case Kind::CertificateIdMismatch: return QStringLiteral("certificate-id-mismatch");
    case Kind::WrongCertificate: return QStringLiteral("wrong-certificate");
    case Kind::DuplicateId: return QStringLiteral("duplicate-id");
    case Kind::MissingPublicKey: return QStringLiteral("missing-public-key");
    case Kind::LabelDrift: return QStringLiteral("label-drift");
    }
    return {};
}

std::vector<HealthFinding> HealthCheck::run(const TokenContents &c)
{
    std::vector<HealthFinding> out;
    const std::vector<KeyEntry> keys = privateKeys(c);

    // Certificates against keys: pairing by public key, as the consumers should.
    for (const ObjectInfo &cert : c.objects) {
        if (cert.cls != CKO_CERTIFICATE)
            continue;
        const PublicKey ck = TokenObjects::publicKeyOf(cert);
        if (ck.isNull())
            continue;
        const KeyEntry *owner = nullptr;
        bool ownerHasSameId = false;
        for (const KeyEntry &k : keys) {
            if (!same(k.trusted(), ck))
                continue;
            if (k.object->id == cert.id)
                ownerHasSameId = true;
            else if (!owner)
                owner = &k;
        }
        if (owner && !ownerHasSameId) {
            HealthFinding f;
            f.kind = HealthFinding::Kind::CertificateIdMismatch;
            f.objects = {cert, *owner->object};
            f.sentence = Tr::tr("%1 belongs to %2, but their IDs differ: Java ignores the key, NSS drops the "
                            "certificate's trust and OpenSSL finds no certificate for the key.")
                             .arg(name(cert), name(*owner->object));
            f.repairable = true;
            f.repair = owner->object->label.isEmpty()
                ? Tr::tr("Set the certificate's ID to %1.").arg(HexId::format(owner->object->id))
                : Tr::tr("Set the certificate's ID to %1 and its label to “%2”.")
                      .arg(HexId::format(owner->object->id), owner->object->labelText());
            out.push_back(f);
            continue;
        }
        if (!owner && !ownerHasSameId) {
            for (const KeyEntry &k : keys) {
                if (k.object->id != cert.id || cert.id.isEmpty() || k.trusted().isNull())
                    continue;
                HealthFinding f;
                f.kind = HealthFinding::Kind::WrongCertificate;
                f.objects = {cert, *k.object};
                f.sentence = Tr::tr("%1 shares its ID with %2 but carries another public key: programs will pair them "
                                "and signing will fail.").arg(name(cert), name(*k.object));
                f.repair = Tr::tr("No automatic repair: delete this certificate, or import the key's own certificate.");
                out.push_back(f);
            }
        }
    }

    // Several private keys under one ID.
    std::map<QByteArray, std::vector<const KeyEntry *>> byId;
    for (const KeyEntry &k : keys)
        if (!k.object->id.isEmpty())
            byId[k.object->id].push_back(&k);
    for (const auto &[id, group] : byId) {
        if (group.size() < 2)
            continue;
        HealthFinding f;
        f.kind = HealthFinding::Kind::DuplicateId;
        QStringList names;
        for (const KeyEntry *k : group) {
            f.objects.push_back(*k->object);
            names << name(*k->object);
        }
        f.sentence = Tr::tr("%1 private keys share the ID %2, so programs cannot tell them apart: %3.")
                         .arg(group.size())
                         .arg(HexId::format(id), names.join(QStringLiteral(", ")));
        QString why;
        const std::vector<Move> moves = duplicateMoves(c, group, &why);
        f.repairable = !moves.empty();
        f.repair = f.repairable ? Tr::tr("Give every key but the one its certificate belongs to the ID derived from its "
                                     "public key, together with its public key and certificate.")
                                : why;
        out.push_back(f);
    }

    for (const KeyEntry &k : keys) {
        // No public-key object: some tools (and NSS before login) list keys only through it.
        if (k.key.publicKeyObjects.empty()) {
            HealthFinding f;
            f.kind = HealthFinding::Kind::MissingPublicKey;
            f.objects = {*k.object};
            f.sentence = Tr::tr("%1 has no public-key object; some programs list keys only through it.").arg(name(*k.object));
            f.repairable = !k.key.publicKey.isNull();
            if (k.key.publicKeySource == TokenKey::PublicKeySource::PrivateKey)
                f.repair = Tr::tr("Create the public-key object from the private key's own attributes.");
            else if (k.key.publicKeySource == TokenKey::PublicKeySource::Certificate)
                f.repair = Tr::tr("Create the public-key object from the certificate with the same ID, after a test "
                              "signature proves the certificate belongs to the key.");
            else
                f.repair = Tr::tr("The token holds no public half of this key (an EC private key does not carry it). "
                              "Import the key's certificate first.");
            out.push_back(f);
        }
        // Labels within the pair.
        if (k.object->id.isEmpty())
            continue;
        std::vector<ObjectInfo> members{*k.object};
        for (const ObjectInfo &o : k.key.publicKeyObjects)
            members.push_back(o);
        for (const ObjectInfo &o : k.key.certificates)
            if (k.trusted().isNull() || same(TokenObjects::publicKeyOf(o), k.trusted()))
                members.push_back(o);
        std::set<QByteArray> labels;
        for (const ObjectInfo &o : members)
            labels.insert(o.label);
        if (labels.size() > 1 && byId[k.object->id].size() == 1) {
            HealthFinding f;
            f.kind = HealthFinding::Kind::LabelDrift;
            f.objects = members;
            QStringList names;
            for (const ObjectInfo &o : members)
                names << name(o);
            f.sentence = Tr::tr("The labels within one key pair differ: %1. Java shows the certificate's label as the "
                            "alias, other programs the key's.").arg(names.join(QStringLiteral(", ")));
            QByteArray target = k.object->label;
            for (const ObjectInfo &o : members)
                if (target.isEmpty() && o.cls == CKO_CERTIFICATE)
                    target = o.label;
            f.repairable = !target.isEmpty();
            f.repair = Tr::tr("Give all of them the label “%1”.").arg(QString::fromUtf8(target));
            out.push_back(f);
        }
    }
    return out;
}

std::vector<HealthFinding> HealthCheck::repair(Session &s, const CK_TOKEN_INFO &token, const HealthFinding &finding,
                                               std::optional<SecureBytes> contextPin)
{
    if (!finding.repairable || finding.objects.empty())
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput,
                                finding.repair.isEmpty() ? Tr::tr("This finding has no automatic repair.") : finding.repair);
    const TokenContents c = Scanner::readObjects(s, token);
    for (const ObjectInfo &o : finding.objects) {
        const ObjectInfo *now = byHandle(c, o.handle);
        if (!now || now->cls != o.cls || now->id != o.id || now->label != o.label)
            throw KeyOperationError(KeyOperationError::Kind::TokenChanged,
                                    Tr::tr("%1 changed since the check; run the health check again.").arg(name(o)));
    }
    ObjectTransaction tx(s);
    switch (finding.kind) {
    case HealthFinding::Kind::CertificateIdMismatch: {
        const ObjectInfo &cert = finding.objects[0];
        const ObjectInfo &key = finding.objects[1];
        tx.setAttribute(cert.handle, CKA_ID, key.id);
        if (!key.label.isEmpty() && cert.label != key.label)
            tx.setAttribute(cert.handle, CKA_LABEL, key.label);
        break;
    }
    case HealthFinding::Kind::DuplicateId: {
        const std::vector<KeyEntry> keys = privateKeys(c);
        std::vector<const KeyEntry *> group;
        for (const KeyEntry &k : keys)
            if (k.object->id == finding.objects[0].id)
                group.push_back(&k);
        QString why;
        const std::vector<Move> moves = duplicateMoves(c, group, &why);
        if (moves.empty())
            throw KeyOperationError(KeyOperationError::Kind::InvalidInput, why);
        for (const Move &m : moves)
            tx.setAttribute(m.handle, CKA_ID, m.newId);
        break;
    }
    case HealthFinding::Kind::MissingPublicKey: {
        const ObjectInfo *priv = byHandle(c, finding.objects[0].handle);
        const TokenKey key = TokenKey::assemble(*priv, c.objects);
        if (key.publicKey.isNull())
            throw KeyOperationError(KeyOperationError::Kind::InvalidInput, finding.repair);
        if (key.publicKeySource == TokenKey::PublicKeySource::Certificate) {
            // The certificate only shares the ID: prove it is the key's before copying its key.
            if (priv->attrs.boolean(CKA_SIGN) == false)
                throw KeyOperationError(KeyOperationError::Kind::InvalidInput,
                                        Tr::tr("%1 cannot sign, so TokenDesk cannot prove the certificate with its ID "
                                           "belongs to it. No public-key object was created.").arg(name(*priv)));
            TokenSigner signer(s, token, key, SignatureScheme{});
            signer.setContextPin(std::move(contextPin));
            signer.sign(QByteArrayLiteral("TokenDesk health check: does this certificate belong to this key?"));
        }
        createPublicKeyObject(tx, *priv, key.publicKey);
        break;
    }
    case HealthFinding::Kind::LabelDrift: {
        QByteArray target = finding.objects[0].label;
        for (const ObjectInfo &o : finding.objects)
            if (target.isEmpty() && o.cls == CKO_CERTIFICATE)
                target = o.label;
        for (const ObjectInfo &o : finding.objects)
            if (o.label != target)
                tx.setAttribute(o.handle, CKA_LABEL, target);
        break;
    }
    case HealthFinding::Kind::WrongCertificate:
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput, finding.repair);
    }

    // Re-check before committing: a repair that did not remove its finding is undone.
    std::vector<HealthFinding> after = run(Scanner::readObjects(s, token));
    for (const HealthFinding &f : after) {
        if (f.kind == finding.kind && f.objects.front().handle == finding.objects.front().handle)
            throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                    Tr::tr("The repair did not fix the problem (%1); it was undone.").arg(f.sentence));
    }
    tx.commit();
    qCInfo(lcKeys) << "health repair" << finding.code() << "done;" << after.size() << "findings remain";
    return after;
}
