// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/pkcs12import.h"

#include "inventory/scanner.h"
#include "keys/certificatewriter.h"
#include "keys/hexid.h"
#include "keys/keygenvalidator.h"
#include "keys/keyoperationerror.h"
#include "keys/keyslogging.h"
#include "keys/objecttransaction.h"
#include "keys/ossl_p.h"
#include "keys/tokenobjects.h"
#include "p11/attributes.h"
#include "p11/session.h"
#include "p11/uri.h"
#include "x509/certificatedecoder.h"
#include "x509/keyid.h"

#include <QCoreApplication>

#include <cstdint>

#include <openssl/core_names.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/provider.h>

using namespace keysdetail;

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(Pkcs12Import) };

// PKCS#12 files from older OpenSSL and Windows encrypt certificates with RC2-40,
// which OpenSSL 3 keeps in its "legacy" provider. Loaded into a private library
// context made the default for this worker thread only while one file is parsed,
// so no other OpenSSL use in the process gets the legacy algorithms. The context
// outlives the key read with it (Parsed holds it), since the key refers to it.
class LegacyContext {
public:
    LegacyContext()
    {
        m_ctx = OSSL_LIB_CTX_new();
        if (m_ctx) {
            m_legacy = OSSL_PROVIDER_load(m_ctx, "legacy");
            m_default = OSSL_PROVIDER_load(m_ctx, "default");
        }
        clearErrors();
    }
    ~LegacyContext()
    {
        deactivate();
        if (m_legacy)
            OSSL_PROVIDER_unload(m_legacy);
        if (m_default)
            OSSL_PROVIDER_unload(m_default);
        OSSL_LIB_CTX_free(m_ctx);
    }
    LegacyContext(const LegacyContext &) = delete;
    LegacyContext &operator=(const LegacyContext &) = delete;
    bool activate()
    {
        if (m_legacy && m_default && !m_previous)
            m_previous = OSSL_LIB_CTX_set0_default(m_ctx);
        return m_previous != nullptr;
    }
    void deactivate()
    {
        if (m_previous)
            OSSL_LIB_CTX_set0_default(m_previous);
        m_previous = nullptr;
    }

private:
    OSSL_LIB_CTX *m_ctx = nullptr;
    OSSL_LIB_CTX *m_previous = nullptr;
    OSSL_PROVIDER *m_legacy = nullptr;
    OSSL_PROVIDER *m_default = nullptr;
};

struct Parsed {
    std::unique_ptr<LegacyContext> legacy; // first: destroyed after the objects read with it
    Owned<EVP_PKEY> key;
    Owned<X509> cert;
    Owned<STACK_OF(X509)> chain;
};

// Key derivation work a file may ask for. OpenSSL writes 2,048 rounds, Windows 2,000,
// Java 10,000 and hardened exporters up to about 1,000,000; a hostile file asks for 2^31
// and would keep the worker deriving keys for hours.
constexpr long kMaxMacIterations = 10'000'000;
constexpr long kMaxDerivationRounds = 10'000'000;
constexpr std::uint64_t kMaxScryptWork = std::uint64_t(1) << 22; // N·r·p; OpenSSL's own 16384·8·1 is 2^17
constexpr int kMaxSafeNesting = 8;

bool roundsWithinLimit(const ASN1_INTEGER *rounds)
{
    const long n = rounds ? ASN1_INTEGER_get(rounds) : 1;
    return n >= 1 && n <= kMaxDerivationRounds;
}

template <typename T>
Owned<T> unpackParam(const ASN1_TYPE *param, const ASN1_ITEM *item)
{
    return Owned<T>(static_cast<T *>(param ? ASN1_TYPE_unpack_sequence(item, param) : nullptr));
}

