// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/keygenspec.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

// pkcs11-tool -O as the independent judge of a generated key pair: what its
// "Usage:" and "Access:" lines say, and whether the private key is listed
// without login (CKA_PRIVATE false) or only with it. Shared by the core test
// (every algorithm × every choice) and the wizard test (the same through the widgets).
namespace KeyUsageOracle {

struct ToolKey {
    QString header;        // "Private Key Object; EC", "Public Key Object; RSA 2048 bits"
    QString label;
    QSet<QString> usage;   // "sign", "decrypt", … ("none" when pkcs11-tool prints none)
    QSet<QString> access;  // "sensitive", "never extractable", "local", …
    bool isPrivate() const { return header.startsWith(QLatin1String("Private Key Object")); }
    bool isPublic() const { return header.startsWith(QLatin1String("Public Key Object")); }
};

// Parses `pkcs11-tool -O` output (key objects only; others are skipped).
QList<ToolKey> parse(const QByteArray &listing);

// Empty when the pair labelled `label` is what the spec asked for, as pkcs11-tool
// reports it; otherwise one line per difference. loggedIn: the listing after
// login; anonymous: the listing without login.
QString compare(const KeyGenSpec &spec, const QString &label, const QList<ToolKey> &loggedIn,
                const QList<ToolKey> &anonymous);

// Every combination of the wizard's boxes for this algorithm: each usage the key
// type can have (RSA sign/decrypt/unwrap, EC sign/derive, Ed25519 sign) × private
// × sensitive × extractable × always authenticate. Includes the combinations the
// validator refuses (no usage; extractable and not sensitive).
QList<KeyGenSpec> allChoices(const KeyAlgorithm &algorithm);

// "sign+derive private sensitive": a row name for a choice.
QString describe(const KeyGenSpec &spec);

} // namespace KeyUsageOracle
