// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "p11/securebytes.h"
#include "workstation/keyfacts.h"
#include "workstation/setuptarget.h"
#include "workstation/setuptext.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <memory>
#include <vector>

class QTemporaryDir;

// What the token's certificate for the key says, so a consumer's answer can be
// judged: keytool's fingerprint, and the public key a signature must verify with.
struct ProofExpectation {
    QByteArray certificateDer; // the certificate with the key's id; empty when the token has none
    QString sha256Fingerprint; // of that certificate, "AB:CD:…" as keytool prints it
    // From the token's certificate with this id (the first one that decodes).
    static ProofExpectation forKey(const std::vector<ObjectInfo> &objects, const QByteArray &id);
};

struct ProofResult {
    bool passed = false;
    bool canceled = false;
    QString verdict;   // a sentence: what the consumer showed, or why it failed
    QByteArray output; // the consumers' own output (stdout and stderr), capped
};
Q_DECLARE_METATYPE(ProofResult)

// "Test it": runs the real consumer of a setup target against the token,
// asynchronously (QProcess, no thread blocks), one step after the other:
//  - Java: keytool -list -storetype PKCS11 with the generated SunPKCS11
//    configuration; passes when a PrivateKeyEntry has the certificate's fingerprint.
//  - OpenSSL: openssl dgst -sign with the key's URI through the generated engine
//    configuration (OPENSSL_CONF), then openssl dgst -verify with the
//    certificate's public key; then a TLS handshake on 127.0.0.1: openssl s_server
//    (a throwaway key, -Verify 1, one connection) and openssl s_client with the
//    token key; passes when the handshake completes and the server received the
//    token's certificate.
//  - NSS: certutil -L and -K -h <token> in the first database the setup registers
//    the module in (after Write).
//  - OpenSSH: ssh-keygen -D <module> prints the certificate's key.
//  - p11-kit: p11-kit list-modules shows the module under its file's name (after Write).
// The PIN goes to the consumer in a file only this user can read, in a folder only
// this user can open (keytool -storepass:file, openssl -passin file:, certutil
// -f), never on a command line or in the environment; the file is overwritten and
// removed when the run ends. Nothing is retried. GSKit cannot be tested (not
// installable on Linux desktops).
class ConsumerProof : public QObject {
    Q_OBJECT
public:
    explicit ConsumerProof(QObject *parent = nullptr);
    ~ConsumerProof() override; // kills a running consumer

    static bool testable(SetupTarget target);
    static bool needsPin(SetupTarget target);

    // Starts the run; false with *error (a sentence) when it cannot start. The PIN is
    // taken and wiped. paths: HOME and XDG_CONFIG_HOME of the consumers.
    bool start(SetupTarget target, const KeyFacts &key, const SetupText &text, const ProofExpectation &expected,
               SecureBytes pin, const SetupPaths &paths, QString *error);
    // Kills the consumer without waiting for it (it is reaped when it ends); finished()
    // follows at once with canceled set.
    void cancel();
    bool isRunning() const { return m_process != nullptr; }
    qint64 processId() const; // of the running consumer, 0 when none
    // The command lines run so far and now, for the user (the PIN file's path, never a PIN).
    QStringList commandLines() const { return m_shown; }

    static constexpr qsizetype kMaxOutput = 256 * 1024;

Q_SIGNALS:
    void stepStarted(const QString &commandLine);
    void finished(const ProofResult &result);

private:
    struct Step {
        QString program;
        QStringList args; // "{port}": the port the server step listens on
        QStringList env;  // NAME=value added to the consumer's environment
        bool server = false; // runs beside the next step, which starts once it listens
    };
    // The throwaway server certificate (openssl req) and s_server on 127.0.0.1 demanding a client
    // certificate (-Verify 1, one connection) for the TLS proofs; caNames: it names client.pem's
    // subject as the CA it accepts.
    Step serverKeyStep(const QStringList &env) const;
    Step serverStep(const QStringList &env, bool caNames) const;
    void runNext();
    void serverOutput();
    void serverEnded();
    void stopServer();
    void stepEnded(int exitCode, QProcess::ExitStatus status);
    void finish(bool passed, const QString &verdict, bool canceled = false);
    ProofResult judge() const;
    QString file(const QString &name) const;
    bool writeOwnerOnly(const QString &name, const QByteArray &data);
    void wipePinFile();

    SetupTarget m_target = SetupTarget::Java;
    KeyFacts m_key;
    ProofExpectation m_expected;
    QString m_nssDb;
    QList<Step> m_steps;
    int m_next = 0;
    QList<QByteArray> m_outputs; // per step
    QList<int> m_exitCodes;
    QStringList m_exitPrograms; // the program each exit code is from (the server's only when it failed)
    QByteArray m_output;
    QStringList m_shown;
    QProcess *m_process = nullptr;
    QProcess *m_server = nullptr; // s_server while a handshake is tested
    QString m_serverCommand;
    QByteArray m_serverOutput;
    QString m_port;
    bool m_awaitingServer = false;
    std::unique_ptr<QTemporaryDir> m_dir;
};
