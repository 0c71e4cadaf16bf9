// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmkeyrestore.h"

#include "dkek/keycheckvalue.h"
#include "schsm/keybackuperror.h"
#include "schsm/schsmcard.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmkeybackup.h"
#include "schsm/schsmlog.h"
#include "schsm/schsmobjects.h"
#include "schsm/tlv.h"
#include "x509/certificatedecoder.h"
#include "x509/x509error.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SchsmKeyRestore)
};

QString idText(const QByteArray &id)
{
    return QString::fromLatin1(id.toHex()).toUpper();
}

quint16 fileId(quint8 prefix, int reference)
{
    return quint16((prefix << 8) | (reference & 0xFF));
}

// The certificate file of a key as the device holds it: an X.509 certificate (a DER
// SEQUENCE), or the CV request the device answered when it generated the key.
void classifyCertificate(SchsmDeviceObject &o, const QByteArray &element)
{
    const quint8 first = quint8(element.at(0));
    if (first == 0x30) {
        o.certificate = KeyBackupFile::Certificate::X509;
        try {
            o.certificateSubject = decodeCertificate(element).subject;
        } catch (const X509Error &) {
            o.certificate = KeyBackupFile::Certificate::Other;
        }
    } else if (first == 0x67 || first == 0x7F) {
        o.certificate = KeyBackupFile::Certificate::CvRequest;
    } else {
        o.certificate = KeyBackupFile::Certificate::Other;
    }
}

// A PKCS#15 certificate description (EF C8xx): SEQUENCE { common object attributes
// { label … }, common certificate attributes { iD … }, … }. nullopt when it is not one.
std::optional<SchsmDeviceObject> certificateDescription(const QByteArray &element)
{
    const auto body = TlvReader::find(element, 0x30);
    if (!body)
        return std::nullopt;
    TlvReader r(*body);
    const auto common = r.next();
    const auto attributes = r.next();
    if (!common || !attributes || common->tag != 0x30 || attributes->tag != 0x30)
        return std::nullopt;
    const auto id = TlvReader::find(attributes->value, 0x04);
    if (!id)
        return std::nullopt;
    SchsmDeviceObject o;
    o.kind = SchsmDeviceObject::Kind::Certificate;
    o.id = *id;
    if (const auto label = TlvReader::find(common->value, 0x0C))
        o.label = QString::fromUtf8(*label);
    o.certificate = KeyBackupFile::Certificate::X509;
    return o;
}

KeyBackupFile parseRequest(const SchsmRestoreRequest &request)
{
    try {
        return KeyBackupFile::parse(request.file);
    } catch (const KeyBackupError &e) {
        throw SchsmError::refused(Tr::tr("%1: %2").arg(request.name, e.message()));
    }
}

