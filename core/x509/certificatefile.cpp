// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/certificatefile.h"

#include "x509/opensslutil_p.h"
#include "x509/x509error.h"
#include "x509/x509logging.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <QFile>
#include <QFileInfo>

using namespace x509detail;

namespace {

// Certificate files are kilobytes; a bundle of every public CA is ~250 KB.
// Anything beyond this is the wrong file, and reading it would only stall the UI.
constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;

[[noreturn]] void corrupt(const QString &message)
{
    throw X509Error(X509Error::Kind::CorruptFile, message, takeOpensslErrors());
}

QByteArray certificateDer(const X509 *cert)
{
    // d2i keeps the original encoding and i2d returns it, so the bytes are the
    // issuer's, not a re-encoding (fingerprints and signatures stay intact).
    return der(cert, i2d_X509);
}

// Certificates of a PKCS#7 SignedData (a "certs-only" .p7b/.p7c).
// Returns false if the bytes are not PKCS#7 at all.
bool pkcs7Certificates(const QByteArray &derBytes, QList<QByteArray> &out)
{
    const unsigned char *p = bytes(derBytes);
    OsslPtr<PKCS7> p7(d2i_PKCS7(nullptr, &p, long(derBytes.size())));
    if (!p7) {
        takeOpensslErrors();
        return false;
    }
    STACK_OF(X509) *certs = nullptr;
    const int type = OBJ_obj2nid(p7->type);
    if (type == NID_pkcs7_signed && p7->d.sign)
        certs = p7->d.sign->cert;
    else if (type == NID_pkcs7_signedAndEnveloped && p7->d.signed_and_enveloped)
        certs = p7->d.signed_and_enveloped->cert;
    for (int i = 0; i < sk_X509_num(certs); ++i)
        out << certificateDer(sk_X509_value(certs, i));
    return true;
}

// What editors and fixed-size exports leave behind a DER file: zeros, a newline.
bool onlyPadding(const QByteArray &rest)
{
    for (const char c : rest)
        if (c != '\0' && c != '\r' && c != '\n' && c != ' ' && c != '\t')
            return false;
    return true;
}

// One DER certificate after another (some tools write "cat a.der b.der").
// Returns false unless the whole input is certificates (zero padding at the end aside).
bool derCertificates(const QByteArray &derBytes, QList<QByteArray> &out)
{
    QList<QByteArray> found;
    qsizetype pos = 0;
    while (pos < derBytes.size()) {
        const QByteArray rest = derBytes.mid(pos);
        if (!found.isEmpty() && onlyPadding(rest))
            break;
        const unsigned char *start = bytes(rest);
        const unsigned char *p = start;
        OsslPtr<X509> cert(d2i_X509(nullptr, &p, long(rest.size())));
        if (!cert) {
            takeOpensslErrors();
            return false;
        }
        found << rest.left(p - start);
        pos += p - start;
    }
    out += found;
    return !found.isEmpty();
}

QList<QByteArray> readPem(const QByteArray &contents)
{
    QList<QByteArray> out;
    OsslPtr<BIO> bio(BIO_new_mem_buf(contents.constData(), int(contents.size())));
    if (!bio)
        throw X509Error(X509Error::Kind::Internal, Tr::tr("OpenSSL could not allocate memory."), takeOpensslErrors());
    int blocks = 0;
    for (;;) {
        char *name = nullptr;
        char *header = nullptr;
        unsigned char *data = nullptr;
        long len = 0;
        if (!PEM_read_bio(bio.get(), &name, &header, &data, &len)) {
            const unsigned long err = ERR_peek_last_error();
            if (ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE) {
                takeOpensslErrors(); // normal end: no further BEGIN line
                break;
            }
            corrupt(Tr::tr("The file is damaged: a PEM block in it could not be decoded."));
        }
        ++blocks;
        const QByteArray type = QByteArray(name);
        const QByteArray body = toByteArray(data, len);
        OPENSSL_free(name);
        OPENSSL_free(header);
        OPENSSL_free(data);

        if (type == "CERTIFICATE" || type == "X509 CERTIFICATE") {
            qsizetype used = 0;
            try {
                parseCertificate(body, &used);
            } catch (const X509Error &) {
                corrupt(Tr::tr("The file is damaged: certificate %1 in it is not a valid X.509 certificate.").arg(blocks));
            }
            out << body.left(used);
        } else if (type == "TRUSTED CERTIFICATE") {
            // OpenSSL's "trusted" form appends trust settings after the certificate.
            const unsigned char *p = bytes(body);
            OsslPtr<X509> cert(d2i_X509_AUX(nullptr, &p, long(body.size())));
            if (!cert)
                corrupt(Tr::tr("The file is damaged: certificate %1 in it is not a valid X.509 certificate.").arg(blocks));
            out << certificateDer(cert.get());
        } else if (type == "PKCS7" || type == "PKCS #7 SIGNED DATA" || type == "CERTIFICATE CHAIN") {
            if (!pkcs7Certificates(body, out))
                corrupt(Tr::tr("The file is damaged: its PKCS#7 data could not be decoded."));
        } else {
            qCDebug(lcX509) << "skipping PEM block" << type << "while reading certificates";
        }
    }
    if (blocks == 0)
        corrupt(Tr::tr("The file is damaged: it has a PEM header but no readable PEM block."));
    return out;
}

bool looksLikeBase64(const QByteArray &trimmed)
{
    if (trimmed.size() < 64)
        return false;
    for (const char c : trimmed) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                     || c == '/' || c == '=' || c == '\r' || c == '\n' || c == ' ' || c == '\t';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

QList<QByteArray> readCertificates(const QByteArray &fileContents)
{
    // Windows editors save PEM files with a UTF-8 byte order mark, which would
    // hide a BEGIN line that starts the file from OpenSSL's PEM reader.
    const QByteArray contents = fileContents.startsWith("\xEF\xBB\xBF") ? fileContents.mid(3) : fileContents;
    if (contents.trimmed().isEmpty())
        throw X509Error(X509Error::Kind::NoCertificates, Tr::tr("The file is empty."));

    QList<QByteArray> out;
    if (contents.contains("-----BEGIN ")) {
        out = readPem(contents);
    } else if (derCertificates(contents, out) || pkcs7Certificates(contents, out)) {
        // binary DER or PKCS#7
    } else if (const QByteArray t = contents.trimmed(); looksLikeBase64(t)) {
        QByteArray compact = t;
        compact.removeIf([](char c) { return c == '\r' || c == '\n' || c == ' ' || c == '\t'; });
        const auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || !(derCertificates(*decoded, out) || pkcs7Certificates(*decoded, out)))
            throw X509Error(X509Error::Kind::UnknownFormat,
                            Tr::tr("The file is not a certificate in PEM, DER or PKCS#7 format."), takeOpensslErrors());
    } else {
        throw X509Error(X509Error::Kind::UnknownFormat,
                        Tr::tr("The file is not a certificate in PEM, DER or PKCS#7 format."), takeOpensslErrors());
    }
    if (out.isEmpty())
        throw X509Error(X509Error::Kind::NoCertificates, Tr::tr("The file contains no certificates."));
    return out;
}

QList<QByteArray> readCertificateFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw X509Error(X509Error::Kind::FileUnreadable,
                        Tr::tr("The file %1 could not be opened: %2.").arg(QFileInfo(path).fileName(), f.errorString()));
    if (f.size() > kMaxFileSize)
        throw X509Error(X509Error::Kind::FileUnreadable,
                        Tr::tr("The file %1 is too large to be a certificate file.").arg(QFileInfo(path).fileName()));
    const QByteArray contents = f.readAll();
    if (f.error() != QFileDevice::NoError)
        throw X509Error(X509Error::Kind::FileUnreadable,
                        Tr::tr("The file %1 could not be read: %2.").arg(QFileInfo(path).fileName(), f.errorString()));
    return readCertificates(contents);
}
