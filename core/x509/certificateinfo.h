// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// Where a certificate stands relative to a moment. ExpiringSoon is still
// valid; it exists so the token browser can warn before logins start failing.
enum class CertificateValidity { NotYetValid, Valid, ExpiringSoon, Expired };

struct SubjectAltName {
    enum class Type { Dns, Email, IpAddress, Uri, DirectoryName, RegisteredId, Upn, OtherName };
    Type type = Type::Dns;
    QString value; // DNS name, address, URI, RFC 4514 DN, dotted OID, UPN, or "<oid>: <value>"

    QString typeName() const; // "DNS", "Email", "IP Address", "URI", "DirName", "Registered ID", "UPN", "Other Name"
    bool operator==(const SubjectAltName &o) const { return type == o.type && value == o.value; }
};

struct ExtendedKeyUsage {
    QString oid;  // dotted, always present: "1.3.6.1.5.5.7.3.2"
    QString name; // OpenSSL's long name ("TLS Web Client Authentication"); the OID when unknown
    bool operator==(const ExtendedKeyUsage &o) const { return oid == o.oid && name == o.name; }
};

// Everything the detail pane and the pairing logic need from one certificate.
// A plain value: decode once (decodeCertificate), then copy freely between threads.
struct CertificateInfo {
    QByteArray der; // exactly the certificate, without any padding the token added
    qsizetype trailingBytes = 0; // bytes after the certificate in the value decoded (flag them)

    // Names: RFC 4514 strings (UTF-8 kept as is, as `openssl x509 -nameopt RFC2253,-esc_msb`),
    // OpenSSL's one-line form ("/C=DE/O=Example/CN=Alice"), and the DER for CKA_SUBJECT/CKA_ISSUER.
    QString subject;
    QString issuer;
    QString subjectOneLine;
    QString issuerOneLine;
    QByteArray subjectDer;
    QByteArray issuerDer;
    QString commonName; // last CN of the subject; empty if none

    int version = 0;          // 1, 2 or 3
    QString serialHex;        // "01:A2:B3" (upper case, colon separated)
    QString serial;           // "01A2B3" (as `openssl x509 -serial`); "-" prefix if negative
    QByteArray serialDer;     // DER INTEGER, for CKA_SERIAL_NUMBER
    QDateTime notBefore;      // UTC
    QDateTime notAfter;       // UTC
    QString signatureAlgorithm; // OpenSSL long name: "sha256WithRSAEncryption", "ecdsa-with-SHA256"

    bool hasKeyUsage = false;
    quint32 keyUsageBits = 0;   // OpenSSL KU_* bits (KU_DIGITAL_SIGNATURE…), 0 when absent
    QStringList keyUsage;       // "Digital Signature", "Key Encipherment", … in bit order
    QList<ExtendedKeyUsage> extendedKeyUsage;
    QList<SubjectAltName> subjectAltNames;

    bool hasBasicConstraints = false;
    bool isCa = false;
    int pathLength = -1;        // -1: no limit given

    QByteArray subjectKeyIdentifier;   // raw bytes; empty when the extension is absent
    QByteArray authorityKeyIdentifier; // keyIdentifier field only

    QString sha1Fingerprint;   // "AB:CD:…" over the value decoded (der plus any trailing bytes)
    QString sha256Fingerprint;
    bool selfIssued = false;   // subject == issuer
    bool selfSigned = false;   // self-issued and its signature verifies with its own key

    QString publicKeyAlgorithm;   // "RSA", "EC", "Ed25519", "Ed448", or OpenSSL's name
    int publicKeyBits = 0;
    QString curveName;            // EC: "P-256 (prime256v1)", "secp256k1", "brainpoolP256r1"; else empty
    QString publicKeyDescription; // "RSA 2048 bits", "EC P-256 (prime256v1)", "Ed25519"
    QByteArray subjectPublicKeyInfo; // DER, exactly as in the certificate

    // now: usually QDateTime::currentDateTimeUtc(); injected so tests and the
    // "check again tomorrow" view do not depend on the clock.
    CertificateValidity validityAt(const QDateTime &now, int expiryWarningDays = 30) const;
};
