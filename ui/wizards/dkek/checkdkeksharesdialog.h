// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/dkeksharejobs.h"
#include "p11/securebytes.h"

#include <QDialog>
#include <QStringList>

#include <vector>

class DkekSharesList;
class QLabel;
class QLineEdit;

// Open one or more DKEK share files - each with its password or its key
// custodians' shares - and see each share's KCV and the KCV of the DKEK they
// combine into (XOR, as the device does), before touching a device.
// Construct and open()/exec().
class CheckDkekSharesDialog : public QDialog {
    Q_OBJECT
public:
    explicit CheckDkekSharesDialog(QWidget *parent = nullptr);
    ~CheckDkekSharesDialog() override;

    // Opens a share on a worker thread; the Add button ends here too. passwords: the
    // forms to try (one password, or PasswordSharing::passwordCandidates()).
    void openShare(const QString &path, std::vector<SecureBytes> passwords, bool fromCustodianShares);

    int shareCount() const;
    QString shareKcv(int row) const;
    QString combinedKcv() const; // empty without shares
    bool isBusy() const;
    // Tests only: fewer key derivation iterations. The UI always uses 10,000,000.
    void setIterationCountForTesting(quint32 iterations);

    void done(int result) override;

Q_SIGNALS:
    void shareOpened(const QString &path);
    void shareFailed(const QString &message);
    void jobStopped();

private:
    void refresh();

    DkekSharesList *m_shares;
    QLabel *m_count;
    QLabel *m_combined;
    QLineEdit *m_expected;
    QLabel *m_match;
};
