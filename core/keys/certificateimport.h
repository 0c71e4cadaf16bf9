// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "x509/certificateinfo.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

class CertificateWriter;
class Session;

struct CertificateImportOptions {
    // Certificates whose key is not on the token (CA certificates of a chain, or
    // another entity's) are written unpaired (CA category when they are CA
    // certificates). Off: they are planned as left out and never written.
    bool importUnmatched = false;
};

// One certificate of an import, as planned and then as written.
struct PlannedCertificate {
    enum class Role {
        EndEntity,  // its public key is a token key's: written with that key's CKA_ID and label
        Authority,  // a CA certificate of the chain: CKA_CERTIFICATE_CATEGORY 2, not paired
        Other,      // imported explicitly without a key: CKA_CERTIFICATE_CATEGORY 3, not paired
    };
    QByteArray der;
    CertificateInfo info;
    Role role = Role::Other;
    QByteArray id;              // CKA_ID to write (EndEntity: the key's; else SHA-1 of the public key)
    QString label;              // CKA_LABEL to write (EndEntity: the key's label, Java's alias)
    QString keyLabel;           // EndEntity: the key it pairs with
    QString alreadyPresentAs;   // non-empty: the same certificate is on the token under this label; skipped
    QString uri;                // after writing: the certificate object's PKCS#11 URI
    bool leftOut = false;       // belongs to no key here and importUnmatched is off: listed, not written
    bool written = false;

    bool skipped() const { return !alreadyPresentAs.isEmpty(); }
    bool willWrite() const { return !skipped() && !leftOut; }
};

struct CertificateImportPlan {
    std::vector<PlannedCertificate> certificates; // in file order, duplicates within the file removed
    QStringList notes;                            // things the result page should say
    int toWrite() const;                          // certificates that willWrite()
};

// Which certificate goes where (pure; the wizard shows it before writing).
// certificates: DER as readCertificates()/readCertificateFile() return them.
// contents: the token as Inventory::readObjects read it, logged in (private keys visible).
// Refusals throw KeyOperationError with a sentence and leave the token alone:
//  - NoMatchingKey: "This certificate's public key belongs to no key on this token — was
//    the request created on another token or with another key?" when no certificate pairs
//    with a key and importUnmatched is off (with a pairing one, the others are left out);
//  - AlreadyOnToken: every certificate that would be written is already there;
//  - InvalidInput: a certificate does not decode, or its key has no CKA_ID.
CertificateImportPlan planCertificateImport(const TokenContents &contents, const QList<QByteArray> &certificates,
                                            const CertificateImportOptions &options = {});

// Reads the token, plans, writes every planned certificate in one transaction
// (a failed write destroys what this import created), re-reads what was written
// and checks it. Blocking: executor only (Inventory::withSession), logged-in
// read-write session. Throws KeyOperationError, Pkcs11Error.
CertificateImportPlan importCertificates(Session &session, const CK_TOKEN_INFO &token,
                                         const QList<QByteArray> &certificates,
                                         const CertificateImportOptions &options = {});
// Writes every certificate of the plan that willWrite() through the caller's writer
// (and so its transaction), with the category its role asks for; marks them written.
void writePlannedCertificates(CertificateWriter &writer, CertificateImportPlan &plan);

// The same for a file's contents (PEM, DER, PKCS#7; dropped or opened): a file that
// cannot be read as certificates is refused with readCertificates()'s sentence
// (KeyOperationError InvalidInput) before the token is touched.
CertificateImportPlan importCertificateFile(Session &session, const CK_TOKEN_INFO &token, const QByteArray &fileContents,
                                            const CertificateImportOptions &options = {});
