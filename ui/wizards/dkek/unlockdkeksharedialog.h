// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/custodianshare.h"
#include "p11/securebytes.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class SecretEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

// Asks how to open one DKEK share file: its password, or the key custodians'
// shares (prime, share ID, share value as sc-hsm-tool prints them), entered
// one custodian at a time - each share leaves the screen once added.
class UnlockDkekShareDialog : public QDialog {
    Q_OBJECT
public:
    explicit UnlockDkekShareDialog(const QString &path, QWidget *parent = nullptr);
    ~UnlockDkekShareDialog() override;

    bool fromCustodianShares() const;
    int custodianShareCount() const { return int(m_shares.size()); }
    // After accept(): the password forms to try (see PasswordSharing::passwordCandidates).
    std::vector<SecureBytes> takePasswords();

    // Adds the custodian share in the fields; false (and a message) if it is unusable.
    bool addCustodianShare();
    void accept() override;

    // With DkekShareOpener: Open emits openRequested() and the dialog stays open while
    // the file is opened (setOpening), closing on finishOpened() or staying after
    // showWrongPassword(). Cancel (reject) also stops the opening.
    void setStaysOpenWhileOpening(bool on) { m_staysOpen = on; }
    void setOpening(bool opening, const QString &text = {});
    void setProgress(int value);
    // The password (or the custodian shares) did not open the file: the sentence, the
    // entry emptied, the dialog and the file kept.
    void showWrongPassword(const QString &message);
    void finishOpened();

Q_SIGNALS:
    void openRequested();

private:
    void update();
    void startOver();
    // A problem in the error style, or (error false) a note such as "Opening…".
    void setProblem(const QString &text, bool error = true);

    QRadioButton *m_passwordMode;
    QRadioButton *m_custodianMode;
    SecretEdit *m_password;
    QGroupBox *m_custodianBox;
    QLineEdit *m_prime;
    QLineEdit *m_id;
    SecretEdit *m_value;
    QCheckBox *m_showValue;
    QPushButton *m_add;
    QLabel *m_entered;
    QLabel *m_problem;
    QPushButton *m_open;
    QProgressBar *m_progress;
    bool m_staysOpen = false;
    bool m_opening = false;
    std::vector<CustodianShare> m_shares;
    std::vector<SecureBytes> m_passwords;
};
