// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "keys/certificateimport.h"

#include <QWizardPage>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;

// Choose the file and whether certificates that belong to no key here go in too.
// The plan is computed here as the user types (or the sentence that says why the
// file cannot be imported); the next page shows it, and only that page writes.
// Enter in the file field goes to the plan, never further.
class CertImportFilePage : public QWizardPage {
    Q_OBJECT
public:
    CertImportFilePage(TokenContents contents, const QString &file, QWidget *parent = nullptr);
    bool isComplete() const override;
    QList<QByteArray> certificates() const { return m_certificates; }
    CertificateImportOptions options() const;
    QString message() const;
    QLineEdit *fileEdit() const { return m_path; }
    QCheckBox *unmatchedBox() const { return m_unmatched; }
    const std::optional<CertificateImportPlan> &plan() const { return m_plan; }
    int plannedWrites() const { return m_plan ? m_plan->toWrite() : 0; }

private:
    void reload();
    TokenContents m_contents;
    QLineEdit *m_path;
    QCheckBox *m_unmatched;
    QLabel *m_message;
    QList<QByteArray> m_certificates;
    std::optional<CertificateImportPlan> m_plan;
};
