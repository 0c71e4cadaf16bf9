// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmconfirminitpage.h"

#include "schsm/schsmobjects.h"
#include "wizards/schsm/schsminitializewizard.h"
#include "wizards/schsm/schsmstatushtml.h"

#include <QLabel>
#include <QLineEdit>

SchsmConfirmInitPage::SchsmConfirmInitPage(SchsmInitializeWizard *wizard)
    : EraseConfirmPage(tr("The last step before anything is changed on the device.")), m_wizard(wizard)
{
    connect(m_confirm, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(m_wizard, &SchsmInitializeWizard::objectsRead, this, [this] {
        updateSummary();
        Q_EMIT completeChanged();
    });
}

QStringList SchsmConfirmInitPage::confirmationTargets() const
{
    const SchsmInitState &s = m_wizard->state();
    QStringList targets;
    if (!s.status.serial.isEmpty())
        targets << s.status.serial;
    // A label of its own: as the page shows it (as OpenSC and the tree show it), or as stored.
    // OpenSC's name for a device without one names any such device: not offered.
    if (s.objectsState == SchsmInitState::Objects::Read && !s.objects.label.isEmpty())
        targets << SchsmObjects::openScTokenLabel(s.objects.label) << s.objects.label;
    if (targets.isEmpty())
        targets << s.reader; // neither serial nor label: the reader's name identifies it
    return targets;
}

void SchsmConfirmInitPage::initializePage()
{
    setCommitText(m_wizard->state().status.initialized());
    keepConfirmationIfIn(confirmationTargets());
    updateSummary();
    m_confirm->setFocus();
}

void SchsmConfirmInitPage::updateSummary()
{
    const SchsmInitState &s = m_wizard->state();
    const InitializeDeviceParams &p = s.params;
    const bool initialized = s.status.initialized();
    QString erased;
    if (!initialized) {
        erased = tr("nothing: the device was never initialized");
    } else {
        switch (s.objectsState) {
        case SchsmInitState::Objects::Reading: erased = tr("reading what the device holds…"); break;
        case SchsmInitState::Objects::Read: erased = tr("everything on it: %1").arg(s.objects.text()); break;
        case SchsmInitState::Objects::Failed:
            erased = tr("everything on it (its contents could not be read: %1)").arg(s.objectsError);
            break;
        }
    }
    const auto yesNo = [](bool b) { return b ? tr("yes") : tr("no"); };
    QString soPin;
    if (!p.newSoPin.empty())
        soPin = tr("changed to the new one right after the initialization");
    else if (!initialized)
        soPin = tr("set to the one you gave");
    else
        soPin = tr("stays as it is");
    QString current;
    if (!initialized)
        current = tr("none: the device was never initialized");
    else if (s.objectsState == SchsmInitState::Objects::Reading)
        current = tr("reading…");
    else if (s.objectsState == SchsmInitState::Objects::Failed)
        current = tr("unknown (the device could not be read)");
    else if (s.objects.label.isEmpty())
        current = tr("“%1” (OpenSC's name for a device without a label of its own)")
                      .arg(SchsmObjects::openScTokenLabel(s.objects.label));
    else
        current = tr("“%1”").arg(SchsmObjects::openScTokenLabel(s.objects.label));
    m_summary->setText(SchsmStatusHtml::table({
        {tr("Device"), tr("serial %1 in %2").arg(s.status.serial.isEmpty() ? tr("unknown") : s.status.serial, s.reader)},
        {tr("Current label"), current},
        {tr("Erased"), erased},
        {tr("SO-PIN"), soPin},
        {tr("User PIN"), tr("set to the one you chose; %n tries", nullptr, p.retryCounter)},
        {tr("SO-PIN may reset the user PIN"), yesNo(p.soMayResetUserPin)},
        {tr("Transport PIN"), yesNo(p.transportPin)},
        {tr("DKEK shares"), p.dkekShares == 0 ? tr("none: keys can never be backed up or cloned")
                                              : QString::number(p.dkekShares)},
        {tr("New label"), p.label.isEmpty()
                              ? tr("(none: OpenSC shows “%1”)").arg(SchsmObjects::openScTokenLabel(p.label))
                              : tr("“%1” (OpenSC shows “%2”)").arg(p.label, SchsmObjects::openScTokenLabel(p.label))},
    }));
    const bool erasesSomething = initialized && !(s.objectsState == SchsmInitState::Objects::Read && s.objects.empty());
    // The warning colour only for a warning: "will be initialized with the settings above" is none.
    m_warning->setStyleSheet(erasesSomething ? QStringLiteral("color: #b02020") : QString());
    m_warning->setText(erasesSomething
                           ? tr("<b>Everything on this device will be erased for good.</b> Keys cannot be recovered "
                                "unless they were backed up with the DKEK, and whatever they protect stops working.")
                           : tr("The device will be initialized with the settings above."));
    const QStringList targets = confirmationTargets();
    // The label offered is the one shown above (targets: serial, label as shown, label as stored).
    if (targets.size() == 3)
        m_ask->setText(tr("To confirm, type the device's serial <b>%1</b> or its label <b>%2</b>:")
                           .arg(targets.at(0).toHtmlEscaped(), targets.at(1).toHtmlEscaped()));
    else
        m_ask->setText(tr("To confirm, type <b>%1</b>:").arg(targets.value(0).toHtmlEscaped()));
}

bool SchsmConfirmInitPage::isComplete() const
{
    // What is erased is part of what the user confirms: wait for it.
    return m_wizard->state().objectsState != SchsmInitState::Objects::Reading
        && confirmationTargets().contains(typedConfirmation());
}
