// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"
#include "x509/publickey.h"

#include <QByteArray>
#include <QString>

class RandomSource;
typedef struct evp_pkey_st EVP_PKEY;

// The facts of a key opened from a blob: public only. The private key never
// leaves KeyBlob::open() (decrypted into wiping memory, checked, then wiped).
struct KeyBlobKey {
    PublicKey publicKey;       // derived from the private key, not copied from the blob
    QString algorithm;         // "RSA", "EC"
    int bits = 0;              // RSA modulus bits, EC group order bits
    QString curve;             // EC: OpenSSL's short name ("prime256v1"); empty for RSA
    QString fingerprint;       // SHA-256 over the SubjectPublicKeyInfo DER, "AB:CD:…"
    int keySizeField = 0;      // the key size the blob states (bits)
};

// A SmartCard-HSM key blob, the device's WRAP KEY output that UNWRAP KEY takes
// back, as far as OpenSC's sc-hsm-tool, CardContact's description and the
// vectors in tests/data/schsm show it:
//
//   KCV(8)  type(1)  L‖default algorithm OID  L‖allowed algorithms  L‖access conditions
//   L‖key OID  E(random(8) ‖ key size(2) ‖ components ‖ 80 00…)  CMAC(16)
//
// L is a 2-byte big-endian length. KCV = SHA-256(DKEK)[:8]. E = AES-256-CBC, zero IV,
// key SHA-256(DKEK ‖ 00000001). CMAC = AES-CMAC over everything before it, key
// SHA-256(DKEK ‖ 00000002). Components, each L‖big-endian value:
//   type 5 (RSA):      D, N, E
//   type 6 (RSA, CRT): DP, DQ, P, QINV, Q, N, E
//   type 12 (EC):      A, B, P, order, G, d, Q (A may be empty; the curve is found by P, B, order, G)
// The blob itself is not secret (it is ciphertext); parse() takes it as untrusted input.
class KeyBlob {
public:
    static constexpr int kCheckValueSize = 8;
    static constexpr int kMacSize = 16;
    static constexpr quint8 kTypeRsa = 5;
    static constexpr quint8 kTypeRsaCrt = 6;
    static constexpr quint8 kTypeEc = 12;
    static constexpr quint8 kTypeAes = 15;

    // Checks the framing (every length against the bytes there). Throws KeyBackupError(NotABackup).
    static KeyBlob parse(const QByteArray &blob);

    const QByteArray &bytes() const { return m_bytes; }
    QByteArray checkValue() const { return m_bytes.left(kCheckValueSize); }
    int keyType() const { return quint8(m_bytes.at(kCheckValueSize)); }
    const QByteArray &algorithm() const { return m_algorithm; } // OID content bytes (no tag)
    const QByteArray &allowedAlgorithms() const { return m_allowed; }
    const QByteArray &accessConditions() const { return m_access; }
    const QByteArray &keyOid() const { return m_keyOid; }

    // Whether the check value is this DKEK's (not secret: SHA-256(DKEK)[:8]).
    bool madeUnder(const SecureBytes &dkek) const;
    // The AES-CMAC over the blob under this DKEK's MAC key (constant-time compare).
    bool integrityMatches(const SecureBytes &dkek) const;
    // Check value, then CMAC, then decrypts (into wiping memory) and decodes the key,
    // derives its public key and checks that the parts belong together. Throws
    // KeyBackupError: DkekMismatch, IntegrityFailed, UnknownKeyType, BadKeyData.
    KeyBlobKey open(const SecureBytes &dkek) const;

    // Host-side wrap, the blob the device would make for this key under this DKEK:
    // RSA 2048-4096 (type 5) and EC P-256/P-384/P-521 (type 12). Random 8-byte prefix
    // from rng (OpenSslRandomSource when null). Throws KeyBackupError(UnsupportedKey).
    static QByteArray build(const SecureBytes &dkek, EVP_PKEY *key, RandomSource *rng = nullptr);

private:
    QByteArray m_bytes;
    QByteArray m_algorithm, m_allowed, m_access, m_keyOid;
    qsizetype m_encryptedOffset = 0;
};

// SHA-256 over the public key's SubjectPublicKeyInfo DER, upper-case colon hex.
QString publicKeyFingerprint(const PublicKey &key);
