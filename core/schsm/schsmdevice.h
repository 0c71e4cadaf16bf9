// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/dkekimportplan.h"
#include "schsm/initializedeviceparams.h"
#include "schsm/schsmkeybackup.h"
#include "schsm/schsmkeyrestore.h"
#include "schsm/schsmobjects.h"
#include "schsm/schsmstatus.h"

#include <QStringList>

#include <functional>
#include <vector>

struct InitializeDeviceResult {
    SchsmStatus status;    // read back from the device afterwards
    bool labelWritten = false;
    bool soPinChanged = false;
};

struct DkekImportResult {
    SchsmStatus status;        // read back from the device afterwards
    QByteArray expectedKcv;    // empty when it could not be predicted
    int imported = 0;
    bool kcvMatches() const { return !expectedKcv.isEmpty() && status.dkek.kcv == expectedKcv; }
};

// SmartCard-HSM operations, synchronous: each opens its own PC/SC connection
// to the reader, holds a transaction for its commands and resets the card at
// the end when it changed something, so other connections (OpenSC's) select
// the application again before their next command. OpenSC's PKCS#11 module
// keeps the token it bound (label, PIN state) until the card leaves the
// reader: a module in this process must be reinitialized (Module::reinitialize)
// to show the new state; other processes bind afresh. Run these on the
// reader's worker (SchsmJobs), or directly in tests and the command line.
// Failures are SchsmError.
class SchsmDevice {
public:
    // Readers whose card has a SmartCard-HSM application.
    static QStringList findReaders();
    static SchsmStatus readStatus(const QString &reader);
    // The keys, certificates and data objects on the device and its label (no PIN needed).
    static SchsmObjects readObjects(const QString &reader);
    // Checks the current SO-PIN before anything is erased (the Initialize wizard, right after
    // its SO-PIN page): the device's SO-PIN state first (a locked SO-PIN, or a last try not
    // confirmed, is refused with nothing sent), then one VERIFY of the SO-PIN. Never retried.
    // A device never initialized has no SO-PIN to check. Returns the state read afterwards.
    // A wrong SO-PIN: SchsmError "Wrong SO-PIN — 2 tries left (SW 63C2)".
    static SchsmStatus checkSoPin(const QString &reader, const InitializeDeviceParams &params);
    // INITIALIZE DEVICE, then the label (EF.TokenInfo, after a VERIFY of the new user
    // PIN) and the new SO-PIN. Refuses (nothing sent) what the validator refuses.
    static InitializeDeviceResult initialize(const QString &reader, const InitializeDeviceParams &params);
    // Imports shares one by one after re-checking the plan against the device, then
    // compares the device's check value with the expected one (SchsmError::KcvMismatch).
    // progress(i, n) before share i is sent; return false to stop before it.
    static DkekImportResult importShares(const QString &reader, const std::vector<DkekShareInput> &shares,
                                         const std::function<bool(int, int)> &progress = {});
    // Backs up the private key with this CKA_ID under the device's DKEK (SchsmKeyBackup::make),
    // in sc-hsm-tool --wrap-key's file format. The card is reset afterwards, so the user PIN's
    // verification does not outlive the backup.
    static SchsmKeyBackup backUpKey(const QString &reader, const QByteArray &ckaId, const SecureBytes &userPin);
    // What a restore needs to know first (SchsmKeyRestore::read): status, keys and certificates with
    // their CKA_IDs. No PIN; a user logged in through OpenSC stays logged in.
    static SchsmRestoreView readForRestore(const QString &reader);
    // Restores backup files into the device (SchsmKeyRestore::restore) after checking, in the same
    // transaction, that the card is the token's device (SchsmTokenLink::isDevice with the token's
    // slot description and serial); the card is reset afterwards.
    static std::vector<SchsmRestoredKey> restoreKeys(const QString &reader, const SchsmTokenIdentity &token,
                                                     const std::vector<SchsmRestoreRequest> &requests,
                                                     const SecureBytes &userPin,
                                                     const std::function<void(int)> &progress = {});
};
