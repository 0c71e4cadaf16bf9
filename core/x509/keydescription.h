// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/publickeyattributes.h"

#include <QByteArray>
#include <QString>

// Labels for the token browser, computed from attributes alone, so they work for
// private-key objects too (an EC private key has CKA_EC_PARAMS but no point).

// "P-256 (prime256v1)", "secp256k1", "brainpoolP256r1", "Ed25519",
// "P-256 (prime256v1), explicit parameters". Throws X509Error for malformed or unknown params.
QString ecCurveName(const QByteArray &ecParams);

// Bit length of a big-endian CKA_MODULUS (leading zero bytes ignored): 2048, 3072…
int rsaModulusBits(const QByteArray &modulus);

// "RSA 2048 bits", "EC P-256 (prime256v1)", "Ed25519", "X25519"; never throws:
// falls back to "RSA", "EC (unknown curve)" or the key type name. (Named so it
// does not hide behind ObjectFacts::keyDescription in unqualified lookup.)
QString keyDescriptionFromParams(const PublicKeyAttributes &attributes);
