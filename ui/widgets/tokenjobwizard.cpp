// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/tokenjobwizard.h"

#include <QAbstractButton>

TokenJobWizard::TokenJobWizard(QWidget *parent) : QWizard(parent)
{
    // Qt re-enables Back when a page changes; keep it off after a write.
    connect(this, &QWizard::currentIdChanged, this, &TokenJobWizard::updateButtons);
}

void TokenJobWizard::beginJob()
{
    m_running = true;
    updateButtons();
    Q_EMIT jobStarted();
}

void TokenJobWizard::endJob(bool wrote)
{
    m_running = false;
    m_written = m_written || wrote;
    updateButtons();
    Q_EMIT jobEnded(wrote);
}

void TokenJobWizard::updateButtons()
{
    for (QWizard::WizardButton b : {QWizard::BackButton, QWizard::CancelButton, QWizard::FinishButton,
                                     QWizard::NextButton, QWizard::CommitButton}) {
        if (QAbstractButton *w = button(b); w && m_running)
            w->setEnabled(false);
    }
    if (QAbstractButton *back = button(QWizard::BackButton); back && (m_running || m_written))
        back->setEnabled(false);
    if (!m_running) {
        if (QAbstractButton *cancel = button(QWizard::CancelButton))
            cancel->setEnabled(true);
        // Next/Finish follow the page's isComplete() again.
        if (QWizardPage *p = currentPage())
            Q_EMIT p->completeChanged();
    }
}

bool TokenJobWizard::refuseWhileRunning()
{
    if (!m_running)
        return false;
    Q_EMIT closeRefused(tr("Waiting for the token: an operation in progress cannot be interrupted. The window "
                           "can be closed once it has finished."));
    return true;
}

void TokenJobWizard::reject()
{
    if (refuseWhileRunning())
        return;
    QWizard::reject();
}

void TokenJobWizard::done(int result)
{
    if (refuseWhileRunning())
        return;
    QWizard::done(result);
}
