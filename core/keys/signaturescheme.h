// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

enum class DigestAlgorithm { Sha256, Sha384, Sha512 };

// How a token key signs a CSR or certificate. The key decides the rest (RSA
// PKCS#1 v1.5 or PSS, ECDSA, Ed25519); Ed25519 ignores the digest (it hashes
// internally).
struct SignatureScheme {
    DigestAlgorithm digest = DigestAlgorithm::Sha256;
    bool rsaPss = false; // RSA keys only: RSASSA-PSS, MGF1 with the same digest, salt = digest length

    // "sha256", as openssl's -sha256 / -sigopt rsa_mgf1_md: take it.
    static QString digestName(DigestAlgorithm d);
};
