// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/certimport/certimportplanpage.h"

#include "inventory/objectfacts.h"
#include "wizards/certimport/certimportfilepage.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

CertImportPlanPage::CertImportPlanPage(CertImportFilePage *file, QWidget *parent)
    : QWizardPage(parent), m_file(file), m_table(new QTreeWidget(this)), m_notes(new QLabel(this))
{
    setTitle(tr("What will be written"));
    setSubTitle(tr("Nothing has been written yet. Check the list, then import."));
    setCommitPage(true);
    auto *v = new QVBoxLayout(this);
    m_table->setHeaderLabels({tr("Certificate"), tr("Goes in as"), tr("CKA_ID / label")});
    m_table->setRootIsDecorated(false);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    v->addWidget(m_table, 1);
    m_notes->setWordWrap(true);
    v->addWidget(m_notes);
}

bool CertImportPlanPage::isComplete() const { return m_file->isComplete(); }

void CertImportPlanPage::initializePage()
{
    m_table->clear();
    const auto &plan = m_file->plan();
    if (!plan)
        return;
    for (const PlannedCertificate &c : plan->certificates) {
        QString role;
        switch (c.role) {
        case PlannedCertificate::Role::EndEntity: role = tr("paired with key “%1”").arg(c.keyLabel); break;
        case PlannedCertificate::Role::Authority: role = tr("CA certificate"); break;
        case PlannedCertificate::Role::Other: role = tr("other certificate (no key)"); break;
        }
        if (c.skipped())
            role = tr("already on the token as “%1”: skipped").arg(c.alreadyPresentAs);
        else if (c.leftOut)
            role = tr("belongs to no key here: left out");
        const QString where = c.willWrite() ? ObjectFacts::idHex(c.id) + QStringLiteral(" / ") + c.label : QString();
        new QTreeWidgetItem(m_table, {c.info.subject, role, where});
    }
    QStringList notes{tr("%n certificate(s) will be written.", nullptr, plan->toWrite())};
    for (const QString &n : plan->notes)
        notes << n.toHtmlEscaped();
    m_notes->setText(notes.join(QStringLiteral("<br>")));
    setButtonText(QWizard::CommitButton, tr("&Import %n certificate(s)", nullptr, plan->toWrite()));
}
