// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the SmartCard-HSM tests that run through with_card.sh: the emulated
// card's control socket and the second clients (sc-hsm-tool, pkcs11-tool,
// opensc-tool) as oracles.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <QJsonObject>

#include <map>
#include <set>
#include <utility>

namespace SchsmTest {

extern const QString kOpenScModule;

// One line to the emulated card's control socket (see schsm_card.py); its answer.
QString control(const QString &command);

struct ToolRun {
    int exitCode = -1;
    QString out;
};
ToolRun runTool(const QString &program, const QStringList &args, const QByteArray &input = {});

// sc-hsm-tool's status report as "key : value" facts, plus "never initialized",
// "rrc", "transport option", "transport active" and "pending" (DKEK shares missing).
std::map<QString, QString> scHsmToolFacts();
QString fact(const std::map<QString, QString> &facts, const QString &key);

// pkcs11-tool -L through OpenSC: the token label and serial it shows.
std::pair<QString, QString> openScTokenLabelAndSerial();

// OpenSC's C_Login(SO) + C_InitPIN: RESET RETRY COUNTER with this SO-PIN.
ToolRun resetUserPinThroughOpenSc(const QString &soPin);
// A user login through OpenSC's module.
ToolRun loginThroughOpenSc(const QString &userPin);
// pkcs11-tool writes tests/data/schsm/ec1.crt.der as certificate (ID 01) through OpenSC.
ToolRun writeCertificateThroughOpenSc(const QString &userPin);
// VERIFY of the SO-PIN (reference 88) sent by opensc-tool: the status word it got,
// "9000" or "63CE"…; empty when opensc-tool could not run.
QString verifySoPinWithOpenScTool(const QString &reader, const QString &soPinHex);

// The reader has the card (with a SmartCard-HSM application) again.
bool cardPresent(const QString &reader);

// The emulated card's state (schsm_card.py's "state" command); empty when it did not answer.
QJsonObject cardState();
// The key references the card holds.
std::set<int> cardKeys();
// The user PIN's tries left as the card counts them; -1 when unknown.
int userTries();
// sc-hsm-tool on the reader of SCHSM_READER.
ToolRun scHsmTool(QStringList args);
// sc-hsm-tool --initialize with a user PIN, a number of DKEK shares and a label.
ToolRun initializeWithScHsmTool(const QString &soPin, const QString &userPin, int shares, const QString &label);
// sc-hsm-tool --import-dkek-share with the share's password.
ToolRun importShareWithScHsmTool(const QString &file, const QByteArray &password);
// pkcs11-tool through OpenSC's module; with a user PIN it logs in first.
ToolRun pkcs11Tool(const QStringList &args, const QString &userPin = {});
// pkcs11-tool --keypairgen through OpenSC: keyType ("EC:prime256v1", "rsa:2048"), CKA_ID, label.
ToolRun generateThroughOpenSc(const QString &keyType, const QByteArray &idHex, const QString &label,
                              const QString &userPin);
// The public key OpenSC shows for this CKA_ID (DER SubjectPublicKeyInfo), written to path; empty on failure.
QByteArray publicKeyThroughOpenSc(const QByteArray &idHex, const QString &path);
// `tokendesk --check-backup file --dkek-share share`, the password on a file descriptor (stdin).
ToolRun checkBackupWithTokenDesk(const QString &tokendesk, const QString &file, const QString &share,
                                 const QByteArray &password);
// "AB:CD:…": SHA-256 of DER bytes, as `tokendesk --check-backup` prints fingerprints.
QString sha256Fingerprint(const QByteArray &der);

} // namespace SchsmTest
