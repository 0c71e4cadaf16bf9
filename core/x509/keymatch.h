// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/publickey.h"
#include "x509/publickeyattributes.h"

#include <QByteArray>

// Does this certificate carry this key's public half? Used to pair certificates
// with keys when CKA_ID is missing or disagrees (CKA_ID is only a convention).
// Comparison is mathematical (EVP_PKEY_eq), so encodings may differ (compressed
// EC points, a leading zero in CKA_MODULUS, explicit vs named curve).
// Throws X509Error if the certificate or the key cannot be read; for bulk
// pairing decode each side once (PublicKey::fromCertificate/fromAttributes)
// and call PublicKey::sameKeyAs directly.
bool certificateMatchesKey(const QByteArray &certificateDer, const PublicKey &key);
bool certificateMatchesKey(const QByteArray &certificateDer, const PublicKeyAttributes &attributes);
bool certificateMatchesSpki(const QByteArray &certificateDer, const QByteArray &subjectPublicKeyInfo);
