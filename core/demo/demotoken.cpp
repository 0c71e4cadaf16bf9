// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demotoken.h"

#include "demo/selfsignedcertificate.h"
#include "inventory/p11text.h"
#include "p11/attributes.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"
#include "x509/keyid.h"
#include "x509/publickey.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cstring>
#include <iterator>

Q_LOGGING_CATEGORY(lcDemo, "tokendesk.demo", QtInfoMsg)

namespace {
QString tr(const char *s) { return QCoreApplication::translate("DemoToken", s); }

QMutex g_storeMutex;
QString g_storeOverride; // guarded by g_storeMutex; set by tests only

// DER OID 1.2.840.10045.3.1.7 (prime256v1 / NIST P-256): CKA_EC_PARAMS for key generation.
const unsigned char kP256Params[] = {0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
const unsigned char kF4[] = {0x01, 0x00, 0x01}; // 65537

QByteArray aboutText()
{
    return QByteArray("This is the TokenDesk demo token: a SoftHSMv2 software token in TokenDesk's data directory. "
                      "Its PINs are public (user PIN ")
        + DemoToken::kUserPin + ", SO PIN " + DemoToken::kSoPin
        + ") and its keys were generated only for the demo. Do not keep real keys or certificates on it.";
}

// Token info strings are blank-padded, not NUL-terminated.
template <std::size_t N>
void padTo(CK_UTF8CHAR (&field)[N], const char *text)
{
    std::memset(field, ' ', N);
    std::memcpy(field, text, std::min(N, std::strlen(text)));
}


TokenRef refFor(Module &m, CK_SLOT_ID slot, const CK_TOKEN_INFO &info)
{
    return TokenRef{m.path(), slot, TokenIdentity::from(info)};
}

struct KeyPair {
    CK_OBJECT_HANDLE publicKey = CK_INVALID_HANDLE;
    CK_OBJECT_HANDLE privateKey = CK_INVALID_HANDLE;
    PublicKey key;
    QByteArray id;
};

// Generates the pair on the token (CKA_LOCAL stays true: the private key never existed elsewhere),
// then names it by the OpenSC-style ID of its public key, which is only known afterwards.
KeyPair generateKeyPair(Session &s, bool rsa, const QByteArray &label)
{
    const CK_ULONG bits = 2048;
    CK_MECHANISM mech{rsa ? CKM_RSA_PKCS_KEY_PAIR_GEN : CKM_EC_KEY_PAIR_GEN, nullptr, 0};
    // Usages spelled out: SoftHSM defaults the unnamed ones to true, and the demo
    // should show keys as a careful issuer would make them.
    std::vector<CK_ATTRIBUTE> pub{attrOf(CKA_TOKEN, kTrue), attrOf(CKA_PRIVATE, kFalse), attrOf(CKA_VERIFY, kTrue),
                                  attrOf(CKA_WRAP, kFalse), attrOf(CKA_ENCRYPT, rsa ? kTrue : kFalse),
                                  attr(CKA_LABEL, label.constData(), CK_ULONG(label.size()))};
    std::vector<CK_ATTRIBUTE> priv{attrOf(CKA_TOKEN, kTrue),       attrOf(CKA_PRIVATE, kTrue),
                                   attrOf(CKA_SENSITIVE, kTrue),   attrOf(CKA_EXTRACTABLE, kFalse),
                                   attrOf(CKA_SIGN, kTrue),        attrOf(CKA_UNWRAP, kFalse),
                                   attrOf(CKA_DECRYPT, rsa ? kTrue : kFalse),
                                   attrOf(CKA_DERIVE, rsa ? kFalse : kTrue),
                                   attr(CKA_LABEL, label.constData(), CK_ULONG(label.size()))};
    if (rsa) {
        pub.push_back(attrOf(CKA_MODULUS_BITS, bits));
        pub.push_back(attr(CKA_PUBLIC_EXPONENT, kF4, sizeof kF4));
    } else {
        pub.push_back(attr(CKA_EC_PARAMS, kP256Params, sizeof kP256Params));
    }
    KeyPair kp;
    check(P11CALL(s.module(), C_GenerateKeyPair, s.handle(), &mech, pub.data(), CK_ULONG(pub.size()), priv.data(),
                  CK_ULONG(priv.size()), &kp.publicKey, &kp.privateKey),
          "C_GenerateKeyPair");

    PublicKeyAttributes a;
    a.keyType = rsa ? CKK_RSA : CKK_EC;
    const AttributeSet values = readAttributes(
        s, kp.publicKey,
        rsa ? std::vector<CK_ATTRIBUTE_TYPE>{CKA_MODULUS, CKA_PUBLIC_EXPONENT} : std::vector<CK_ATTRIBUTE_TYPE>{CKA_EC_PARAMS, CKA_EC_POINT});
    a.modulus = values.bytes(CKA_MODULUS);
    a.publicExponent = values.bytes(CKA_PUBLIC_EXPONENT);
    a.ecParams = values.bytes(CKA_EC_PARAMS);
    a.ecPoint = values.bytes(CKA_EC_POINT);
    kp.key = PublicKey::fromAttributes(a);
    kp.id = defaultKeyId(kp.key, KeyIdStyle::OpenSc);
    return kp;
}

void setIdAndSubject(Session &s, CK_OBJECT_HANDLE object, const QByteArray &id, const QByteArray &subject)
{
    CK_ATTRIBUTE t[] = {attr(CKA_ID, id.constData(), CK_ULONG(id.size())),
                        attr(CKA_SUBJECT, subject.constData(), CK_ULONG(subject.size()))};
    check(P11CALL(s.module(), C_SetAttributeValue, s.handle(), object, t, CK_ULONG(std::size(t))),
          "C_SetAttributeValue");
}

void storeCertificate(Session &s, const SignedCertificate &c, const QByteArray &id, const QByteArray &label)
{
    const CK_OBJECT_CLASS cls = CKO_CERTIFICATE;
    const CK_CERTIFICATE_TYPE type = CKC_X_509;
    CK_ATTRIBUTE t[] = {attrOf(CKA_CLASS, cls),
                        attrOf(CKA_CERTIFICATE_TYPE, type),
                        attrOf(CKA_TOKEN, kTrue),
                        attrOf(CKA_PRIVATE, kFalse),
                        attr(CKA_LABEL, label.constData(), CK_ULONG(label.size())),
                        attr(CKA_ID, id.constData(), CK_ULONG(id.size())),
                        attr(CKA_VALUE, c.der.constData(), CK_ULONG(c.der.size())),
                        attr(CKA_SUBJECT, c.subjectDer.constData(), CK_ULONG(c.subjectDer.size())),
                        attr(CKA_ISSUER, c.issuerDer.constData(), CK_ULONG(c.issuerDer.size())),
                        attr(CKA_SERIAL_NUMBER, c.serialDer.constData(), CK_ULONG(c.serialDer.size()))};
    CK_OBJECT_HANDLE h = CK_INVALID_HANDLE;
    check(P11CALL(s.module(), C_CreateObject, s.handle(), t, CK_ULONG(std::size(t)), &h), "C_CreateObject");
}

void storeAboutObject(Session &s)
{
    const CK_OBJECT_CLASS cls = CKO_DATA;
    const QByteArray label = QByteArrayLiteral("About this demo token");
    const QByteArray app = QByteArrayLiteral("TokenDesk");
    const QByteArray value = aboutText();
    CK_ATTRIBUTE t[] = {attrOf(CKA_CLASS, cls),
                        attrOf(CKA_TOKEN, kTrue),
                        attrOf(CKA_PRIVATE, kFalse),
                        attrOf(CKA_MODIFIABLE, kTrue),
                        attr(CKA_LABEL, label.constData(), CK_ULONG(label.size())),
                        attr(CKA_APPLICATION, app.constData(), CK_ULONG(app.size())),
                        attr(CKA_VALUE, value.constData(), CK_ULONG(value.size()))};
    CK_OBJECT_HANDLE h = CK_INVALID_HANDLE;
    check(P11CALL(s.module(), C_CreateObject, s.handle(), t, CK_ULONG(std::size(t)), &h), "C_CreateObject");
}

SelfSignedSpec demoSpec(const QString &cn, const QString &keyUsage)
{
    SelfSignedSpec spec;
    spec.commonName = cn;
    spec.organization = QStringLiteral("TokenDesk Demo");
    // Said in the certificate itself, so it is clear wherever the certificate ends up.
    spec.organizationalUnit = QStringLiteral("Software demo token - not for real use");
    spec.keyUsage = keyUsage;
    spec.extendedKeyUsage = QStringLiteral("clientAuth,emailProtection");
    return spec;
}

// One key pair and its self-signed certificate, named alike. The certificate gets
// the key's CKA_ID, as every consumer expects, unless certificateUnderSkiId asks
// for the mismatch the pairing check warns about.
void makeDemoPair(Session &s, bool rsa, const QString &name, const QString &keyUsage,
                  const QString &certificateLabel = {}, bool certificateUnderSkiId = false)
{
    const QByteArray label = name.toUtf8();
    KeyPair kp = generateKeyPair(s, rsa, label);
    const SignedCertificate cert = signSelfSignedCertificate(s, kp.privateKey, kp.key, demoSpec(name, keyUsage));
    setIdAndSubject(s, kp.publicKey, kp.id, cert.subjectDer);
    setIdAndSubject(s, kp.privateKey, kp.id, cert.subjectDer);
    // The mismatch shown here is a real-world one: tools that import a certificate
    // on its own often use its Subject Key Identifier as CKA_ID, while OpenSC named
    // the key by the hash of its public value, so consumers never pair the two.
    const QByteArray certId = certificateUnderSkiId ? defaultKeyId(kp.key, KeyIdStyle::SubjectKeyIdentifier) : kp.id;
    storeCertificate(s, cert, certId, certificateLabel.isEmpty() ? label : certificateLabel.toUtf8());
    qCDebug(lcDemo) << "demo object" << name << "id" << kp.id.toHex();
}
} // namespace

QString DemoToken::storeDir()
{
    {
        QMutexLocker lock(&g_storeMutex);
        if (!g_storeOverride.isEmpty())
            return g_storeOverride;
    }
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return base.isEmpty() ? QString() : base + QStringLiteral("/demo-softhsm");
}

QString DemoToken::confPath() { return storeDir() + QStringLiteral("/softhsm2.conf"); }

QString DemoToken::tokenDir() { return storeDir() + QStringLiteral("/tokens"); }

QString DemoToken::softhsmModulePath()
{
    for (const char *p : {"/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                          "/usr/lib64/pkcs11/libsofthsm2.so", "/usr/lib/pkcs11/libsofthsm2.so"}) {
        const QString path = QString::fromLatin1(p);
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

void DemoToken::setStoreDirForTesting(const QString &dir)
{
    QMutexLocker lock(&g_storeMutex);
    g_storeOverride = dir;
}

void DemoToken::useDemoStore()
{
    const QString dir = storeDir();
    if (dir.isEmpty() || !QDir().mkpath(tokenDir()))
        throw TokenDeskError(tr("The demo token's folder %1 could not be created.").arg(dir));
    const QByteArray conf = "# Written by TokenDesk for its demo token: a software token whose PINs are public.\n"
                            "directories.tokendir = "
        + QFile::encodeName(tokenDir())
        + "\n"
          "objectstore.backend = file\n"
          "log.level = ERROR\n"
          "slots.removable = false\n";
    QFile existing(confPath());
    // Written only when it differs (e.g. the data dir moved), and atomically: another
    // TokenDesk process may be reading it in C_Initialize right now.
    if (!existing.open(QIODevice::ReadOnly) || existing.readAll() != conf) {
        existing.close();
        QSaveFile f(confPath());
        if (!f.open(QIODevice::WriteOnly) || f.write(conf) != conf.size() || !f.commit())
            throw TokenDeskError(tr("The demo token's configuration %1 could not be written.").arg(confPath()));
    }
    qputenv("SOFTHSM2_CONF", QFile::encodeName(confPath()));
    qCInfo(lcDemo) << "SOFTHSM2_CONF points at the demo store" << confPath();
}

bool DemoToken::isDemoToken(const TokenSnapshot &token)
{
    return token.label == QLatin1String(kLabel) && token.id.manufacturer == QLatin1String(kSoftHsmManufacturer);
}

bool DemoToken::isDemoToken(const CK_TOKEN_INFO &info)
{
    return (info.flags & CKF_TOKEN_INITIALIZED) && P11Text::padded(info.label) == QLatin1String(kLabel)
        && P11Text::padded(info.manufacturerID) == QLatin1String(kSoftHsmManufacturer);
}

std::optional<TokenRef> DemoToken::find(Module &softhsm)
{
    for (CK_SLOT_ID slot : slotList(softhsm, true)) {
        CK_TOKEN_INFO info{};
        if (P11CALL(softhsm, C_GetTokenInfo, slot, &info) == CKR_OK && isDemoToken(info))
            return refFor(softhsm, slot, info);
    }
    return std::nullopt;
}

TokenRef DemoToken::create(Module &softhsm)
{
    // C_InitToken erases whatever is in the slot. Free slots hold nothing, but the
    // demo token belongs in the demo store of SoftHSM and nowhere else.
    if (!P11Text::padded(softhsm.info().manufacturerID).startsWith(QLatin1String("SoftHSM")))
        throw TokenDeskError(tr("The demo token can only be created with SoftHSM, not with %1.").arg(softhsm.path()));
    if (QFile::decodeName(qgetenv("SOFTHSM2_CONF")) != confPath())
        throw TokenDeskError(tr("SoftHSM is not using the demo store; the demo token was not created."));
    if (find(softhsm))
        throw TokenDeskError(tr("The demo token already exists."));

    std::optional<CK_SLOT_ID> freeSlot;
    for (CK_SLOT_ID slot : slotList(softhsm, true)) {
        CK_TOKEN_INFO info{};
        if (P11CALL(softhsm, C_GetTokenInfo, slot, &info) == CKR_OK && !(info.flags & CKF_TOKEN_INITIALIZED)) {
            freeSlot = slot;
            break;
        }
    }
    if (!freeSlot)
        throw TokenDeskError(tr("No free SoftHSM slot for the demo token."));

    qCInfo(lcDemo) << "creating the demo token in slot" << *freeSlot;
    {
        SecureBytes so = soPin();
        CK_UTF8CHAR label[32];
        padTo(label, kLabel);
        check(P11CALL(softhsm, C_InitToken, *freeSlot, so.data(), so.size(), label), "C_InitToken");
    }
    // SoftHSM gives an initialized token a slot id derived from its serial (visible
    // after the next C_Initialize); find it again by label rather than trust the number.
    std::optional<TokenRef> ref = find(softhsm);
    if (!ref)
        throw TokenDeskError(tr("The demo token was initialized but then not found."));

    // Session wants shared ownership; this one is non-owning (aliasing constructor,
    // empty owner) because the session ends before create() returns to its caller,
    // who keeps the module alive.
    const std::shared_ptr<Module> module(std::shared_ptr<Module>(), &softhsm);
    Session s(module, ref->slot, true);
    s.login(CKU_SO, soPin());
    {
        SecureBytes user = userPin();
        check(P11CALL(softhsm, C_InitPIN, s.handle(), user.data(), user.size()), "C_InitPIN");
    }
    s.logout();
    s.login(CKU_USER, userPin());

    makeDemoPair(s, true, QStringLiteral("Demo RSA signing key"),
                 QStringLiteral("critical,digitalSignature,nonRepudiation,keyEncipherment"));
    makeDemoPair(s, false, QStringLiteral("Demo EC P-256 key"), QStringLiteral("critical,digitalSignature,keyAgreement"));
    makeDemoPair(s, false, QStringLiteral("Demo key with mismatched ID"), QStringLiteral("critical,digitalSignature"),
                 QStringLiteral("Demo certificate stored under another ID"), true);
    storeAboutObject(s);
    s.logout();

    // Token info changed (user PIN set, objects added): hand back the fresh identity.
    CK_TOKEN_INFO info{};
    check(P11CALL(softhsm, C_GetTokenInfo, ref->slot, &info), "C_GetTokenInfo");
    qCInfo(lcDemo) << "demo token ready, serial" << P11Text::padded(info.serialNumber);
    return refFor(softhsm, ref->slot, info);
}