// Whether a password-based encryption's algorithm identifier (PKCS#12's own PBE, or
// PBES2 with PBKDF2 or scrypt) asks for no more work than exporters use. Parameters
// that do not decode are left to OpenSSL, which refuses them without deriving.
bool derivationWithinLimits(const X509_ALGOR *alg)
{
    if (!alg || !alg->algorithm)
        return true;
    if (OBJ_obj2nid(alg->algorithm) != NID_pbes2) {
        const auto pbe = unpackParam<PBEPARAM>(alg->parameter, ASN1_ITEM_rptr(PBEPARAM));
        return !pbe || roundsWithinLimit(pbe->iter);
    }
    const auto pbes2 = unpackParam<PBE2PARAM>(alg->parameter, ASN1_ITEM_rptr(PBE2PARAM));
    if (!pbes2 || !pbes2->keyfunc || !pbes2->keyfunc->algorithm)
        return true;
    switch (OBJ_obj2nid(pbes2->keyfunc->algorithm)) {
    case NID_id_pbkdf2: {
        const auto kdf = unpackParam<PBKDF2PARAM>(pbes2->keyfunc->parameter, ASN1_ITEM_rptr(PBKDF2PARAM));
        return !kdf || roundsWithinLimit(kdf->iter);
    }
    case NID_id_scrypt: {
        const auto kdf = unpackParam<SCRYPT_PARAMS>(pbes2->keyfunc->parameter, ASN1_ITEM_rptr(SCRYPT_PARAMS));
        if (!kdf)
            return true;
        std::uint64_t n = 0, r = 0, p = 0;
        if (!ASN1_INTEGER_get_uint64(&n, kdf->costParameter) || !ASN1_INTEGER_get_uint64(&r, kdf->blockSize)
            || !ASN1_INTEGER_get_uint64(&p, kdf->parallelizationParameter))
            return false;
        return n <= kMaxScryptWork && r <= kMaxScryptWork && p <= kMaxScryptWork && n * r <= kMaxScryptWork
            && n * r * p <= kMaxScryptWork;
    }
    default: return true;
    }
}

bool bagsWithinLimits(const STACK_OF(PKCS12_SAFEBAG) *bags, int depth)
{
    if (depth > kMaxSafeNesting)
        return false;
    for (int i = 0; i < sk_PKCS12_SAFEBAG_num(bags); ++i) {
        const PKCS12_SAFEBAG *bag = sk_PKCS12_SAFEBAG_value(bags, i);
        if (PKCS12_SAFEBAG_get_nid(bag) == NID_pkcs8ShroudedKeyBag) {
            const X509_ALGOR *alg = nullptr;
            if (const X509_SIG *sig = PKCS12_SAFEBAG_get0_pkcs8(bag))
                X509_SIG_get0(sig, &alg, nullptr);
            if (!derivationWithinLimits(alg))
                return false;
        } else if (PKCS12_SAFEBAG_get_nid(bag) == NID_safeContentsBag) {
            if (!bagsWithinLimits(PKCS12_SAFEBAG_get0_safes(bag), depth + 1))
                return false;
        }
    }
    return true;
}

// Every key derivation in the file is looked at before OpenSSL runs it: the encrypted
// contents' (before decrypting them) and each shrouded key's. Bags inside encrypted
// contents become visible only by decrypting those, so that decryption (whose rounds
// were checked) is done once more here than PKCS12_parse does it.
bool derivationsWithinLimits(PKCS12 *p12, const char *pw)
{
    const Owned<STACK_OF(PKCS7)> safes(PKCS12_unpack_authsafes(p12));
    bool ok = true;
    for (int i = 0; ok && safes && i < sk_PKCS7_num(safes.get()); ++i) {
        PKCS7 *p7 = sk_PKCS7_value(safes.get(), i);
        Owned<STACK_OF(PKCS12_SAFEBAG)> bags;
        switch (OBJ_obj2nid(p7->type)) {
        case NID_pkcs7_data: bags.reset(PKCS12_unpack_p7data(p7)); break;
        case NID_pkcs7_encrypted:
            if (p7->d.encrypted && p7->d.encrypted->enc_data)
                ok = derivationWithinLimits(p7->d.encrypted->enc_data->algorithm);
            if (ok)
                bags.reset(PKCS12_unpack_p7encdata(p7, pw, -1)); // NULL with a wrong or legacy cipher: PKCS12_parse decides
            break;
        default: break;
        }
        if (bags)
            ok = bagsWithinLimits(bags.get(), 0);
    }
    clearErrors();
    return ok;
}

void checkDerivations(PKCS12 *p12, const char *pw)
{
    if (!derivationsWithinLimits(p12, pw))
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput,
                                Tr::tr("The PKCS#12 file asks for more key derivation work to decrypt its contents than "
                                       "any exporter uses; it was not opened."));
}

bool macMatches(PKCS12 *p12, const char *pw, bool emptyPassword)
{
    if (PKCS12_verify_mac(p12, pw, -1))
        return true;
    // An empty password may have been applied as "no password" (NULL) by the exporter.
    return emptyPassword && PKCS12_verify_mac(p12, nullptr, 0);
}

