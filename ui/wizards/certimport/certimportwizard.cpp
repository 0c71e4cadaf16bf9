// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/certimport/certimportwizard.h"

#include "wizards/certimport/certimportfilepage.h"
#include "wizards/certimport/certimportplanpage.h"
#include "wizards/certimport/certimportrunpage.h"

#include <QPushButton>

CertImportWizard::CertImportWizard(Inventory &inventory, TokenRef token, TokenContents contents, const QString &file,
                                   QWidget *parent)
    : TokenJobWizard(parent), m_file(new CertImportFilePage(std::move(contents), file, this)),
      m_plan(new CertImportPlanPage(m_file, this)), m_run(new CertImportRunPage(inventory, token, m_file, this))
{
    setWindowTitle(tr("Import certificates"));
    addPage(m_file);
    addPage(m_plan);
    addPage(m_run);
    // No default button, and no button that becomes one when focused: Enter never
    // presses Import (QDialog would otherwise make the first auto-default button the default).
    setOption(QWizard::NoDefaultButton, true);
    for (QWizard::WizardButton b : {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton,
                                     QWizard::FinishButton, QWizard::CancelButton, QWizard::HelpButton})
        if (auto *pb = qobject_cast<QPushButton *>(button(b)))
            pb->setAutoDefault(false);
    connect(m_run, &CertImportRunPage::finishedImport, this, [this, token](bool ok) {
        if (ok)
            Q_EMIT imported(token);
    });
}
