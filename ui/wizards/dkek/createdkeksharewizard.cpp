// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/createdkeksharewizard.h"

#include "wizards/dkek/dkekcustodiansharepage.h"
#include "wizards/dkek/dkekderivationpage.h"
#include "wizards/dkek/dkekdestinationpage.h"
#include "wizards/dkek/dkekprotectionpage.h"
#include "wizards/dkek/dkekresultpage.h"

CreateDkekShareWizard::CreateDkekShareWizard(QWidget *parent) : QWizard(parent)
{
    setWindowTitle(tr("Create DKEK Share"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);

    setPage(DestinationPageId, new DkekDestinationPage(&m_state));
    setPage(ProtectionPageId, new DkekProtectionPage(&m_state));
    m_derivation = new DkekDerivationPage(&m_state);
    setPage(DerivationPageId, m_derivation);
    for (int i = 0; i < PasswordSharing::kMaxTotal; ++i)
        setPage(FirstCustodianPageId + i, new DkekCustodianSharePage(&m_state, i));
    setPage(ResultPageId, new DkekResultPage(&m_state));
    setStartId(DestinationPageId);

    connect(m_derivation, &DkekDerivationPage::workerStopped, this, &CreateDkekShareWizard::derivationStopped);
    connect(m_derivation, &DkekDerivationPage::created, this, [this] {
        Q_EMIT shareCreated(m_state.result->path, m_state.result->kcv);
    });
    resize(720, 560);
}

CreateDkekShareWizard::~CreateDkekShareWizard()
{
    m_derivation->cancel();
    m_state.wipeSecrets();
}

void CreateDkekShareWizard::setDestination(const QString &path)
{
    static_cast<DkekDestinationPage *>(page(DestinationPageId))->setPath(path);
}

void CreateDkekShareWizard::setIterationCountForTesting(quint32 iterations)
{
    m_state.iterations = iterations;
}

void CreateDkekShareWizard::done(int result)
{
    // Cancel stops the worker (it checks every few milliseconds) and it removes
    // anything it had written; the custodian shares are wiped now.
    m_derivation->cancel();
    m_state.wipeSecrets();
    QWizard::done(result);
}
