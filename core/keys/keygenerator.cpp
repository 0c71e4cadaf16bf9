// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/keygenerator.h"

#include "inventory/scanner.h"
#include "keys/hexid.h"
#include "keys/keygenvalidator.h"
#include "keys/keyoperationerror.h"
#include "keys/keyslogging.h"
#include "keys/objecttransaction.h"
#include "keys/tokenobjects.h"
#include "p11/attributes.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"
#include "p11/uri.h"
#include "x509/keyid.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(KeyGenerator) };

const unsigned char kF4[] = {0x01, 0x00, 0x01}; // public exponent 65537

PublicKey readPublicKey(Session &s, CK_OBJECT_HANDLE pub, const KeyAlgorithm &alg)
{
    const bool rsa = alg.family == KeyAlgorithm::Family::Rsa;
    const AttributeSet v = readAttributes(
        s, pub,
        rsa ? std::vector<CK_ATTRIBUTE_TYPE>{CKA_MODULUS, CKA_PUBLIC_EXPONENT}
            : std::vector<CK_ATTRIBUTE_TYPE>{CKA_EC_PARAMS, CKA_EC_POINT});
    PublicKeyAttributes a;
    a.keyType = alg.keyType();
    a.modulus = v.bytes(CKA_MODULUS);
    a.publicExponent = v.bytes(CKA_PUBLIC_EXPONENT);
    a.ecParams = v.bytes(CKA_EC_PARAMS);
    if (a.ecParams.isEmpty())
        a.ecParams = alg.ecParams();
    a.ecPoint = v.bytes(CKA_EC_POINT);
    return PublicKey::fromAttributes(a);
}

// The attributes of the pair that the wizard lets the user choose, each on the
// object that carries it. The template and the check after generation both come
// from this table, so no usage can be named in one and forgotten in the other.
struct KeyAttribute {
    CK_ATTRIBUTE_TYPE type;
    const char *name;          // for the message: "CKA_DECRYPT"
    bool onPrivate;            // else on the public key
    bool (*wanted)(const KeyGenSpec &);
    bool checked = true;       // read back after generation (the wizard shows it)
    bool onlyWhenTrue = false; // named in the template only when wanted
};

const KeyAttribute kKeyAttributes[] = {
    {CKA_PRIVATE, "CKA_PRIVATE", true, [](const KeyGenSpec &s) { return s.privateObject; }},
    {CKA_SENSITIVE, "CKA_SENSITIVE", true, [](const KeyGenSpec &s) { return s.sensitive; }},
    {CKA_EXTRACTABLE, "CKA_EXTRACTABLE", true, [](const KeyGenSpec &s) { return s.extractable; }},
    {CKA_ALWAYS_AUTHENTICATE, "CKA_ALWAYS_AUTHENTICATE", true,
     [](const KeyGenSpec &s) { return s.alwaysAuthenticate; }, true, true},
    {CKA_SIGN, "CKA_SIGN", true, [](const KeyGenSpec &s) { return s.sign; }},
    {CKA_DECRYPT, "CKA_DECRYPT", true, [](const KeyGenSpec &s) { return s.decrypt; }},
    {CKA_UNWRAP, "CKA_UNWRAP", true, [](const KeyGenSpec &s) { return s.unwrap; }},
    {CKA_DERIVE, "CKA_DERIVE", true, [](const KeyGenSpec &s) { return s.derive; }},
    // Not offered in the wizard: always off, and not refused if a token turns them on.
    {CKA_SIGN_RECOVER, "CKA_SIGN_RECOVER", true, [](const KeyGenSpec &) { return false; }, false},
    {CKA_PRIVATE, "CKA_PRIVATE", false, [](const KeyGenSpec &) { return false; }},
    {CKA_VERIFY, "CKA_VERIFY", false, [](const KeyGenSpec &s) { return s.sign; }},
    {CKA_ENCRYPT, "CKA_ENCRYPT", false, [](const KeyGenSpec &s) { return s.decrypt; }},
    {CKA_WRAP, "CKA_WRAP", false, [](const KeyGenSpec &s) { return s.unwrap; }},
    // Key agreement uses the private key; the public half never derives.
    {CKA_DERIVE, "CKA_DERIVE", false, [](const KeyGenSpec &) { return false; }},
    {CKA_VERIFY_RECOVER, "CKA_VERIFY_RECOVER", false, [](const KeyGenSpec &) { return false; }, false},
};