Parsed parse(const QByteArray &file, const SecureBytes &password)
{
    const unsigned char *p = bytes(file);
    Owned<PKCS12> p12(d2i_PKCS12(nullptr, &p, long(file.size())));
    if (!p12) {
        clearErrors();
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput,
                                Tr::tr("This is not a PKCS#12 file (.p12 or .pfx)."));
    }
    // The MAC's iteration count comes from the file: a hostile one (2^31) would keep the
    // worker in the key derivation for many minutes. OpenSSL writes 2,048, Windows 2,000, Java 10,000.
    const ASN1_INTEGER *macIterations = nullptr;
    if (PKCS12_mac_present(p12.get())) {
        PKCS12_get0_mac(nullptr, nullptr, nullptr, &macIterations, p12.get());
        const long n = macIterations ? ASN1_INTEGER_get(macIterations) : 1;
        if (n < 1 || n > kMaxMacIterations) {
            clearErrors();
            throw KeyOperationError(KeyOperationError::Kind::InvalidInput,
                                    Tr::tr("The PKCS#12 file asks for more iterations in its integrity check than any "
                                       "exporter uses; it was not opened."));
        }
    }
    // OpenSSL wants a NUL-terminated password; the copy is a SecureBytes too.
    SecureBytes pass = password.clone();
    const char nul = 0;
    pass.append(&nul, 1);
    const char *pw = reinterpret_cast<const char *>(pass.data());
    // The MAC is checked first: a wrong password is then told apart from a file
    // whose encryption OpenSSL cannot undo.
    if (PKCS12_mac_present(p12.get()) && !macMatches(p12.get(), pw, password.empty())) {
        clearErrors();
        throw KeyOperationError(KeyOperationError::Kind::WrongPassword,
                                Tr::tr("The password is wrong: the PKCS#12 file could not be opened. Nothing was written "
                                   "to the token."));
    }
    EVP_PKEY *key = nullptr;
    X509 *cert = nullptr;
    STACK_OF(X509) *chain = nullptr;
    Parsed out;
    checkDerivations(p12.get(), pw);
    bool ok = PKCS12_parse(p12.get(), pw, &key, &cert, &chain);
    if (!ok) {
        clearErrors();
        out.legacy = std::make_unique<LegacyContext>();
        if (out.legacy->activate()) {
            // Parse a fresh copy: the first attempt may have left decoded parts behind.
            const unsigned char *q = bytes(file);
            Owned<PKCS12> again(d2i_PKCS12(nullptr, &q, long(file.size())));
            if (again)
                checkDerivations(again.get(), pw); // legacy ciphers open bags the first look could not
            ok = again && PKCS12_parse(again.get(), pw, &key, &cert, &chain);
            out.legacy->deactivate();
            if (ok)
                qCInfo(lcKeys) << "PKCS#12 file uses legacy encryption; read with OpenSSL's legacy provider";
        }
    }
    if (!ok) {
        clearErrors();
        throw KeyOperationError(KeyOperationError::Kind::Unsupported,
                                Tr::tr("The PKCS#12 file could not be decrypted. It may use a legacy algorithm (RC2, "
                                   "40-bit RC4); export it again with AES, e.g. openssl pkcs12 -export."));
    }
    out.key.reset(key);
    out.cert.reset(cert);
    out.chain.reset(chain);
    if (!out.key)
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput,
                                Tr::tr("The PKCS#12 file holds no private key. Import its certificates with the "
                                   "certificate import instead."));
    return out;
}

SecureBytes bnParam(EVP_PKEY *key, const char *name, int padTo = 0)
{
    BIGNUM *raw = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &raw))
        opensslFailed(name);
    Owned<BIGNUM> bn(raw); // cleared on free: may be a private component
    const int len = padTo ? padTo : BN_num_bytes(bn.get());
    SecureBytes out(std::size_t(len > 0 ? len : 1));
    ensure(BN_bn2binpad(bn.get(), out.data(), int(out.size())), name);
    return out;
}

QByteArray publicBytes(const SecureBytes &b) { return QByteArray(reinterpret_cast<const char *>(b.data()), b.size()); }

QByteArray octetString(const QByteArray &raw)
{
    Owned<ASN1_STRING> os(ASN1_OCTET_STRING_new());
    if (!os || !ASN1_OCTET_STRING_set(os.get(), bytes(raw), int(raw.size())))
        opensslFailed("ASN1_OCTET_STRING_set");
    return toDer(os.get(), i2d_ASN1_OCTET_STRING);
}

