// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

// How the detail pane shows a data object's attributes. The bytes come from the
// module and are untrusted: lengths are checked, nothing is assumed printable.
class DataValue {
    Q_DECLARE_TR_FUNCTIONS(DataValue)
public:
    // Valid UTF-8 without control, bidi or other invisible characters (tabs and
    // line breaks allowed): shown as text; anything else in hex.
    static bool isText(const QByteArray &value);
    // The value as text or as hex ("0a 1b …"), at most maxBytes of it, with a
    // note of the full size when cut.
    static QString display(const QByteArray &value, qsizetype maxBytes = 4096);
    // CKA_OBJECT_ID (a DER OBJECT IDENTIFIER) in dotted form; nullopt when it is
    // not exactly one well-formed OID.
    static std::optional<QString> oid(const QByteArray &der);
    // The same from the content octets alone (no tag, no length): OpenSC's
    // `pkcs11-tool --application-id` stores CKA_OBJECT_ID that way.
    static std::optional<QString> oidFromContent(const QByteArray &content);
    // The dotted OID with OpenSSL's name when it knows one: "2.5.4.3 (commonName)";
    // hex with a note when the value is not an OID.
    static QString oidDisplay(const QByteArray &der);
};
