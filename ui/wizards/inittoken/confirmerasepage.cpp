// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/inittoken/confirmerasepage.h"

#include "lifecycle/displayfield.h"
#include "lifecycle/inittokenvalidator.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QLabel>
#include <QLineEdit>

ConfirmErasePage::ConfirmErasePage(InitTokenWizard *wizard)
    : EraseConfirmPage(tr("The last step before anything is changed on the token.")), m_wizard(wizard)
{
    connect(m_confirm, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_wizard->state().params.confirmation = text;
        Q_EMIT completeChanged();
    });
    connect(m_wizard, &InitTokenWizard::objectsCounted, this, [this] {
        if (m_wizard->currentPage() == this) {
            updateSummary();
            Q_EMIT completeChanged();
        }
    });
}

void ConfirmErasePage::initializePage()
{
    const InitTokenState &s = m_wizard->state();
    const bool initialized = s.params.token.flags & CKF_TOKEN_INITIALIZED;
    setCommitText(initialized);
    keepConfirmationIfIn(InitTokenValidator::confirmationTargets(s.params));
    updateSummary();
}

void ConfirmErasePage::updateSummary()
{
    const InitTokenState &s = m_wizard->state();
    if (!s.chosen)
        return;
    const TokenSnapshot &t = s.chosen->token;
    const InitTokenParams &p = s.params;
    const bool initialized = p.token.flags & CKF_TOKEN_INITIALIZED;
    const bool pinPad = p.token.flags & CKF_PROTECTED_AUTHENTICATION_PATH;
    auto row = [](const QString &k, const QString &v) {
        return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>").arg(k, v);
    };
    QString erased;
    switch (s.countState) {
    case InitTokenState::Count::NotInitialized: erased = tr("nothing: the token is not initialized"); break;
    case InitTokenState::Count::Reading: erased = tr("counting the objects on the token…"); break;
    case InitTokenState::Count::Read:
        erased = tr("everything on it: %1").arg(s.count.describe().toHtmlEscaped());
        if (s.count.privateObjectsHidden)
            erased += QStringLiteral("<br>")
                + tr("<i>Not logged in: private objects (usually the private keys) were not listed and are not in "
                     "this count. There may be more.</i>");
        break;
    case InitTokenState::Count::Failed:
        erased = tr("everything on it (the objects could not be counted: %1)").arg(s.countError.toHtmlEscaped());
        break;
    case InitTokenState::Count::NotRead: erased = tr("everything on it"); break;
    }
    QString html = QStringLiteral("<table>");
    html += row(tr("Token"), initialized ? tr("“%1”").arg(DisplayField::text(t.label).toHtmlEscaped()) : tr("blank token"));
    html += row(tr("Device"), tr("%1 %2, serial %3")
                                  .arg(t.id.manufacturer.toHtmlEscaped(), t.id.model.toHtmlEscaped(),
                                       DisplayField::text(t.id.serial).toHtmlEscaped()));
    html += row(tr("Slot"), tr("%1 (%2)").arg(s.chosen->slotDescription.toHtmlEscaped(),
                                              s.chosen->moduleName.toHtmlEscaped()));
    html += row(tr("Erased"), erased);
    html += row(tr("New label"), tr("“%1”").arg(p.label.trimmed().toHtmlEscaped()));
    html += row(tr("SO-PIN"), pinPad ? tr("entered on the reader")
                                     : initialized ? tr("stays the same") : tr("set to the one you chose"));
    html += row(tr("User PIN"), pinPad ? tr("entered on the reader") : tr("set to the one you chose"));
    html += QStringLiteral("</table>");
    m_summary->setText(html);

    m_warning->setText(initialized ? tr("<b>Everything on this token will be erased for good.</b> Keys cannot be "
                                        "recovered, and whatever they protect (signatures, encrypted mail, logins) "
                                        "stops working unless you have a backup.")
                                   : tr("The token will be initialized with the label and PINs above."));
    const QStringList targets = InitTokenValidator::confirmationTargets(p);
    QString ask;
    if (targets.size() == 2)
        ask = tr("To confirm, type the token's current label <b>%1</b> or its serial number <b>%2</b>:")
                  .arg(targets.at(0).toHtmlEscaped(), targets.at(1).toHtmlEscaped());
    else if (targets.size() == 1 && targets.value(0) == p.label.trimmed())
        ask = tr("To confirm, type the new label <b>%1</b>:").arg(targets.value(0).toHtmlEscaped());
    else
        ask = tr("To confirm, type <b>%1</b>:").arg(targets.value(0).toHtmlEscaped());
    m_ask->setText(ask);
}

bool ConfirmErasePage::isComplete() const
{
    const InitTokenState &s = m_wizard->state();
    // The count is part of what the user confirms: wait for it.
    return s.chosen && s.countState != InitTokenState::Count::Reading
        && InitTokenValidator::check(s.params).isEmpty();
}

bool ConfirmErasePage::validatePage()
{
    return isComplete();
}
