// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/certificateimport.h"

#include "inventory/scanner.h"
#include "keys/certificatewriter.h"
#include "keys/keyoperationerror.h"
#include "keys/keyslogging.h"
#include "keys/objecttransaction.h"
#include "keys/tokenkey.h"
#include "keys/tokenobjects.h"
#include "p11/session.h"
#include "x509/certificatedecoder.h"
#include "x509/certificatefile.h"
#include "x509/keyid.h"
#include "x509/x509error.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(CertificateImport) };

struct Candidate {
    QByteArray id;
    QString label;
    PublicKey key;
};

// Keys a certificate can be paired with: private keys (with their public key from
// wherever it is stored), then public-key objects whose private key is not visible.
std::vector<Candidate> candidates(const TokenContents &c)
{
    std::vector<Candidate> out;
    for (const ObjectInfo &o : c.objects) {
        if (o.cls != CKO_PRIVATE_KEY)
            continue;
        const TokenKey k = TokenKey::assemble(o, c.objects);
        // A public key taken from a same-ID certificate proves nothing about the key.
        if (!k.publicKey.isNull() && k.publicKeySource != TokenKey::PublicKeySource::Certificate)
            out.push_back({k.id(), k.label(), k.publicKey});
    }
    for (const ObjectInfo &o : c.objects) {
        if (o.cls != CKO_PUBLIC_KEY)
            continue;
        const PublicKey k = TokenObjects::publicKeyOf(o);
        if (!k.isNull())
            out.push_back({o.id, o.labelText(), k});
    }
    return out;
}

QString existingLabel(const TokenContents &c, const QByteArray &der)
{
    for (const ObjectInfo &o : c.objects) {
        if (o.cls != CKO_CERTIFICATE)
            continue;
        const QByteArray v = o.attrs.bytes(CKA_VALUE);
        // startsWith: some tokens pad CKA_VALUE (the decoder tolerates it too).
        if (!v.isEmpty() && v.startsWith(der))
            return o.label.isEmpty() ? Tr::tr("(no label)") : o.labelText();
    }
    return {};
}

QString caLabel(const CertificateInfo &info)
{
    if (!info.commonName.isEmpty())
        return info.commonName;
    return info.subject.isEmpty() ? Tr::tr("Certificate") : info.subject;
}

bool issuesAnother(const CertificateInfo &ca, const std::vector<PlannedCertificate> &all)
{
    return std::any_of(all.begin(), all.end(), [&](const PlannedCertificate &p) {
        return &p.info != &ca && p.info.issuerDer == ca.subjectDer && p.info.subjectDer != ca.subjectDer;
    });
}
} // namespace

int CertificateImportPlan::toWrite() const
{
    return int(std::count_if(certificates.begin(), certificates.end(),
                             [](const PlannedCertificate &p) { return p.willWrite(); }));
}

