// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"

#include "widgets/tokenjobwizard.h"

class Inventory;
class KeyGenParamsPage;
class KeyGenRunPage;

// Generate a key pair on a token: algorithm (only what the token's mechanism
// list offers), label, CKA_ID (derived from the public key unless given), safe
// attribute defaults with an advanced section; then the generation on the
// token's worker, with the window responsive while a slow token works.
// The token must be logged in as the user (the caller logs in first). Once
// Generate is pressed the wizard cannot be closed, escaped or stepped back from
// until the token has answered, and Back stays off after a key was made, so one
// form makes one pair (TokenJobWizard).
class KeyGenWizard : public TokenJobWizard {
    Q_OBJECT
public:
    KeyGenWizard(Inventory &inventory, TokenRef token, TokenSnapshot snapshot, std::vector<QByteArray> existingIds,
                 QWidget *parent = nullptr);

    KeyGenParamsPage *paramsPage() const { return m_params; }
    KeyGenRunPage *runPage() const { return m_run; }

Q_SIGNALS:
    void keyGenerated(const TokenRef &token);
    // The generation ended (made a pair or not): re-read the token's objects.
    void tokenChanged(const TokenRef &token);

private:
    KeyGenParamsPage *m_params;
    KeyGenRunPage *m_run;
};
