// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

struct DkekCreateState;
class QCheckBox;
class QLabel;
class QLineEdit;

// Where to save the share file. An existing file is only replaced after the
// user ticks "Replace the existing file".
class DkekDestinationPage : public QWizardPage {
    Q_OBJECT
public:
    explicit DkekDestinationPage(DkekCreateState *state, QWidget *parent = nullptr);

    void setPath(const QString &path);
    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();
    void update();

    DkekCreateState *m_state;
    QLineEdit *m_path;
    QCheckBox *m_replace;
    QLabel *m_problem;
};
