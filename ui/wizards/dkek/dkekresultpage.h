// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

struct DkekCreateState;
struct PaperBackupContent;
class QCheckBox;
class QLabel;

// The share's key check value and the paper backup (print or PDF).
class DkekResultPage : public QWizardPage {
    Q_OBJECT
public:
    explicit DkekResultPage(DkekCreateState *state, QWidget *parent = nullptr);

    void initializePage() override;
    int nextId() const override { return -1; }

    // Writes the paper backup as PDF (owner-only); returns an error sentence or "".
    QString savePaperBackup(const QString &path);

private:
    PaperBackupContent content() const;
    void print();
    void saveAs();

    DkekCreateState *m_state;
    QLabel *m_summary;
    QLabel *m_kcv;
    QCheckBox *m_includeCustodians;
    QLabel *m_custodianWarning;
    QLabel *m_status;
};
