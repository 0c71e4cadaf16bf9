// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/session.h"

#include <memory>

// Fills a token for the listing benchmark. Certificates alone (as a token of
// issued certificates, each with its own subject key, signed by one CA), and key
// pairs with their certificates under the same CKA_ID. The private keys of the
// pairs are public objects (CKA_PRIVATE false, as PIV and OpenPGP cards show their
// key objects before login), so a listing without login sees every object, in
// both programs alike. Keys are made in software (OpenSSL): EC P-256, and every
// tenth RSA-2048 (from a small pool for the lone certificates, whose keys are
// not on the token).
class ListingFiller {
public:
    explicit ListingFiller(Session &session);
    ~ListingFiller();
    ListingFiller(const ListingFiller &) = delete;
    ListingFiller &operator=(const ListingFiller &) = delete;

    void addCertificates(int count);
    void addKeyPairs(int count); // each: private key, public key, certificate
private:
    struct State;
    std::unique_ptr<State> m_state;
    Session &m_session;
};
