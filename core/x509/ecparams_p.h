// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace x509detail {

// CKA_EC_PARAMS, understood. PKCS#11 allows three shapes: the DER OID of a
// named curve (what every token we know returns for Weierstrass curves),
// explicit DER ECParameters (rare; old Java cards), and since PKCS#11 3.0 a
// PrintableString curve name for Edwards/Montgomery curves ("edwards25519").
struct EcParams {
    enum class Family { Weierstrass, Edwards, Montgomery };
    enum class Form { NamedCurve, Explicit, CurveName };
    Family family = Family::Weierstrass;
    Form form = Form::NamedCurve;
    int nid = 0;       // OpenSSL NID of the curve (for Explicit: the named curve it equals, or 0)
    int degree = 0;    // field size in bits
    QString display;   // "P-256 (prime256v1)", "secp256k1", "Ed25519", "explicit parameters (256 bits)"
    QByteArray der;    // the parameters element itself, trailing bytes removed
};

// Throws X509Error: InvalidPublicKey when malformed, UnsupportedKeyType for
// curves OpenSSL does not know or implicitlyCA.
EcParams parseEcParams(const QByteArray &ecParams);

} // namespace x509detail
