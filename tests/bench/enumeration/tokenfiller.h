// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/session.h"

#include <QByteArray>

// Fills a token with a realistic keystore for the enumeration benchmark, in
// units of four objects: a key pair made in software (OpenSSL) and stored with
// C_CreateObject as private + public key, its certificate under the same
// CKA_ID, and one certificate without a key on the token (as a CA chain
// certificate would be). Every fifth pair is RSA-2048, the rest EC P-256:
// software generation keeps a 1,000-object fill in seconds, and the objects are
// the same kinds the token would hold had it generated them itself.
class TokenFiller {
public:
    explicit TokenFiller(Session &session) : m_session(session) {}

    // Adds units until the token holds at least `objects` objects made by this
    // filler (counted from `alreadyThere`). Returns the new total.
    int fillTo(int objects, int alreadyThere);

private:
    void addUnit(int index);
    void create(std::vector<CK_ATTRIBUTE> &tmpl);

    Session &m_session;
};
