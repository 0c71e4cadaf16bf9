// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/tokenjobwizard.h"
#include "wizards/schsm/schsminitstate.h"

class SchsmJobs;
class SchsmSoPinPage;

// Initializes a SmartCard-HSM / Nitrokey HSM over PC/SC (replaces the generic
// Initialize Token wizard for these devices): current SO-PIN (the vendor's
// default offered, and then a new one insisted on), new SO-PIN, user PIN with
// retry counter and options, number of DKEK shares, label; a commit page that
// lists what is erased and wants the label or serial typed; then the job on the
// reader's worker and the state read back. A wrong SO-PIN changes nothing: the
// wizard returns to the SO-PIN page with the tries left. Emits deviceChanged()
// whenever a job that may have changed the device has ended. Use open() or exec().
class SchsmInitializeWizard : public TokenJobWizard {
    Q_OBJECT
public:
    enum PageId { SoPinPageId, NewSoPinPageId, UserPinPageId, DkekPageId, LabelPageId, ConfirmPageId,
                  ProgressPageId, ResultPageId };

    SchsmInitializeWizard(SchsmJobs &jobs, const QString &reader, const SchsmStatus &status,
                          QWidget *parent = nullptr);
    ~SchsmInitializeWizard() override;

    SchsmJobs &jobs() { return m_jobs; }
    SchsmInitState &state() { return m_state; }
    const SchsmInitState &state() const { return m_state; }

    // Empties every secret field and the secrets collected so far.
    void wipeSecrets();
    // The device refused the SO-PIN (or it must be confirmed): back to its page with
    // the message; everything else typed stays.
    void backToSoPin(const QString &message);

    void done(int result) override;

Q_SIGNALS:
    void deviceChanged(const QString &reader);
    // The device's keys, certificates and label were read (or could not be).
    void objectsRead();

private:
    SchsmJobs &m_jobs;
    SchsmInitState m_state;
    SchsmSoPinPage *m_soPin = nullptr;
};
