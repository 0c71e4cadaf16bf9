// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/demotoken.h"

#include "keys/certificatewriter.h"
#include "keys/keygenerator.h"
#include "keys/keygenspec.h"
#include "keys/objecttransaction.h"
#include "keys/selfsignedcert.h"
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
struct Tr { Q_DECLARE_TR_FUNCTIONS(DemoToken) };

QMutex g_storeMutex;
QString g_storeOverride; // guarded by g_storeMutex; set by tests only


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

// Keys carry their certificate's subject too: some consumers (older NSS, Windows'
// minidriver tools) show or match keys by CKA_SUBJECT.
void setKeySubject(Session &s, const QByteArray &id, const QByteArray &subject)
{
    for (CK_OBJECT_CLASS cls : {CKO_PRIVATE_KEY, CKO_PUBLIC_KEY}) {
        for (CK_OBJECT_HANDLE h : s.findObjects({attrOf(CKA_CLASS, cls), attr(CKA_ID, id.constData(), CK_ULONG(id.size()))})) {
            CK_ATTRIBUTE t = attr(CKA_SUBJECT, subject.constData(), CK_ULONG(subject.size()));
            check(P11CALL(s.module(), C_SetAttributeValue, s.handle(), h, &t, 1), "C_SetAttributeValue");
        }
    }
}

// One key pair generated on the token (core/keys: safe defaults, OpenSC-style CKA_ID)
// and its self-signed certificate, signed on the token. The certificate gets the key's
// CKA_ID, as every consumer expects, unless certificateUnderSkiId asks for the
// mismatch the pairing check warns about.
// The certificate's dates, from the moment the demo token is created.
struct DemoValidity {
    int days = 3650;
    qint64 notBeforeOffset = -3600; // seconds from now
};

void makeDemoPair(Session &s, const CK_TOKEN_INFO &token, const KeyAlgorithm &algorithm, const QString &name,
                  const QStringList &keyUsage, const QString &certificateLabel = {}, bool certificateUnderSkiId = false,
                  DemoValidity validity = {})
{
    KeyGenSpec spec = KeyGenSpec::defaultsFor(algorithm);
    spec.label = name;
    const GeneratedKey key = generateKeyPair(s, token, spec);

    SelfSignedRequest request;
    request.subject.commonName = name;
    request.subject.organization = QStringLiteral("TokenDesk Demo");
    // Said in the certificate itself, so it is clear wherever the certificate ends up.
    request.subject.organizationalUnit = QStringLiteral("Software demo token - not for real use");
    request.validDays = validity.days;
    request.notBeforeOffset = validity.notBeforeOffset;
    request.usage = UsagePreset::Custom;
    request.customUsage.keyUsage = keyUsage;
    request.customUsage.extendedKeyUsage = {QStringLiteral("clientAuth"), QStringLiteral("emailProtection")};
    request.store = !certificateUnderSkiId;
    const SelfSignedResult cert = createSelfSignedCertificate(s, token, key.id, request);
    setKeySubject(s, key.id, cert.info.subjectDer);
    if (certificateUnderSkiId) {
        // The mismatch shown here is a real-world one: tools that import a certificate
        // on its own often use its Subject Key Identifier as CKA_ID, while OpenSC named
        // the key by the hash of its public value, so consumers never pair the two.
        ObjectTransaction tx(s);
        CertificateWriter writer(s, token, tx);
        writer.write(cert.info, defaultKeyId(key.publicKey, KeyIdStyle::SubjectKeyIdentifier), certificateLabel, 1);
        tx.commit();
    }
    qCDebug(lcDemo) << "demo object" << name << "id" << key.id.toHex();
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
        throw TokenDeskError(Tr::tr("The demo token's folder %1 could not be created.").arg(dir));
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
            throw TokenDeskError(Tr::tr("The demo token's configuration %1 could not be written.").arg(confPath()));
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
        throw TokenDeskError(Tr::tr("The demo token can only be created with SoftHSM, not with %1.").arg(softhsm.path()));
    if (QFile::decodeName(qgetenv("SOFTHSM2_CONF")) != confPath())
        throw TokenDeskError(Tr::tr("SoftHSM is not using the demo store; the demo token was not created."));
    if (find(softhsm))
        throw TokenDeskError(Tr::tr("The demo token already exists."));

    std::optional<CK_SLOT_ID> freeSlot;
    for (CK_SLOT_ID slot : slotList(softhsm, true)) {
        CK_TOKEN_INFO info{};
        if (P11CALL(softhsm, C_GetTokenInfo, slot, &info) == CKR_OK && !(info.flags & CKF_TOKEN_INITIALIZED)) {
            freeSlot = slot;
            break;
        }
    }
    if (!freeSlot)
        throw TokenDeskError(Tr::tr("No free SoftHSM slot for the demo token."));

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
        throw TokenDeskError(Tr::tr("The demo token was initialized but then not found."));

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

    CK_TOKEN_INFO token{};
    check(P11CALL(softhsm, C_GetTokenInfo, ref->slot, &token), "C_GetTokenInfo");
    const KeyAlgorithm p256 = KeyAlgorithm::ec("prime256v1");
    makeDemoPair(s, token, KeyAlgorithm::rsa(2048), QStringLiteral("Demo RSA signing key"),
                 {QStringLiteral("digitalSignature"), QStringLiteral("nonRepudiation"), QStringLiteral("keyEncipherment")});
    makeDemoPair(s, token, p256, QStringLiteral("Demo EC P-256 key"),
                 {QStringLiteral("digitalSignature"), QStringLiteral("keyAgreement")});
    makeDemoPair(s, token, p256, QStringLiteral("Demo key with mismatched ID"), {QStringLiteral("digitalSignature")},
                 QStringLiteral("Demo certificate stored under another ID"), true);
    // So a new user sees the expiry badges: one certificate that expires within the
    // default warning period (30 days) and one that has expired, dated from now.
    constexpr qint64 kDay = 24 * 3600;
    makeDemoPair(s, token, p256, QStringLiteral("Demo key expiring soon"), {QStringLiteral("digitalSignature")}, {}, false,
                 DemoValidity{DemoToken::kExpiringSoonDays});
    makeDemoPair(s, token, p256, QStringLiteral("Demo key with expired certificate"), {QStringLiteral("digitalSignature")}, {},
                 false, DemoValidity{365, -(365 + DemoToken::kExpiredDaysAgo) * kDay - 3600});
    storeAboutObject(s);
    s.logout();

    // Token info changed (user PIN set, objects added): hand back the fresh identity.
    CK_TOKEN_INFO info{};
    check(P11CALL(softhsm, C_GetTokenInfo, ref->slot, &info), "C_GetTokenInfo");
    qCInfo(lcDemo) << "demo token ready, serial" << P11Text::padded(info.serialNumber);
    return refFor(softhsm, ref->slot, info);
}
