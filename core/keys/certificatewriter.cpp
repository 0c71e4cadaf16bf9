// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/certificatewriter.h"

#include "keys/keyoperationerror.h"
#include "keys/keyslogging.h"
#include "keys/objecttransaction.h"
#include "p11/attributes.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"
#include "p11/uri.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(CertificateWriter) };

bool refusedAttribute(CK_RV rv)
{
    return rv == CKR_ATTRIBUTE_TYPE_INVALID || rv == CKR_ATTRIBUTE_VALUE_INVALID || rv == CKR_TEMPLATE_INCONSISTENT
        || rv == CKR_ATTRIBUTE_READ_ONLY;
}
} // namespace

QString CertificateWriter::write(const CertificateInfo &c, const QByteArray &id, const QString &label,
                                 CK_ULONG category)
{
    const QByteArray labelUtf8 = label.toUtf8();
    const CK_OBJECT_CLASS cls = CKO_CERTIFICATE;
    const CK_CERTIFICATE_TYPE type = CKC_X_509;
    std::vector<CK_ATTRIBUTE> t{attrOf(CKA_CLASS, cls),
                                attrOf(CKA_CERTIFICATE_TYPE, type),
                                attrOf(CKA_TOKEN, kTrue),
                                // Public, so consumers find it before login (NSS lists it with -L unauthenticated).
                                attrOf(CKA_PRIVATE, kFalse),
                                attr(CKA_LABEL, labelUtf8.constData(), CK_ULONG(labelUtf8.size())),
                                attr(CKA_VALUE, c.der.constData(), CK_ULONG(c.der.size())),
                                attr(CKA_SUBJECT, c.subjectDer.constData(), CK_ULONG(c.subjectDer.size())),
                                attr(CKA_ISSUER, c.issuerDer.constData(), CK_ULONG(c.issuerDer.size())),
                                attr(CKA_SERIAL_NUMBER, c.serialDer.constData(), CK_ULONG(c.serialDer.size()))};
    if (!id.isEmpty())
        t.push_back(attr(CKA_ID, id.constData(), CK_ULONG(id.size())));
    const std::vector<CK_ATTRIBUTE> withoutCategory = t;
    if (!m_categoryRefused)
        t.push_back(attrOf(CKA_CERTIFICATE_CATEGORY, category));

    CK_OBJECT_HANDLE h = CK_INVALID_HANDLE;
    try {
        h = m_tx.create(t);
    } catch (const Pkcs11Error &e) {
        if (m_categoryRefused || !refusedAttribute(e.rv()))
            throw;
        // Vendor quirk: some tokens (older PKCS#11 2.20 modules) do not know
        // CKA_CERTIFICATE_CATEGORY; the certificate matters more than its category.
        m_categoryRefused = true;
        m_notes << Tr::tr("This token does not store certificate categories; CA certificates are marked only by their "
                      "content.");
        qCInfo(lcKeys) << "token refused CKA_CERTIFICATE_CATEGORY:" << e.what() << "- writing without it";
        h = m_tx.create(withoutCategory);
    }
    m_last = h;

    // Read back what the token stored: the value (padding tolerated) and the ID the consumers pair by.
    const AttributeSet back = readAttributes(m_session, h, {CKA_VALUE, CKA_ID, CKA_LABEL});
    if (!back.bytes(CKA_VALUE).startsWith(c.der) || back.bytes(CKA_ID) != id || back.bytes(CKA_LABEL) != labelUtf8)
        throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                Tr::tr("The token did not store the certificate “%1” as written; nothing was imported.")
                                    .arg(c.subject));
    return Pkcs11Uri::forObject(m_token, CKO_CERTIFICATE, id, labelUtf8);
}
