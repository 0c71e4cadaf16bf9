// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

struct DkekCreateState;
class QCheckBox;
class QLabel;
class SecretLabel;
class QPushButton;

// One key custodian's share of the random password, on a page of its own. The
// share stays hidden until "Show Share" is clicked and is cleared again when
// the page is left, so only one custodian's share is ever on screen.
class DkekCustodianSharePage : public QWizardPage {
    Q_OBJECT
public:
    DkekCustodianSharePage(DkekCreateState *state, int index, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void showShare();
    void hideShare();
    void printSheet();

    DkekCreateState *m_state;
    int m_index;
    QLabel *m_intro;
    SecretLabel *m_share;
    QPushButton *m_show;
    QPushButton *m_print;
    QCheckBox *m_noted;
};