QByteArray curveParams(EVP_PKEY *key, int *orderBytes)
{
    char group[80] = {};
    if (!EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, nullptr))
        opensslFailed("group name");
    const int nid = OBJ_sn2nid(group) != NID_undef ? OBJ_sn2nid(group) : EC_curve_nist2nid(group);
    const ASN1_OBJECT *obj = nid == NID_undef ? nullptr : OBJ_nid2obj(nid);
    if (!obj)
        throw KeyOperationError(KeyOperationError::Kind::Unsupported,
                                Tr::tr("The key's curve (%1) is not one TokenDesk can import.").arg(QLatin1String(group)));
    *orderBytes = (EVP_PKEY_get_bits(key) + 7) / 8;
    return toDer(obj, i2d_ASN1_OBJECT);
}

QString friendlyName(X509 *cert)
{
    int len = 0;
    const unsigned char *alias = cert ? X509_alias_get0(cert, &len) : nullptr;
    return alias && len > 0 ? QString::fromUtf8(reinterpret_cast<const char *>(alias), len) : QString();
}

// Everything importPkcs12 takes from the file, before the token is touched.
struct FileContents {
    Parsed parsed;
    int type = EVP_PKEY_NONE;
    PublicKey publicKey;
    QByteArray certDer;          // the key's certificate, empty when the file has none
    QList<QByteArray> chainDers; // the other certificates, in file order
    std::optional<CertificateInfo> certInfo;
};

FileContents readFile(const QByteArray &file, SecureBytes &password)
{
    FileContents c;
    c.parsed = parse(file, password);
    password.wipe();
    EVP_PKEY *key = c.parsed.key.get();
    c.type = EVP_PKEY_get_base_id(key);
    if (c.type != EVP_PKEY_RSA && c.type != EVP_PKEY_EC)
        throw KeyOperationError(KeyOperationError::Kind::Unsupported,
                                Tr::tr("TokenDesk imports RSA and EC keys from PKCS#12 files, not %1 keys.")
                                    .arg(QLatin1String(OBJ_nid2sn(c.type))));
    {
        Owned<BIO> bio(BIO_new(BIO_s_mem()));
        ensure(bio && i2d_PUBKEY_bio(bio.get(), key), "i2d_PUBKEY_bio");
        char *data = nullptr;
        const long n = BIO_get_mem_data(bio.get(), &data);
        c.publicKey = PublicKey::fromSubjectPublicKeyInfo(QByteArray(data, int(n)));
    }

    // The certificate for the key: PKCS12_parse's choice, else the one in the chain carrying the key.
    if (c.parsed.cert)
        c.certDer = toDer(c.parsed.cert.get(), i2d_X509);
    for (int i = 0; i < sk_X509_num(c.parsed.chain.get()); ++i) {
        const QByteArray der = toDer(sk_X509_value(c.parsed.chain.get(), i), i2d_X509);
        if (c.certDer.isEmpty() && PublicKey::fromCertificate(der).sameKeyAs(c.publicKey))
            c.certDer = der;
        else
            c.chainDers << der;
    }
    if (!c.certDer.isEmpty())
        c.certInfo = decodeCertificate(c.certDer);
    return c;
}
} // namespace

Pkcs12Summary inspectPkcs12(const QByteArray &file, SecureBytes password)
{
    FileContents c = readFile(file, password);
    Pkcs12Summary summary;
    summary.publicKey = c.publicKey;
    summary.certificates = int(c.chainDers.size()) + (c.certDer.isEmpty() ? 0 : 1);
    summary.friendlyName = friendlyName(c.parsed.cert.get());
    if (c.type == EVP_PKEY_EC) {
        int orderBytes = 0;
        curveParams(c.parsed.key.get(), &orderBytes);
    }
    return summary;
}

