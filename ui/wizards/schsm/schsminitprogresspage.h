// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class SchsmError;
class SchsmInitializeWizard;

// Runs the initialization on the reader's worker (a running command cannot be
// interrupted: the wizard refuses to close meanwhile). A refused SO-PIN goes back
// to its page; anything else moves on to the result page.
class SchsmInitProgressPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SchsmInitProgressPage(SchsmInitializeWizard *wizard);
    void initializePage() override;
    bool isComplete() const override { return m_done; }

private:
    void failed(const QString &sentence, bool soPinRefused, bool mayHaveChanged);
    void finish(bool soPinRefused);

    SchsmInitializeWizard *m_wizard;
    QProgressBar *m_progress;
    QLabel *m_step;
    bool m_done = false;
};
