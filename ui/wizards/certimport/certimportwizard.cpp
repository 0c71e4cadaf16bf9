// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/certimport/certimportwizard.h"

#include "wizards/certimport/certimportfilepage.h"
#include "wizards/certimport/certimportrunpage.h"

CertImportWizard::CertImportWizard(Inventory &inventory, TokenRef token, TokenContents contents, const QString &file,
                                   QWidget *parent)
    : QWizard(parent), m_file(new CertImportFilePage(std::move(contents), file, this)),
      m_run(new CertImportRunPage(inventory, token, m_file, this))
{
    setWindowTitle(tr("Import certificates"));
    addPage(m_file);
    addPage(m_run);
    setButtonText(QWizard::NextButton, tr("&Import"));
    connect(m_run, &CertImportRunPage::finishedImport, this, [this, token](bool ok) {
        if (ok)
            Q_EMIT imported(token);
    });
}
