// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "keys/signaturescheme.h"
#include "keys/tokenkey.h"
#include "p11/pkcs11.h"
#include "p11/securebytes.h"

#include <QByteArray>

#include <optional>

class Session;

// Signs with a private key that stays on the token: the host hashes or
// encodes as the mechanism needs, the token signs with C_Sign in our own
// (logged-in) session, and the signature is checked against the key's public
// half before it is handed out. The output is in X.509 form (DER
// ECDSA-Sig-Value for ECDSA; PKCS#11 returns r‖s), ready for a CSR or
// certificate; algorithmIdentifier() is the matching AlgorithmIdentifier,
// encoded by OpenSSL itself so it is exactly what verifiers expect (PSS
// parameters included).
//
// Mechanisms: RSA CKM_SHAxxx_RSA_PKCS(_PSS) when the token lists them, else
// CKM_RSA_PKCS(_PSS) over a host digest (smart cards often offer only these);
// EC CKM_ECDSA over a host digest; Ed25519 CKM_EDDSA over the data.
//
// CKA_ALWAYS_AUTHENTICATE keys need a context-specific login (CKU_CONTEXT_SPECIFIC)
// after every C_SignInit: pass the PIN for that one signature with contextPin,
// or nothing on a protected-authentication-path reader (PIN pad). It is used
// once and wiped; a wrong PIN is not retried. Without it sign() throws
// KeyOperationError(ContextPinRequired) before touching the token.
//
// A general primitive: core/demo's self-signed certificate could use it too.
// Executor only (C_ calls); one signer per operation.
class TokenSigner {
public:
    // Reads the token's mechanism list. Throws KeyOperationError(Unsupported) for a
    // key type or scheme the token cannot do, (InvalidInput) for a key without a
    // known public key.
    TokenSigner(Session &session, const CK_TOKEN_INFO &token, const TokenKey &key, SignatureScheme scheme);

    void setContextPin(std::optional<SecureBytes> pin) { m_contextPin = std::move(pin); }
    // DER AlgorithmIdentifier for the signature this signer makes.
    const QByteArray &algorithmIdentifier() const { return m_algorithmId; }
    CK_MECHANISM_TYPE mechanism() const { return m_mechanism; }
    // Signs data (the DER to be signed, not a digest). Throws Pkcs11Error
    // (C_SignInit/C_Login/C_Sign), KeyOperationError(ContextPinRequired,
    // VerificationFailed).
    QByteArray sign(const QByteArray &data);
    // Checks an X.509-form signature over data with the key's public half.
    bool verify(const QByteArray &data, const QByteArray &signature) const;

private:
    QByteArray tokenSign(const QByteArray &input, CK_MECHANISM &mechanism);
    void contextLogin();

    Session &m_session;
    bool m_protectedPath = false; // CKF_PROTECTED_AUTHENTICATION_PATH: the reader asks for the PIN
    TokenKey m_key;
    SignatureScheme m_scheme;
    enum class Kind { RsaPkcs1, RsaPss, Ecdsa, EdDsa } m_kind = Kind::RsaPkcs1;
    CK_MECHANISM_TYPE m_mechanism = CKM_SHA256_RSA_PKCS;
    bool m_hashOnHost = false; // true: the mechanism takes a digest (or DigestInfo), not the data
    QByteArray m_algorithmId;
    std::optional<SecureBytes> m_contextPin;
};
