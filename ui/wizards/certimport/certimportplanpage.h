// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class CertImportFilePage;
class QLabel;
class QTreeWidget;

// The plan, shown before anything is written: which certificate pairs with which
// key, which go in as CA or other certificates, which are left out (they belong to
// no key here and the user did not ask for them) and which are on the token
// already. A commit page: its button names the write, and there is no way back to
// the file page once it is pressed.
class CertImportPlanPage : public QWizardPage {
    Q_OBJECT
public:
    explicit CertImportPlanPage(CertImportFilePage *file, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    QTreeWidget *table() const { return m_table; }

private:
    CertImportFilePage *m_file;
    QTreeWidget *m_table;
    QLabel *m_notes;
};