QList<quint16> sortedFiles(const std::vector<SchsmDeviceObject> &objects)
{
    QList<quint16> out;
    for (const SchsmDeviceObject &o : objects)
        out += o.files;
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

QString SchsmDeviceObject::name() const
{
    return label.isEmpty() ? idText(id) : label;
}

QString SchsmDeviceObject::text() const
{
    if (kind == Kind::Certificate)
        return Tr::tr("the certificate “%1” (CKA_ID %2)").arg(label, idText(id));
    const QString ref = QString::number(reference);
    switch (certificate) {
    case KeyBackupFile::Certificate::X509:
        return Tr::tr("the key “%1” (CKA_ID %2, key reference %3) and its X.509 certificate “%4”")
            .arg(label, idText(id), ref, certificateSubject);
    case KeyBackupFile::Certificate::CvRequest:
        return Tr::tr("the key “%1” (CKA_ID %2, key reference %3) and the device's CV request for it")
            .arg(label, idText(id), ref);
    case KeyBackupFile::Certificate::Other:
        return Tr::tr("the key “%1” (CKA_ID %2, key reference %3) and its certificate file").arg(label, idText(id), ref);
    case KeyBackupFile::Certificate::None:
        break;
    }
    return Tr::tr("the key “%1” (CKA_ID %2, key reference %3)").arg(label, idText(id), ref);
}

std::vector<SchsmDeviceObject> SchsmRestoreView::withId(const QByteArray &id) const
{
    std::vector<SchsmDeviceObject> out;
    for (const SchsmDeviceObject &o : objects)
        if (o.id == id)
            out.push_back(o);
    return out;
}

int SchsmRestoreView::freeKeyReference() const
{
    for (int r = 1; r <= 255; ++r)
        if (!fids.contains(fileId(SchsmObjects::kKeyPrefix, r))
            && !fids.contains(fileId(SchsmObjects::kPrivateKeyDescriptionPrefix, r))
            && !fids.contains(fileId(SchsmObjects::kCertificatePrefix, r)))
            return r;
    return -1;
}

SchsmRestoreView SchsmKeyRestore::read(SchsmCard &card, SchsmStatus status)
{
    SchsmRestoreView view;
    view.status = std::move(status);
    view.fids = card.enumerateObjects();
    for (const auto &[reference, d] : SchsmKeyBackup::keyDescriptions(card, view.fids)) {
        SchsmDeviceObject o;
        o.reference = reference;
        o.id = d.id;
        o.label = d.label;
        for (const quint8 prefix : {SchsmObjects::kCertificatePrefix, SchsmObjects::kPrivateKeyDescriptionPrefix,
                                    SchsmObjects::kKeyPrefix})
            if (view.fids.contains(fileId(prefix, reference)))
                o.files << fileId(prefix, reference);
        const quint16 certificateFid = fileId(SchsmObjects::kCertificatePrefix, reference);
        if (o.files.contains(certificateFid))
            if (const auto cert = SchsmKeyBackup::readElement(card, certificateFid, Tr::tr("a certificate")))
                classifyCertificate(o, *cert);
        view.objects.push_back(std::move(o));
    }
    for (const quint16 fid : std::as_const(view.fids)) {
        if (fid >> 8 != SchsmObjects::kCertificateDescriptionPrefix)
            continue;
        const auto der = SchsmKeyBackup::readElement(card, fid, Tr::tr("a certificate description"));
        auto o = der ? certificateDescription(*der) : std::nullopt;
        if (!o) {
            qCWarning(lcSchsm) << "certificate description" << Qt::hex << fid << "unreadable";
            continue;
        }
        o->reference = fid & 0xFF;
        o->files << fid;
        if (view.fids.contains(fileId(SchsmObjects::kCaCertificatePrefix, o->reference)))
            o->files << fileId(SchsmObjects::kCaCertificatePrefix, o->reference);
        view.objects.push_back(std::move(*o));
    }
    return view;
}

QString SchsmKeyRestore::dkekRefusal(const KeyBackupFile &file, const DkekState &dkek)
{
    if (!dkek.known || dkek.total == 0)
        return Tr::tr("The device has no DKEK: it was initialized without DKEK shares, so it cannot take keys from "
                      "backups. Initialize it with the DKEK shares the backup was made under.");
    if (dkek.outstanding > 0)
        return Tr::tr("The device's DKEK is not complete: %n of its DKEK shares still must be imported before a key "
                      "can be restored.",
                      nullptr, dkek.outstanding);
    if (file.blob().checkValue() != dkek.kcv)
        return Tr::tr("The backup was made under the DKEK with check value %1; the device's DKEK has check value %2. "
                      "Only a device initialized with the same DKEK shares can take this key.")
            .arg(formatKeyCheckValue(file.blob().checkValue()), formatKeyCheckValue(dkek.kcv));
    return {};
}

QString SchsmKeyRestore::keyText(const KeyBackupFile &file)
{
    if (!file.certificateKey().isNull())
        return file.certificateKey().description();
    const PrivateKeyDescription &d = file.description();
    const QByteArray cv = file.cvPublicKey();
    if (d.kind == PrivateKeyDescription::Kind::Rsa) {
        const int bits = d.keyBits > 0 ? d.keyBits : int(cv.size()) * 8;
        return bits > 0 ? PublicKey::description(PublicKey::Algorithm::Rsa, QString(), bits, QString())
                        : QStringLiteral("RSA");
    }
    if (d.kind == PrivateKeyDescription::Kind::Ec) {
        // The uncompressed point (04 ‖ X ‖ Y) tells the field size when the description does not.
        const int bits = d.keyBits > 0 ? d.keyBits : cv.size() > 1 ? int(cv.size() - 1) / 2 * 8 : 0;
        const QString curve = bits == 256 ? QStringLiteral("P-256 (prime256v1)")
            : bits == 384                 ? QStringLiteral("P-384 (secp384r1)")
            : bits == 521 || bits == 528  ? QStringLiteral("P-521 (secp521r1)")
                                          : QString();
        return curve.isEmpty() ? QStringLiteral("EC") : PublicKey::description(PublicKey::Algorithm::Ec, QString(), bits, curve);
    }
    return Tr::tr("unknown");
}

std::vector<SchsmRestoredKey> SchsmKeyRestore::restore(SchsmCard &card, SchsmStatus status,
                                                       const std::vector<SchsmRestoreRequest> &requests,
                                                       const SecureBytes &pin, const std::function<void(int)> &progress)
{
    if (requests.empty())
        throw SchsmError::refused(Tr::tr("No backup file was chosen."));
    const SchsmRestoreView before = read(card, std::move(status));
    // Every check first, for every file: nothing is sent (not even the PIN) while one fails.
    std::vector<KeyBackupFile> files;
    QSet<QByteArray> ids;
    for (const SchsmRestoreRequest &request : requests) {
        KeyBackupFile file = parseRequest(request);
        const QString dkek = dkekRefusal(file, before.status.dkek);
        if (!dkek.isEmpty())
            throw SchsmError::refused(Tr::tr("%1: %2").arg(request.name, dkek));
        const QByteArray id = file.description().id;
        if (id.isEmpty())
            throw SchsmError::refused(
                Tr::tr("%1: the backup's private key description has no CKA_ID.").arg(request.name));
        if (ids.contains(id))
            throw SchsmError::refused(Tr::tr("Two of the chosen files hold a key with the CKA_ID %1; choose one of them.")
                                          .arg(idText(id)));
        ids.insert(id);
        const std::vector<SchsmDeviceObject> present = before.withId(id);
        QList<quint16> confirmed = request.replace;
        std::sort(confirmed.begin(), confirmed.end());
        if (sortedFiles(present) != confirmed) {
            QStringList what;
            for (const SchsmDeviceObject &o : present)
                what << o.text();
            throw SchsmError::refused(
                present.empty()
                    ? Tr::tr("%1: the device changed since it was read (what was to be replaced is gone); check "
                             "again before restoring.")
                          .arg(request.name)
                    : Tr::tr("%1: the device holds %2 under the CKA_ID %3. It is replaced only when you confirm it "
                             "by name.")
                          .arg(request.name, what.join(Tr::tr(", ")), idText(id)));
        }
        files.push_back(std::move(file));
    }

    card.verifyUserPin(pin);

    std::vector<SchsmRestoredKey> done;
    QList<quint16> fids = before.fids;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        if (progress)
            progress(int(i));
        const SchsmRestoreRequest &request = requests[i];
        const KeyBackupFile &file = files[i];
        bool changed = !done.empty();
        int reference = -1;
        try {
            for (const quint16 fid : request.replace) {
                card.deleteFile(fid);
                fids.removeAll(fid);
                changed = true;
            }
            SchsmRestoreView now;
            now.fids = fids;
            reference = now.freeKeyReference();
            if (reference < 0)
                throw SchsmError::refused(Tr::tr("The device has no free key reference left."));
            card.unwrapKey(quint8(reference), file.blob().bytes());
            changed = true;
            fids << fileId(SchsmObjects::kKeyPrefix, reference);
            card.updateBinary(fileId(SchsmObjects::kPrivateKeyDescriptionPrefix, reference), file.description().der);
            fids << fileId(SchsmObjects::kPrivateKeyDescriptionPrefix, reference);
            if (!file.certificate().isEmpty()) {
                card.updateBinary(fileId(SchsmObjects::kCertificatePrefix, reference), file.certificate());
                fids << fileId(SchsmObjects::kCertificatePrefix, reference);
            }
            // Read back as OpenSC will: the description under this reference has the file's CKA_ID.
            const auto back = SchsmKeyBackup::readElement(
                card, fileId(SchsmObjects::kPrivateKeyDescriptionPrefix, reference), Tr::tr("the private key description"));
            if (!back || *back != file.description().der)
                throw SchsmError::protocol(Tr::tr("the private key description does not read back as written"));
        } catch (const SchsmError &e) {
            if (!changed)
                throw SchsmError(e.code(), Tr::tr("%1 was not restored: %2").arg(request.name, e.message()), e.sw(),
                                 e.pcscCode());
            QStringList restored;
            for (const SchsmRestoredKey &k : done)
                restored << k.name;
            const QString earlier = restored.isEmpty() ? Tr::tr("No file before it was restored.")
                                                      : Tr::tr("Restored before it: %1.").arg(restored.join(Tr::tr(", ")));
            // Whole sentences, each translated as one (no glued fragments).
            const QString what = request.replace.isEmpty()
                ? Tr::tr("%1 was not completely restored (key reference %2): %3.")
                : Tr::tr("%1 was not completely restored (key reference %2): %3. What it was to replace may have "
                         "been deleted already.");
            throw SchsmError(SchsmError::Code::PartlyDone,
                             what.arg(request.name, QString::number(reference), e.message()) + QLatin1Char(' ') + earlier,
                             e.sw(), e.pcscCode());
        }
        SchsmRestoredKey k;
        k.name = request.name;
        k.keyReference = reference;
        k.id = file.description().id;
        k.label = file.description().label;
        k.certificate = file.certificateKind();
        k.replaced = int(before.withId(k.id).size());
        qCInfo(lcSchsm) << "key restored under key reference" << reference << (file.certificate().isEmpty() ? "" : "with its certificate")
                        << "; replaced" << k.replaced << "object(s)";
        done.push_back(std::move(k));
    }
    if (progress)
        progress(int(requests.size()));
    return done;
}
