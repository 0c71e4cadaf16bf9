// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/passwordsharing.h"
#include "wizards/dkek/dkekcreatestate.h"

#include <QWizard>

class DkekDerivationPage;

// Create a SmartCard-HSM / Nitrokey HSM DKEK share file: where to save it, a
// password (typed twice) or a random password split n-of-m among key
// custodians, the 10,000,000-iteration key derivation on a worker with
// progress and Cancel, one page per custodian share, and a final page with
// the share's KCV and a printable paper backup. Construct and open()/exec().
class CreateDkekShareWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId {
        DestinationPageId,
        ProtectionPageId,
        DerivationPageId,
        FirstCustodianPageId, // one page per custodian, up to PasswordSharing::kMaxTotal
        ResultPageId = FirstCustodianPageId + PasswordSharing::kMaxTotal,
    };

    explicit CreateDkekShareWizard(QWidget *parent = nullptr);
    ~CreateDkekShareWizard() override;

    // Suggests where to save the share.
    void setDestination(const QString &path);
    const DkekCreateState &state() const { return m_state; }
    // Tests only: fewer key derivation iterations. The UI always uses 10,000,000.
    void setIterationCountForTesting(quint32 iterations);

    void done(int result) override;

Q_SIGNALS:
    void shareCreated(const QString &path, const QByteArray &kcv);
    // The derivation worker has ended (finished, failed or cancelled) - after Cancel,
    // this is when the worker has really stopped.
    void derivationStopped();

private:
    DkekCreateState m_state;
    DkekDerivationPage *m_derivation = nullptr;
};
