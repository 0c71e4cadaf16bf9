// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "keys/certificateimport.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

// Choose the file; shows the plan (which certificate pairs with which key,
// which are CA certificates, which are already on the token) before anything
// is written, or the sentence that says why it cannot be imported.
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
    int plannedWrites() const { return m_plan ? m_plan->toWrite() : 0; }

private:
    void reload();
    TokenContents m_contents;
    QLineEdit *m_path;
    QCheckBox *m_unmatched;
    QTreeWidget *m_table;
    QLabel *m_message;
    QList<QByteArray> m_certificates;
    std::optional<CertificateImportPlan> m_plan;
};