// Each checked attribute the new pair has other than the spec asked, as a phrase
// for the error message. An attribute the token does not report counts as off.
QStringList attributeDifferences(Session &s, CK_OBJECT_HANDLE hPriv, CK_OBJECT_HANDLE hPub, const KeyGenSpec &spec)
{
    std::vector<CK_ATTRIBUTE_TYPE> privTypes, pubTypes;
    for (const KeyAttribute &a : kKeyAttributes)
        if (a.checked)
            (a.onPrivate ? privTypes : pubTypes).push_back(a.type);
    const AttributeSet privAttrs = readAttributes(s, hPriv, privTypes);
    const AttributeSet pubAttrs = readAttributes(s, hPub, pubTypes);
    QStringList out;
    for (const KeyAttribute &a : kKeyAttributes) {
        if (!a.checked)
            continue;
        const bool want = a.wanted(spec);
        const bool has = (a.onPrivate ? privAttrs : pubAttrs).boolean(a.type).value_or(false);
        if (has == want)
            continue;
        const QString name = QString::fromLatin1(a.name);
        if (a.onPrivate)
            out << (want ? Tr::tr("the private key lacks %1") : Tr::tr("the private key has %1, which was not asked for")).arg(name);
        else
            out << (want ? Tr::tr("the public key lacks %1") : Tr::tr("the public key has %1, which was not asked for")).arg(name);
    }
    return out;
}

std::vector<QByteArray> idsInUse(Session &s, const QByteArray &id)
{
    return TokenObjects::withId(s, id).empty() ? std::vector<QByteArray>{} : std::vector<QByteArray>{id};
}
} // namespace