Pkcs12ImportResult importPkcs12(Session &s, const CK_TOKEN_INFO &token, const QByteArray &file, SecureBytes password,
                                const Pkcs12ImportOptions &options)
{
    FileContents contents = readFile(file, password);
    Parsed &parsed = contents.parsed;
    EVP_PKEY *key = parsed.key.get();
    const int type = contents.type;
    Pkcs12ImportResult result;
    result.publicKey = contents.publicKey;
    const QByteArray &certDer = contents.certDer;
    const QList<QByteArray> &chainDers = contents.chainDers;
    const std::optional<CertificateInfo> &certInfo = contents.certInfo;

    // Refusals before anything is written.
    const TokenContents before = Scanner::readObjects(s, token);
    for (const ObjectInfo &o : before.objects) {
        if ((o.cls == CKO_PRIVATE_KEY || o.cls == CKO_PUBLIC_KEY)) {
            const PublicKey k = TokenObjects::publicKeyOf(o);
            if (!k.isNull() && k.sameKeyAs(result.publicKey))
                throw KeyOperationError(KeyOperationError::Kind::AlreadyOnToken,
                                        Tr::tr("This key is already on the token (“%1”); nothing was written.")
                                            .arg(o.labelText()));
        }
    }
    KeyGenSpec idSpec;
    idSpec.idHex = options.idHex;
    std::vector<QByteArray> ids;
    for (const ObjectInfo &o : before.objects)
        ids.push_back(o.id);
    const QString idProblem = KeyGenValidator::checkId(idSpec, ids);
    if (!idProblem.isEmpty())
        throw KeyOperationError(KeyOperationError::Kind::IdCollision, idProblem);
    result.id = options.idHex.trimmed().isEmpty() ? defaultKeyId(result.publicKey, KeyIdStyle::OpenSc)
                                                  : HexId::parse(options.idHex).value_or(QByteArray());
    if (std::find(ids.begin(), ids.end(), result.id) != ids.end())
        throw KeyOperationError(KeyOperationError::Kind::IdCollision,
                                Tr::tr("The ID %1 derived from the key is already used on this token; choose an ID.")
                                    .arg(HexId::format(result.id)));
    result.label = options.label.trimmed();
    if (result.label.isEmpty())
        result.label = friendlyName(parsed.cert.get());
    if (result.label.isEmpty() && certInfo)
        result.label = certInfo->commonName;
    if (result.label.isEmpty())
        result.label = Tr::tr("Imported key");
    const QByteArray label = result.label.toUtf8();
    const QByteArray subject = certInfo ? certInfo->subjectDer : QByteArray();

    ObjectTransaction tx(s);
    const CK_OBJECT_CLASS privClass = CKO_PRIVATE_KEY, pubClass = CKO_PUBLIC_KEY;
    const bool rsa = type == EVP_PKEY_RSA;
    const CK_KEY_TYPE keyType = rsa ? CKK_RSA : CKK_EC;
    std::vector<CK_ATTRIBUTE> priv{attrOf(CKA_CLASS, privClass), attrOf(CKA_KEY_TYPE, keyType),
                                   attrOf(CKA_TOKEN, kTrue),     attrOf(CKA_PRIVATE, kTrue),
                                   attrOf(CKA_SENSITIVE, kTrue), attrOf(CKA_EXTRACTABLE, kFalse),
                                   attrOf(CKA_SIGN, kTrue),
                                   attr(CKA_LABEL, label.constData(), CK_ULONG(label.size())),
                                   attr(CKA_ID, result.id.constData(), CK_ULONG(result.id.size()))};
    std::vector<CK_ATTRIBUTE> pub{attrOf(CKA_CLASS, pubClass), attrOf(CKA_KEY_TYPE, keyType),
                                  attrOf(CKA_TOKEN, kTrue),    attrOf(CKA_PRIVATE, kFalse),
                                  attrOf(CKA_VERIFY, kTrue),
                                  attr(CKA_LABEL, label.constData(), CK_ULONG(label.size())),
                                  attr(CKA_ID, result.id.constData(), CK_ULONG(result.id.size()))};
    if (!subject.isEmpty()) {
        priv.push_back(attr(CKA_SUBJECT, subject.constData(), CK_ULONG(subject.size())));
        pub.push_back(attr(CKA_SUBJECT, subject.constData(), CK_ULONG(subject.size())));
    }
    // Key material lives in SecureBytes (wiped on every path out of here).
    std::vector<SecureBytes> secrets;
    QByteArray modulus, exponent, ecParams, ecPoint;
    if (rsa) {
        modulus = publicBytes(bnParam(key, OSSL_PKEY_PARAM_RSA_N));
        exponent = publicBytes(bnParam(key, OSSL_PKEY_PARAM_RSA_E));
        priv.push_back(attr(CKA_MODULUS, modulus.constData(), CK_ULONG(modulus.size())));
        priv.push_back(attr(CKA_PUBLIC_EXPONENT, exponent.constData(), CK_ULONG(exponent.size())));
        const std::pair<const char *, CK_ATTRIBUTE_TYPE> parts[] = {
            {OSSL_PKEY_PARAM_RSA_D, CKA_PRIVATE_EXPONENT},      {OSSL_PKEY_PARAM_RSA_FACTOR1, CKA_PRIME_1},
            {OSSL_PKEY_PARAM_RSA_FACTOR2, CKA_PRIME_2},         {OSSL_PKEY_PARAM_RSA_EXPONENT1, CKA_EXPONENT_1},
            {OSSL_PKEY_PARAM_RSA_EXPONENT2, CKA_EXPONENT_2},    {OSSL_PKEY_PARAM_RSA_COEFFICIENT1, CKA_COEFFICIENT}};
        secrets.reserve(std::size(parts));
        for (const auto &[param, type] : parts) {
            secrets.push_back(bnParam(key, param));
            priv.push_back(attr(type, secrets.back().data(), secrets.back().size()));
        }
        priv.push_back(attrOf(CKA_DECRYPT, kTrue));
        pub.push_back(attr(CKA_MODULUS, modulus.constData(), CK_ULONG(modulus.size())));
        pub.push_back(attr(CKA_PUBLIC_EXPONENT, exponent.constData(), CK_ULONG(exponent.size())));
        pub.push_back(attrOf(CKA_ENCRYPT, kTrue));
    } else {
        int orderBytes = 0;
        ecParams = curveParams(key, &orderBytes);
        ecPoint = octetString(result.publicKey.rawPublicKey());
        secrets.push_back(bnParam(key, OSSL_PKEY_PARAM_PRIV_KEY, orderBytes));
        priv.push_back(attr(CKA_EC_PARAMS, ecParams.constData(), CK_ULONG(ecParams.size())));
        priv.push_back(attr(CKA_VALUE, secrets.back().data(), secrets.back().size()));
        priv.push_back(attrOf(CKA_DERIVE, kTrue));
        pub.push_back(attr(CKA_EC_PARAMS, ecParams.constData(), CK_ULONG(ecParams.size())));
        pub.push_back(attr(CKA_EC_POINT, ecPoint.constData(), CK_ULONG(ecPoint.size())));
    }
    const CK_OBJECT_HANDLE hPriv = tx.create(priv);
    secrets.clear();
    parsed.key.reset();
    tx.create(pub);

    // Certificates: planned against the token as it is now (with the new key), so
    // the key's certificate pairs and the chain goes in as CA certificates.
    QList<QByteArray> ders;
    if (!certDer.isEmpty())
        ders << certDer;
    ders << chainDers;
    if (!ders.isEmpty()) {
        CertificateImportOptions certOptions;
        certOptions.importUnmatched = true; // the chain of a PKCS#12 file is wanted even without a leaf match
        try {
            result.certificates = planCertificateImport(Scanner::readObjects(s, token), ders, certOptions);
        } catch (const KeyOperationError &e) {
            if (e.kind() != KeyOperationError::Kind::AlreadyOnToken)
                throw;
        }
        CertificateWriter writer(s, token, tx);
        writePlannedCertificates(writer, result.certificates);
        result.certificates.notes << writer.notes();
    }

    // The token decides CKA_LOCAL; confirm it did not claim to have made this key.
    const AttributeSet facts = readAttributes(s, hPriv, {CKA_LOCAL, CKA_SENSITIVE, CKA_EXTRACTABLE});
    if (facts.boolean(CKA_SENSITIVE) != true || facts.boolean(CKA_EXTRACTABLE) == true)
        throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                Tr::tr("The token did not protect the imported key as asked (sensitive, not extractable); "
                                   "it was removed again."));
    tx.commit();
    result.privateKeyUri = Pkcs11Uri::forObject(token, CKO_PRIVATE_KEY, result.id, label);
    result.outsideTokenNote =
        Tr::tr("This key was made outside the token and imported from a file: the token records that it did not generate "
           "it (CKA_LOCAL is %1), and copies may exist wherever the PKCS#12 file has been. Delete the file if the token "
           "is to hold the only copy.")
            .arg(facts.boolean(CKA_LOCAL).value_or(false) ? QStringLiteral("true") : QStringLiteral("false"));
    qCInfo(lcKeys) << "PKCS#12 key imported" << result.label << "id" << result.id.toHex() << "local"
                   << facts.boolean(CKA_LOCAL).value_or(false);
    return result;
}
