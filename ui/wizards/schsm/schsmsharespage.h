// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/dkeksharejobs.h"

#include <QStringList>
#include <QWizardPage>

class DkekShareOpener;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class SchsmImportSharesWizard;

// Chooses and opens the share files, shows each share's check value and what the
// device will report once they are in (or why the import is refused). The commit
// page: Next imports.
class SchsmSharesPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SchsmSharesPage(SchsmImportSharesWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

    // Asks for each file's password or custodian shares in turn (the Add button ends here).
    void addShareFiles(const QStringList &paths);
    void stopOpening();
    bool isOpening() const;
    QString expectedKcvText() const; // as shown; empty when not predictable
    // Tests only: fewer key derivation rounds. The UI always uses 10,000,000.
    void setIterationCountForTesting(quint32 iterations);

Q_SIGNALS:
    void shareOpened(const QString &path);
    void shareRefused(const QString &message);
    // A wrong password (or custodian shares): the unlock dialog says so and asks again.
    void passwordRefused(const QString &message);
    // The unlock dialog for the next file is open (tests fill it in).
    void unlockAsked();

private:
    void chooseFiles();
    void opened(const OpenShareResult &r, bool fromCustodianShares);
    void removeSelected();
    void refresh();
    void setOpening(bool opening);

    SchsmImportSharesWizard *m_wizard;
    DkekShareOpener *m_opener;

    QLabel *m_device;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QProgressBar *m_progress;
    QPushButton *m_cancelOpen;
    QLabel *m_status;
    QLabel *m_expected;
    QLabel *m_verdict;
};
