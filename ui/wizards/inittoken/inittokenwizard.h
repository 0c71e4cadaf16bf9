// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/modulespec.h"
#include "inventory/tokenref.h"
#include "wizards/inittoken/inittokenstate.h"

#include "widgets/tokenjobwizard.h"

#include <QList>

#include <optional>

class Inventory;
class ModuleRegistry;
class ChooseTokenPage;
class InitProgressPage;
class SoPinPage;

// Initialize a token: choose it (blank ones included), its SO-PIN, a new label,
// the user PIN; a commit page that says what will be erased and wants the
// token's label or serial typed; then C_InitToken + C_InitPIN on the worker with
// progress, and a result page. Emits tokenChanged() when the tree must be
// re-read (the token may have moved to another slot: use the new TokenRef).
// The registry serves blank tokens, which Inventory's per-token jobs cannot
// open (see LifecycleJobs::initToken). A TokenJobWizard: while the SO-PIN check
// or the initialization runs, nothing closes it or steps back. Use open() or exec().
class InitTokenWizard : public TokenJobWizard {
    Q_OBJECT
public:
    enum PageId { ChooseTokenPageId, SoPinPageId, LabelPageId, UserPinPageId, ConfirmPageId, ProgressPageId, ResultPageId };

    InitTokenWizard(Inventory &inventory, ModuleRegistry &registry, const QList<ModuleSpec> &modules,
                    std::optional<TokenRef> preselected = std::nullopt, QWidget *parent = nullptr);
    ~InitTokenWizard() override;

    Inventory &inventory() { return m_inventory; }
    ModuleRegistry &registry() { return m_registry; }
    InitTokenState &state() { return m_state; }
    const InitTokenState &state() const { return m_state; }
    bool isRunning() const { return isJobRunning(); }

    // Empties every PIN field of every page and the PINs collected so far.
    void wipePins();
    // A failure that the SO-PIN page can fix (wrong SO-PIN, one the token refuses):
    // back to it, with the message and the token's new state; the label and the
    // user PIN typed stay as they are, the SO-PIN field is emptied.
    void backToSoPin(const QString &message, const CK_TOKEN_INFO &token);

    void done(int result) override;

Q_SIGNALS:
    // The tree should re-read this token's module: after the job, whatever its result.
    void tokenChanged(const TokenRef &token);
    // Success: the token, where it is now, with its new label.
    void tokenInitialized(const TokenRef &token);
    // Test and page hooks: the token list has been read; the chosen token's objects were counted.
    void tokensListed();
    void objectsCounted();

private:
    Inventory &m_inventory;
    ModuleRegistry &m_registry;
    InitTokenState m_state;
    InitProgressPage *m_progress = nullptr;
    SoPinPage *m_soPin = nullptr;
};
