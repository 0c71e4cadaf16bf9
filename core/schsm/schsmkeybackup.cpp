// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmkeybackup.h"

#include "dkek/keycheckvalue.h"
#include "schsm/keybackuperror.h"
#include "schsm/schsmcard.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmlog.h"
#include "schsm/schsmobjects.h"

#include <QCoreApplication>

#include <optional>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SchsmKeyBackup)
};

QString idText(const QByteArray &id)
{
    return QString::fromLatin1(id.toHex()).toUpper();
}

void refuseWithoutDkek(const DkekState &dkek)
{
    if (!dkek.known || dkek.total == 0)
        throw SchsmError::refused(Tr::tr("The device has no DKEK: it was initialized without DKEK shares, so it "
                                         "cannot export keys. Initialize it with DKEK shares to make backups."));
    if (dkek.outstanding > 0)
        throw SchsmError::refused(Tr::tr("The device's DKEK is not complete: %n of its DKEK shares still must be "
                                         "imported before a key can be backed up.",
                                         nullptr, dkek.outstanding));
}
} // namespace

std::optional<QByteArray> SchsmKeyBackup::readElement(SchsmCard &card, quint16 fid, const QString &what)
{
    QByteArray content;
    try {
        content = card.readBinary(fid, int(KeyBackupFile::kMaxSize));
    } catch (const SchsmError &e) {
        if (e.code() == SchsmError::Code::StatusWord && e.sw() == 0x6A82)
            return std::nullopt;
        throw;
    }
    try {
        return KeyBackupFile::firstElement(content, what);
    } catch (const KeyBackupError &e) {
        throw SchsmError::protocol(e.message());
    }
}

std::vector<std::pair<int, PrivateKeyDescription>> SchsmKeyBackup::keyDescriptions(SchsmCard &card,
                                                                                  const QList<quint16> &fids)
{
    std::vector<std::pair<int, PrivateKeyDescription>> out;
    for (const quint16 fid : fids) {
        const int reference = fid & 0xFF;
        if (fid >> 8 != SchsmObjects::kPrivateKeyDescriptionPrefix
            || !fids.contains(quint16((SchsmObjects::kKeyPrefix << 8) | reference)))
            continue; // a description without its key: OpenSC shows nothing for it
        const auto der = readElement(card, fid, Tr::tr("the private key description"));
        if (!der)
            continue;
        try {
            out.emplace_back(reference, KeyBackupFile::parseDescription(*der));
        } catch (const KeyBackupError &e) {
            qCWarning(lcSchsm) << "private key description" << Qt::hex << fid << "unreadable:" << e.message();
        }
    }
    return out;
}

std::pair<int, PrivateKeyDescription> SchsmKeyBackup::findKey(SchsmCard &card, const QByteArray &ckaId)
{
    std::optional<std::pair<int, PrivateKeyDescription>> found;
    for (auto &[reference, d] : keyDescriptions(card, card.enumerateObjects())) {
        if (d.id != ckaId)
            continue;
        if (found)
            throw SchsmError::refused(Tr::tr("Keys under the key references %1 and %2 both have the CKA_ID %3; "
                                             "TokenDesk cannot tell which one to back up.")
                                          .arg(found->first)
                                          .arg(reference)
                                          .arg(idText(ckaId)));
        found.emplace(reference, std::move(d));
    }
    if (!found)
        throw SchsmError::refused(
            Tr::tr("The device has no private key with the CKA_ID %1.").arg(idText(ckaId)));
    return *found;
}

SchsmKeyBackup SchsmKeyBackup::make(SchsmCard &card, const QByteArray &ckaId, const SecureBytes &pin)
{
    if (ckaId.isEmpty())
        throw SchsmError::refused(Tr::tr("The key has no CKA_ID, so TokenDesk cannot find it on the device."));
    const DkekState dkek = card.dkekState();
    refuseWithoutDkek(dkek);
    auto [reference, description] = findKey(card, ckaId);

    card.verifyUserPin(pin);
    const QByteArray blobBytes = card.wrapKey(quint8(reference));
    KeyBlob blob;
    try {
        blob = KeyBlob::parse(blobBytes);
    } catch (const KeyBackupError &e) {
        throw SchsmError::protocol(e.message());
    }
    if (blob.checkValue() != dkek.kcv)
        throw SchsmError::protocol(Tr::tr("the key blob has the DKEK check value %1, the device reports %2")
                                       .arg(formatKeyCheckValue(blob.checkValue()), formatKeyCheckValue(dkek.kcv)));
    const quint16 certificateFid = quint16((SchsmObjects::kCertificatePrefix << 8) | reference);
    const QByteArray certificate = readElement(card, certificateFid, Tr::tr("the certificate")).value_or(QByteArray());

    SchsmKeyBackup out;
    out.file = KeyBackupFile::compose(blobBytes, description.der, certificate);
    // Read back as any reader of the file will, so a file TokenDesk hands out always parses.
    KeyBackupFile parsed;
    try {
        parsed = KeyBackupFile::parse(out.file);
    } catch (const KeyBackupError &e) {
        throw SchsmError::protocol(e.message());
    }
    if (parsed.description().id != ckaId)
        throw SchsmError::protocol(Tr::tr("the backup does not read back with the key's CKA_ID"));
    out.keyReference = reference;
    out.ckaId = ckaId;
    out.label = description.label;
    out.kind = description.kind;
    out.dkekKcv = dkek.kcv;
    out.certificate = parsed.certificateKind();
    qCInfo(lcSchsm) << "key reference" << reference << "wrapped; DKEK check value" << formatKeyCheckValue(dkek.kcv)
                    << (certificate.isEmpty() ? "without certificate" : "with certificate file");
    return out;
}
