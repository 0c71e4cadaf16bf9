// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A private SoftHSMv2 token store for one test binary. The constructor points
// SOFTHSM2_CONF at a fresh directory; it must run before any C_Initialize of
// libsofthsm2 in the process (SoftHSM reads the file once, in C_Initialize).
// Tokens are created with the real softhsm2-util and filled with pkcs11-tool
// and openssl; test PINs are throwaway values, so they may go on a command line.
class SoftHsmFixture {
public:
    SoftHsmFixture();

    static QString softhsmModule();      // path of libsofthsm2.so
    static QString openscModule();       // path of opensc-pkcs11.so
    static QString spyModule();          // path of OpenSC's pkcs11-spy.so
    QString dir() const { return m_dir.path(); }
    QString confPath() const;

    // Initializes the first free slot; returns the token's serial number.
    QString initToken(const QString &label, const QString &userPin = QStringLiteral("1234"),
                      const QString &soPin = QStringLiteral("12345678"));

    // Runs a program, fails the current test with its output unless it exits 0.
    // Returns stdout.
    static QByteArray run(const QString &program, const QStringList &args, int timeoutMs = 120000,
                          const QByteArray &stdinData = {});
    // Like run(), but returns the exit code and captures both streams.
    static int runStatus(const QString &program, const QStringList &args, QByteArray *out = nullptr,
                         QByteArray *err = nullptr, int timeoutMs = 120000);

    // pkcs11-tool against SoftHSM for the token with this label (logged in with pin).
    QByteArray pkcs11Tool(const QString &tokenLabel, const QStringList &args,
                          const QString &pin = QStringLiteral("1234"));

private:
    QTemporaryDir m_dir;
};