GeneratedKey generateKeyPair(Session &s, const CK_TOKEN_INFO &token, const KeyGenSpec &spec)
{
    std::vector<KeyAlgorithm> offered;
    try {
        offered = KeyAlgorithm::offeredBy(Scanner::readMechanisms(s.module(), s.slot()));
    } catch (const Pkcs11Error &e) {
        // A module without a mechanism list: let the token itself say no in C_GenerateKeyPair.
        qCInfo(lcKeys) << "mechanism list unavailable:" << e.what();
        offered = {spec.algorithm};
    }
    QByteArray chosenId;
    if (!spec.idHex.trimmed().isEmpty())
        chosenId = HexId::parse(spec.idHex).value_or(QByteArray());
    const QString problem = KeyGenValidator::check(spec, offered, {});
    if (!problem.isEmpty())
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput, problem);
    // The wizard checked the ID against its snapshot; the token may have changed since.
    if (!chosenId.isEmpty()) {
        const QString collision = KeyGenValidator::checkId(spec, idsInUse(s, chosenId));
        if (!collision.isEmpty())
            throw KeyOperationError(KeyOperationError::Kind::IdCollision, collision);
    }

    const KeyAlgorithm &alg = spec.algorithm;
    const bool rsa = alg.family == KeyAlgorithm::Family::Rsa;
    const QByteArray label = spec.label.toUtf8();
    const QByteArray ecParams = alg.ecParams();
    const CK_ULONG bits = CK_ULONG(alg.bits);

    // Every usage is spelled out, true or false, for every key type: modules differ
    // in their defaults (SoftHSM makes unnamed usages true, so an EC key asked for
    // sign + derive came out able to decrypt and unwrap too).
    std::vector<CK_ATTRIBUTE> pub{attrOf(CKA_TOKEN, kTrue), attr(CKA_LABEL, label.constData(), CK_ULONG(label.size()))};
    std::vector<CK_ATTRIBUTE> priv{attrOf(CKA_TOKEN, kTrue), attr(CKA_LABEL, label.constData(), CK_ULONG(label.size()))};
    for (const KeyAttribute &a : kKeyAttributes) {
        const bool want = a.wanted(spec);
        if (a.onlyWhenTrue && !want)
            continue; // some tokens refuse the attribute altogether
        (a.onPrivate ? priv : pub).push_back(attrOf(a.type, want ? kTrue : kFalse));
    }
    if (rsa) {
        pub.push_back(attrOf(CKA_MODULUS_BITS, bits));
        pub.push_back(attr(CKA_PUBLIC_EXPONENT, kF4, sizeof kF4));
    } else {
        pub.push_back(attr(CKA_EC_PARAMS, ecParams.constData(), CK_ULONG(ecParams.size())));
    }

    CK_MECHANISM mech{alg.generationMechanism(), nullptr, 0};
    CK_OBJECT_HANDLE hPub = CK_INVALID_HANDLE, hPriv = CK_INVALID_HANDLE;
    qCInfo(lcKeys) << "generating" << alg.id() << "key" << spec.label;
    check(P11CALL(s.module(), C_GenerateKeyPair, s.handle(), &mech, pub.data(), CK_ULONG(pub.size()), priv.data(),
                  CK_ULONG(priv.size()), &hPub, &hPriv),
          "C_GenerateKeyPair");

    ObjectTransaction tx(s);
    tx.adopt(hPriv);
    tx.adopt(hPub);
    // A module may ignore a template attribute and apply its own default; check what
    // it made before the key is named and kept.
    const QStringList differences = attributeDifferences(s, hPriv, hPub, spec);
    if (!differences.isEmpty())
        throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                Tr::tr("The token did not make the key as asked (%1); the new key was not kept.")
                                    .arg(differences.join(QStringLiteral("; "))));

    GeneratedKey out;
    out.label = spec.label;
    out.publicKey = readPublicKey(s, hPub, alg);
    out.idDerived = chosenId.isEmpty();
    out.id = out.idDerived ? defaultKeyId(out.publicKey, KeyIdStyle::OpenSc) : chosenId;
    if (out.id.isEmpty())
        throw KeyOperationError(KeyOperationError::Kind::Unsupported,
                                Tr::tr("No ID could be derived from the new public key; the key was not kept."));

    // The derived ID could only collide with a copy of this very key, or another
    // object someone gave this ID by hand; either way the pair would be ambiguous.
    for (CK_OBJECT_HANDLE h : TokenObjects::withId(s, out.id)) {
        if (h != hPub && h != hPriv)
            throw KeyOperationError(KeyOperationError::Kind::IdCollision,
                                    Tr::tr("The ID %1 is already used on this token; the new key was not kept.")
                                        .arg(HexId::format(out.id)));
    }
    const AttributeSet privAttrs = readAttributes(s, hPriv, {CKA_ID});
    const AttributeSet pubAttrs = readAttributes(s, hPub, {CKA_ID});
    if (privAttrs.bytes(CKA_ID) != out.id)
        tx.setAttribute(hPriv, CKA_ID, out.id);
    if (pubAttrs.bytes(CKA_ID) != out.id)
        tx.setAttribute(hPub, CKA_ID, out.id);

    // Re-read what the token now says rather than trusting what we wrote.
    if (readAttributes(s, hPriv, {CKA_ID}).bytes(CKA_ID) != out.id
        || readAttributes(s, hPub, {CKA_ID}).bytes(CKA_ID) != out.id)
        throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                Tr::tr("The token did not keep the key's ID; the new key was not kept."));
    tx.commit();

    out.privateKeyUri = Pkcs11Uri::forObject(token, CKO_PRIVATE_KEY, out.id, label);
    out.publicKeyUri = Pkcs11Uri::forObject(token, CKO_PUBLIC_KEY, out.id, label);
    qCInfo(lcKeys) << "generated" << alg.id() << "key" << spec.label << "id" << out.id.toHex();
    return out;
}