CertificateImportPlan planCertificateImport(const TokenContents &contents, const QList<QByteArray> &ders,
                                            const CertificateImportOptions &options)
{
    CertificateImportPlan plan;
    for (const QByteArray &der : ders) {
        PlannedCertificate p;
        try {
            p.info = decodeCertificate(der);
        } catch (const X509Error &e) {
            throw KeyOperationError(KeyOperationError::Kind::InvalidInput, e.message());
        }
        p.der = p.info.der;
        const bool repeated = std::any_of(plan.certificates.begin(), plan.certificates.end(),
                                          [&](const PlannedCertificate &q) { return q.der == p.der; });
        if (!repeated)
            plan.certificates.push_back(std::move(p));
    }
    if (plan.certificates.empty())
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput, Tr::tr("The file holds no certificate."));

    const std::vector<Candidate> keys = candidates(contents);
    bool anyMatched = false;
    for (PlannedCertificate &p : plan.certificates) {
        PublicKey certKey;
        try {
            certKey = PublicKey::fromCertificate(p.der);
        } catch (const X509Error &) {
            // A key type we cannot read is simply not matched to a token key.
        }
        auto match = std::find_if(keys.begin(), keys.end(),
                                  [&](const Candidate &k) { return !certKey.isNull() && k.key.sameKeyAs(certKey); });
        if (match != keys.end()) {
            if (match->id.isEmpty())
                throw KeyOperationError(KeyOperationError::Kind::InvalidInput,
                                        Tr::tr("The key “%1” has no ID (CKA_ID), so no program could pair a certificate "
                                           "with it. Give the key an ID first.").arg(match->label));
            p.role = PlannedCertificate::Role::EndEntity;
            p.id = match->id;
            p.keyLabel = match->label;
            p.label = match->label.isEmpty() ? caLabel(p.info) : match->label;
            anyMatched = true;
        } else {
            p.role = p.info.isCa || p.info.selfSigned || issuesAnother(p.info, plan.certificates)
                ? PlannedCertificate::Role::Authority
                : PlannedCertificate::Role::Other;
            p.id = certKey.isNull() ? QByteArray() : defaultKeyId(certKey, KeyIdStyle::SubjectKeyIdentifier);
            p.label = caLabel(p.info);
        }
        p.alreadyPresentAs = existingLabel(contents, p.der);
    }

    if (!options.importUnmatched) {
        for (PlannedCertificate &p : plan.certificates)
            p.leftOut = p.role != PlannedCertificate::Role::EndEntity && !p.skipped();
        // Without an end-entity certificate there is nothing to import: the user most
        // likely picked the wrong token or file, and should say otherwise.
        const auto unpaired = std::find_if(plan.certificates.begin(), plan.certificates.end(),
                                           [](const PlannedCertificate &p) { return p.leftOut; });
        if (!anyMatched && unpaired != plan.certificates.end()) {
            const QString sentence = Tr::tr("This certificate's public key belongs to no key on this token — was the "
                                        "request created on another token or with another key?");
            throw KeyOperationError(KeyOperationError::Kind::NoMatchingKey,
                                    plan.certificates.size() == 1
                                        ? sentence
                                        : sentence + QLatin1Char(' ') + Tr::tr("(%1)").arg(unpaired->info.subject));
        }
    }

    if (plan.toWrite() == 0) {
        std::vector<const PlannedCertificate *> present;
        for (const PlannedCertificate &p : plan.certificates)
            if (p.skipped())
                present.push_back(&p);
        throw KeyOperationError(KeyOperationError::Kind::AlreadyOnToken,
                                present.size() == 1
                                    ? Tr::tr("This certificate is already on the token (“%1”); nothing was written.")
                                          .arg(present.front()->alreadyPresentAs)
                                    : Tr::tr("All %1 certificates are already on the token; nothing was written.")
                                          .arg(present.size()));
    }
    for (const PlannedCertificate &p : plan.certificates) {
        if (p.skipped())
            plan.notes << Tr::tr("“%1” is already on the token as “%2” and was not written again.")
                              .arg(p.info.subject, p.alreadyPresentAs);
        if (p.role == PlannedCertificate::Role::EndEntity && !p.skipped()) {
            for (const ObjectInfo &o : contents.objects)
                if (o.cls == CKO_CERTIFICATE && o.id == p.id)
                    plan.notes << Tr::tr("The key “%1” already has the certificate “%2” under the same ID; programs may "
                                     "pick either. Delete the old one once the new one works.")
                                      .arg(p.keyLabel, o.labelText());
        }
        if (p.leftOut)
            plan.notes << Tr::tr("“%1” belongs to no key on this token and is left out.").arg(p.info.subject);
    }
    return plan;
}

CertificateImportPlan importCertificates(Session &s, const CK_TOKEN_INFO &token, const QList<QByteArray> &ders,
                                         const CertificateImportOptions &options)
{
    CertificateImportPlan plan = planCertificateImport(Scanner::readObjects(s, token), ders, options);
    ObjectTransaction tx(s);
    CertificateWriter writer(s, token, tx);
    writePlannedCertificates(writer, plan);
    tx.commit();
    plan.notes << writer.notes();
    return plan;
}

void writePlannedCertificates(CertificateWriter &writer, CertificateImportPlan &plan)
{
    for (PlannedCertificate &p : plan.certificates) {
        if (!p.willWrite())
            continue;
        const CK_ULONG category = p.role == PlannedCertificate::Role::EndEntity ? 1   // token user
            : p.role == PlannedCertificate::Role::Authority                   ? 2   // authority
                                                                               : 3; // other entity
        p.uri = writer.write(p.info, p.id, p.label, category);
        p.written = true;
        qCInfo(lcKeys) << "certificate written" << p.info.subject << "id" << p.id.toHex() << "label" << p.label;
    }
}

CertificateImportPlan importCertificateFile(Session &s, const CK_TOKEN_INFO &token, const QByteArray &fileContents,
                                            const CertificateImportOptions &options)
{
    QList<QByteArray> ders;
    try {
        ders = readCertificates(fileContents);
    } catch (const X509Error &e) {
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput, e.message());
    }
    return importCertificates(s, token, ders, options);
}
