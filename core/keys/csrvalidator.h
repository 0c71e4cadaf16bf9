// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/csrspec.h"
#include "x509/publickey.h"

#include <QString>

// Pure checks behind the CSR and self-signed certificate wizards. Each returns
// an empty string when the input is fine, otherwise one sentence for the page.
class CsrValidator {
public:
    // allowEmpty: a CSR may leave the subject empty when it has alternative names
    // (RFC 5280 4.1.2.6); a self-signed certificate may not (its issuer is its subject).
    static QString checkSubject(const SubjectName &subject, bool allowEmpty = false);
    static QString checkAltName(const SubjectAltName &name);
    static QString checkUsage(const UsageExtensions &usage);
    static QString checkSignature(const SignatureScheme &scheme, PublicKey::Algorithm keyAlgorithm);
    static QString check(const CsrSpec &spec, PublicKey::Algorithm keyAlgorithm);
};
