// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// The subject of a CSR or self-signed certificate, field by field as the
// wizard asks for them. Values are used trimmed; empty fields are left out.
// The order in the name is C, ST, L, O, OU, CN, emailAddress (what `openssl
// req` and most CAs produce).
struct SubjectName {
    QString country;            // C: two letters, ISO 3166 ("GB")
    QString state;              // ST
    QString locality;           // L
    QString organization;       // O
    QString organizationalUnit; // OU
    QString commonName;         // CN
    QString emailAddress;       // emailAddress (PKCS#9; prefer an email SAN for new certificates)

    bool isEmpty() const;
    // DER Name for X509_REQ/X509 (pure; throws TokenDeskError if OpenSSL refuses a value).
    QByteArray der() const;
    // RFC 4514, most specific first: "CN=Alice,O=Example,C=GB", exactly as the
    // certificate view will show it (OpenSSL's RFC 2253 printer, UTF-8 kept).
    QString rfc4514() const;
    // "/C=GB/O=Example/CN=Alice", as `openssl req -subj` takes it ('/', '+', '\\'
    // and '=' in values escaped with a backslash).
    QString openssl() const;
};
