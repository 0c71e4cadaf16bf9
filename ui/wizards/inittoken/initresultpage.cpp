// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/inittoken/initresultpage.h"

#include "inventory/p11text.h"
#include "lifecycle/displayfield.h"
#include "lifecycle/lifecycleerror.h"
#include "wizards/inittoken/inittokenwizard.h"

InitResultPage::InitResultPage(InitTokenWizard *wizard)
    : ReadBackResultPage(tr("Result"),
                         tr("What the token reports now, read back after the initialization.")),
      m_wizard(wizard)
{
}

void InitResultPage::initializePage()
{
    const InitTokenState &s = m_wizard->state();
    if (s.failure) {
        const UserError e = initTokenError(s.failure, s.tokenAfterFailure,
                                           s.params.token.flags & CKF_TOKEN_INITIALIZED);
        setHeadline(tr("The token was not initialized."));
        QString details = e.text().toHtmlEscaped();
        switch (e.rv) {
        case CKR_PIN_INCORRECT:
        case CKR_PIN_LEN_RANGE:
        case CKR_PIN_INVALID:
        case CKR_PIN_LOCKED:
        case CKR_SESSION_EXISTS:
        case CKR_TOKEN_WRITE_PROTECTED:
            details += QStringLiteral("<p>") + tr("Nothing on the token was changed.");
            break;
        default: break;
        }
        setDetails(details);
        return;
    }
    if (!s.outcome)
        return;
    const InitTokenOutcome &o = *s.outcome;
    const TokenSnapshot &t = o.snapshot;
    QString facts;
    if (o.found) {
        facts = tr("Label “%1”, serial %2, slot %3.")
                    .arg(DisplayField::text(t.label).toHtmlEscaped(), DisplayField::text(t.id.serial).toHtmlEscaped())
                    .arg(o.token.slot);
        if (o.token.slot != o.previousSlot)
            facts += QLatin1Char(' ')
                + tr("The module moved the token from slot %1 to slot %2 (SoftHSM does this on initialization); "
                     "TokenDesk found it there.")
                      .arg(o.previousSlot)
                      .arg(o.token.slot);
        facts += QStringLiteral("<br>") + tr("Flags: %1.").arg(P11Text::tokenFlagNames(t.info.flags).join(QStringLiteral(", ")));
    }
    if (o.complete()) {
        setHeadline(tr("The token is initialized and ready to use."));
        setDetails(facts + QStringLiteral("<p>")
                   + tr("Log in with the new user PIN. Keep the SO-PIN safe: it is needed to unblock the "
                        "user PIN."));
        return;
    }
    setHeadline(tr("The token was initialized, but not completely."));
    QString details = tr("Everything on it was erased and it has its new label.");
    if (!facts.isEmpty())
        details += QStringLiteral("<br>") + facts;
    if (o.followUpError) {
        const UserError e = lifecycleError(o.followUpError, t.info, PinRole::So, PinRole::User);
        details += QStringLiteral("<p>")
            + (o.found ? tr("The user PIN could not be set: %1").arg(e.text().toHtmlEscaped())
                       : e.text().toHtmlEscaped());
        if (o.found && !o.userPinSet)
            details += QStringLiteral("<p>")
                + tr("Set it with <b>Unblock PIN…</b> from the token's menu (it needs the SO-PIN).");
    }
    for (const QString &problem : o.verificationProblems)
        details += QStringLiteral("<br>") + tr("Check failed: %1").arg(problem.toHtmlEscaped());
    setDetails(details);
}
