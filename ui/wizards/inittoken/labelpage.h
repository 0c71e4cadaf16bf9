// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class InitTokenWizard;
class QLabel;
class QLineEdit;

// The new label, at most 32 bytes of UTF-8, shown exactly as it will be stored
// (blank-padded to 32 bytes) with how many bytes it uses.
class LabelPage : public QWizardPage {
    Q_OBJECT
public:
    explicit LabelPage(InitTokenWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

private:
    void bind();

    InitTokenWizard *m_wizard;
    QLineEdit *m_label;
    QLabel *m_preview;
    QLabel *m_bytes;
    QLabel *m_message;
    QString m_proposedFor; // identity key of the token whose label was proposed
};
