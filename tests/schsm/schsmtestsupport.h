// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the SmartCard-HSM tests that run through with_card.sh: the emulated
// card's control socket and the second clients (sc-hsm-tool, pkcs11-tool,
// opensc-tool) as oracles.
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <map>
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

} // namespace SchsmTest
