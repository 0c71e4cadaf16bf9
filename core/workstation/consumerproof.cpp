// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/consumerproof.h"

#include "inventory/objectfacts.h"
#include "workstation/javasetup.h"
#include "workstation/jsseclient.h"
#include "workstation/p11kitsetup.h"
#include "x509/publickey.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <openssl/crypto.h>

#include <unistd.h>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ConsumerProof)
};

QByteArray pem(const QByteArray &der, const char *type)
{
    QByteArray text = QByteArray("-----BEGIN ") + type + "-----\n";
    const QByteArray b64 = der.toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 64)
        text += b64.mid(i, 64) + '\n';
    return text + "-----END " + type + "-----\n";
}

QByteArray publicKeyPem(const QByteArray &certificateDer)
{
    QByteArray spki;
    try {
        spki = PublicKey::fromCertificate(certificateDer).subjectPublicKeyInfo();
    } catch (...) {
        return {};
    }
    return pem(spki, "PUBLIC KEY");
}

// The port the server step's stand-in for a TLS server listens on, in the client's arguments.
const QString kPort = QStringLiteral("{port}");

// s_server's "Client certificate" block: the certificate the client sent (DER), empty when none.
QByteArray clientCertificate(const QByteArray &serverOutput)
{
    static const QRegularExpression re(QStringLiteral("Client certificate\\s*-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)"
                                                      "-----END CERTIFICATE-----"));
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(serverOutput));
    if (!m.hasMatch())
        return {};
    QByteArray b64 = m.captured(1).toLatin1();
    b64.replace('\n', QByteArray()).replace('\r', QByteArray()).replace(' ', QByteArray());
    return QByteArray::fromBase64(b64);
}

// keytool -list: the SHA-256 fingerprints of its PrivateKeyEntry lines.
QStringList privateKeyFingerprints(const QByteArray &out)
{
    QStringList fingerprints;
    const QList<QByteArray> lines = out.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i].trimmed().endsWith(", PrivateKeyEntry,"))
            continue;
        const QString fp = QString::fromUtf8(lines[i + 1].trimmed());
        const qsizetype colon = fp.indexOf(QLatin1String("): "));
        if (colon > 0)
            fingerprints << fp.mid(colon + 3);
    }
    return fingerprints;
}

bool hasLineStartingWith(const QByteArray &out, const QByteArray &start)
{
    for (const QByteArray &line : out.split('\n'))
        if (line.startsWith(start))
            return true;
    return false;
}
} // namespace

ProofExpectation ProofExpectation::forKey(const std::vector<ObjectInfo> &objects, const QByteArray &id)
{
    ProofExpectation e;
    for (const ObjectInfo &o : objects) {
        if (o.cls != CKO_CERTIFICATE || o.id != id)
            continue;
        const std::optional<CertificateInfo> info = ObjectFacts::certificate(o);
        if (!info)
            continue;
        e.certificateDer = o.attrs.bytes(CKA_VALUE);
        e.sha256Fingerprint = info->sha256Fingerprint;
        break;
    }
    return e;
}

ConsumerProof::ConsumerProof(QObject *parent) : QObject(parent) {}

ConsumerProof::~ConsumerProof()
{
    for (QProcess *p : {m_process, m_server}) {
        if (!p)
            continue;
        p->disconnect(this);
        p->kill();
        p->waitForFinished(5000); // the child is gone after SIGKILL; this reaps it
    }
    wipePinFile();
}

bool ConsumerProof::testable(SetupTarget target)
{
    return target != SetupTarget::Gskit;
}

bool ConsumerProof::needsPin(SetupTarget target)
{
    return target == SetupTarget::Java || target == SetupTarget::Openssl || target == SetupTarget::Nss;
}

QString ConsumerProof::file(const QString &name) const
{
    return m_dir->filePath(name);
}

bool ConsumerProof::writeOwnerOnly(const QString &name, const QByteArray &data)
{
    QFile f(file(name));
    // Permissions before the contents: the PIN is never in a file others could open.
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        && f.write(data) == data.size() && f.flush();
}

void ConsumerProof::wipePinFile()
{
    if (!m_dir)
        return;
    QFile f(file(QStringLiteral("pin")));
    if (f.exists() && f.open(QIODevice::ReadWrite)) {
        const QByteArray zeros(f.size(), '\0');
        f.write(zeros);
        f.flush();
        f.close();
    }
    f.remove();
}

qint64 ConsumerProof::processId() const
{
    return m_process ? m_process->processId() : 0;
}

bool ConsumerProof::start(SetupTarget target, const KeyFacts &key, const SetupText &text,
                          const ProofExpectation &expected, SecureBytes pin, const SetupPaths &paths, QString *error)
{
    if (m_process) {
        *error = Tr::tr("A test is running already.");
        return false;
    }
    if (!testable(target)) {
        *error = Tr::tr("IBM MQ's GSKit cannot be installed here: run the commands shown on a machine with MQ.");
        return false;
    }
    if (needsPin(target) && pin.size() == 0) {
        *error = Tr::tr("Type the token's PIN first: this program logs in to the token.");
        return false;
    }
    m_target = target;
    m_key = key;
    m_expected = expected;
    m_steps.clear();
    stopServer();
    m_outputs.clear();
    m_serverOutput.clear();
    m_serverCommand.clear();
    m_port.clear();
    m_exitCodes.clear();
    m_exitPrograms.clear();
    m_output.clear();
    m_shown.clear();
    m_next = 0;
    wipePinFile();
    m_dir = std::make_unique<QTemporaryDir>(); // 0700
    if (!m_dir->isValid()) {
        *error = Tr::tr("TokenDesk cannot create a temporary folder for the test: %1").arg(m_dir->errorString());
        return false;
    }
    if (needsPin(target)) {
        QByteArray bytes(reinterpret_cast<const char *>(pin.data()), qsizetype(pin.size()));
        bytes.append('\n');
        const bool ok = writeOwnerOnly(QStringLiteral("pin"), bytes);
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
        if (!ok) {
            wipePinFile();
            *error = Tr::tr("TokenDesk cannot write the PIN file for the test in %1.").arg(m_dir->path());
            return false;
        }
    }
    pin.wipe();
    const QStringList home{QStringLiteral("HOME=") + paths.home, QStringLiteral("XDG_CONFIG_HOME=") + paths.configHome};
    const QByteArray pubPem = publicKeyPem(expected.certificateDer);
    const QString pinFile = file(QStringLiteral("pin"));
    switch (target) {
    case SetupTarget::Java: {
        const QString cfg = file(QStringLiteral("java.cfg"));
        if (text.files.isEmpty() || !writeOwnerOnly(QStringLiteral("java.cfg"), text.files.first().contents)
            || !writeOwnerOnly(QStringLiteral("java.security"),
                               JavaSetup::securityOverride(cfg, JavaSetupOptions{}.providerIndex))
            || !writeOwnerOnly(QStringLiteral("JsseClient.java"), JsseClient::source())
            || !writeOwnerOnly(QStringLiteral("client.pem"), pem(expected.certificateDer, "CERTIFICATE"))) {
            *error = Tr::tr("TokenDesk cannot write the Java configuration for the test.");
            return false;
        }
        m_steps << Step{QStringLiteral("keytool"),
                        {QStringLiteral("-list"), QStringLiteral("-storetype"), QStringLiteral("PKCS11"),
                         QStringLiteral("-addprovider"), QStringLiteral("SunPKCS11"), QStringLiteral("-providerArg"),
                         cfg, QStringLiteral("-storepass:file"), pinFile},
                        home};
        if (expected.certificateDer.isEmpty())
            break; // no certificate: keytool's PrivateKeyEntry is what is missing, and it says so
        m_steps
                // A TLS client in Java (JSSE) that authenticates with the token key to s_server on
                // 127.0.0.1, configured by the system properties and the java.security override a
                // user would use. The trust store holds only the throwaway server certificate: its
                // password protects nothing.
                << serverKeyStep(home)
                << Step{QStringLiteral("keytool"),
                        {QStringLiteral("-importcert"), QStringLiteral("-noprompt"), QStringLiteral("-alias"),
                         QStringLiteral("server"), QStringLiteral("-file"), file(QStringLiteral("server.pem")),
                         QStringLiteral("-keystore"), file(QStringLiteral("trust.p12")), QStringLiteral("-storetype"),
                         QStringLiteral("PKCS12"), QStringLiteral("-storepass"), QStringLiteral("changeit")},
                        home}
                // No CA names (TLS 1.2: an empty list): JSSE offers only keys issued by a CA the
                // server names, and the server knows the token certificate, not its issuer's.
                << serverStep(home, false)
                << Step{QStringLiteral("java"),
                        {QStringLiteral("-Djava.security.properties=") + file(QStringLiteral("java.security")),
                         QStringLiteral("-Djavax.net.ssl.keyStore=NONE"), QStringLiteral("-Djavax.net.ssl.keyStoreType=PKCS11"),
                         QStringLiteral("-Djavax.net.ssl.trustStore=") + file(QStringLiteral("trust.p12")),
                         QStringLiteral("-Djavax.net.ssl.trustStoreType=PKCS12"),
                         QStringLiteral("-Djavax.net.ssl.trustStorePassword=changeit"), file(QStringLiteral("JsseClient.java")),
                         QStringLiteral("127.0.0.1"), kPort, pinFile},
                        home};
        break;
    }
    case SetupTarget::Openssl: {
        if (pubPem.isEmpty()) {
            *error = Tr::tr("The token has no certificate with this key's id: there is no public key to check the "
                            "signature with.");
            return false;
        }
        if (text.files.isEmpty() || !writeOwnerOnly(QStringLiteral("openssl.cnf"), text.files.first().contents)
            || !writeOwnerOnly(QStringLiteral("data"), "TokenDesk test data\n")
            || !writeOwnerOnly(QStringLiteral("cert-key.pem"), pubPem)
            || !writeOwnerOnly(QStringLiteral("client.pem"), pem(expected.certificateDer, "CERTIFICATE"))) {
            *error = Tr::tr("TokenDesk cannot write the OpenSSL configuration for the test.");
            return false;
        }
        QStringList env = home;
        env << QStringLiteral("OPENSSL_CONF=") + file(QStringLiteral("openssl.cnf"));
        m_steps << Step{QStringLiteral("openssl"),
                        {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-passin"),
                         QStringLiteral("file:") + pinFile, QStringLiteral("-engine"), QStringLiteral("pkcs11"),
                         QStringLiteral("-keyform"), QStringLiteral("engine"), QStringLiteral("-sign"), key.uri,
                         QStringLiteral("-out"), file(QStringLiteral("data.sig")), file(QStringLiteral("data"))},
                        env}
                << Step{QStringLiteral("openssl"),
                        {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"),
                         file(QStringLiteral("cert-key.pem")), QStringLiteral("-signature"),
                         file(QStringLiteral("data.sig")), file(QStringLiteral("data"))},
                        home}
                // A TLS handshake with client authentication on 127.0.0.1: a throwaway server key,
                // s_server demanding a client certificate (-Verify 1, one connection), and s_client
                // authenticating with the token key through the same engine configuration.
                << serverKeyStep(home) << serverStep(home, true)
                << Step{QStringLiteral("openssl"),
                        {QStringLiteral("s_client"), QStringLiteral("-connect"), QStringLiteral("127.0.0.1:") + kPort,
                         QStringLiteral("-engine"), QStringLiteral("pkcs11"), QStringLiteral("-keyform"),
                         QStringLiteral("engine"), QStringLiteral("-key"), key.uri, QStringLiteral("-pass"),
                         QStringLiteral("file:") + pinFile, QStringLiteral("-cert"), file(QStringLiteral("client.pem")),
                         QStringLiteral("-CAfile"), file(QStringLiteral("server.pem")), QStringLiteral("-verify_return_error"),
                         QStringLiteral("-brief")},
                        env};
        break;
    }
    case SetupTarget::Nss: {
        if (text.nss.isEmpty()) {
            *error = Tr::tr("There is no browser certificate database to test: start Chromium or Firefox once.");
            return false;
        }
        m_nssDb = text.nss.first().dbDir;
        const QString db = QStringLiteral("sql:") + m_nssDb;
        // Both log in: SoftHSM and most cards require it before they show certificates to NSS.
        m_steps << Step{QStringLiteral("certutil"),
                        {QStringLiteral("-L"), QStringLiteral("-d"), db, QStringLiteral("-h"), key.tokenLabel,
                         QStringLiteral("-f"), pinFile},
                        home}
                << Step{QStringLiteral("certutil"),
                        {QStringLiteral("-K"), QStringLiteral("-d"), db, QStringLiteral("-h"), key.tokenLabel,
                         QStringLiteral("-f"), pinFile},
                        home};
        break;
    }
    case SetupTarget::Ssh:
        if (!pubPem.isEmpty()) {
            // The certificate's key in OpenSSH's form, to find in ssh-keygen -D's lines.
            if (!writeOwnerOnly(QStringLiteral("cert-key.pem"), pubPem)) {
                *error = Tr::tr("TokenDesk cannot write its temporary files for the test.");
                return false;
            }
            m_steps << Step{QStringLiteral("ssh-keygen"),
                            {QStringLiteral("-i"), QStringLiteral("-m"), QStringLiteral("PKCS8"), QStringLiteral("-f"),
                             file(QStringLiteral("cert-key.pem"))},
                            home};
        }
        m_steps << Step{QStringLiteral("ssh-keygen"), {QStringLiteral("-D"), key.modulePath}, home};
        break;
    case SetupTarget::P11Kit:
        m_steps << Step{QStringLiteral("p11-kit"), {QStringLiteral("list-modules")}, home};
        break;
    case SetupTarget::Gskit:
        break;
    }
    runNext();
    return true;
}

ConsumerProof::Step ConsumerProof::serverKeyStep(const QStringList &env) const
{
    return Step{QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"), file(QStringLiteral("server.key")), QStringLiteral("-out"),
                 file(QStringLiteral("server.pem")), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                 QStringLiteral("-days"), QStringLiteral("1")},
                env};
}

ConsumerProof::Step ConsumerProof::serverStep(const QStringList &env, bool caNames) const
{
    QStringList args{QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("-naccept"), QStringLiteral("1"), QStringLiteral("-Verify"), QStringLiteral("1"),
                     QStringLiteral("-cert"), file(QStringLiteral("server.pem")), QStringLiteral("-key"),
                     file(QStringLiteral("server.key")), QStringLiteral("-CAfile"), file(QStringLiteral("client.pem"))};
    if (!caNames) // TLS 1.3 would send an empty certificate_authorities extension, which JSSE rejects
        args << QStringLiteral("-no_ca_names") << QStringLiteral("-tls1_2");
    return Step{QStringLiteral("openssl"), args, env, true};
}

void ConsumerProof::runNext()
{
    const Step &step = m_steps[m_next++];
    QStringList args = step.args;
    args.replaceInStrings(kPort, m_port);
    QStringList shown{step.program};
    for (const QString &a : std::as_const(args))
        shown << SetupTextFormat::shellQuote(a);
    m_shown << shown.join(QLatin1Char(' '));
    Q_EMIT stepStarted(m_shown.last());
    auto *p = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &e : step.env)
        env.insert(e.section(QLatin1Char('='), 0, 0), e.section(QLatin1Char('='), 1));
    p->setProcessEnvironment(env);
    p->setWorkingDirectory(m_dir->path());
    p->setProcessChannelMode(QProcess::MergedChannels);
    if (step.server) {
        // Runs beside the next step; its standard input stays open (s_server ends at its end).
        m_server = p;
        m_serverCommand = m_shown.last();
        connect(p, &QProcess::readyRead, this, &ConsumerProof::serverOutput);
        connect(p, &QProcess::finished, this, &ConsumerProof::serverEnded);
        connect(p, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                serverEnded();
        });
        p->start(step.program, args);
        return;
    }
    m_process = p;
    m_process->setStandardInputFile(QProcess::nullDevice()); // nothing waits on a terminal
    connect(m_process, &QProcess::finished, this, &ConsumerProof::stepEnded);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            stepEnded(-1, QProcess::CrashExit);
    });
    m_process->start(step.program, args);
}

void ConsumerProof::serverOutput()
{
    if (m_serverOutput.size() < kMaxOutput)
        m_serverOutput += m_server->readAll();
    else
        m_server->readAll();
    if (!m_port.isEmpty())
        return;
    static const QRegularExpression accept(QStringLiteral("^ACCEPT .*:(\\d+)\\s*$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = accept.match(QString::fromLatin1(m_serverOutput));
    if (m.hasMatch()) { // listening: the client may connect
        m_port = m.captured(1);
        runNext();
    }
}

void ConsumerProof::serverEnded()
{
    if (!m_server)
        return;
    QProcess *s = m_server;
    m_server = nullptr;
    s->disconnect(this);
    s->deleteLater();
    m_serverOutput += s->readAll();
    if (s->error() == QProcess::FailedToStart)
        m_serverOutput += Tr::tr("%1 could not be started: %2").arg(s->program(), s->errorString()).toUtf8() + '\n';
    m_output += "$ " + m_serverCommand.toUtf8() + '\n' + m_serverOutput.left(kMaxOutput);
    if (m_port.isEmpty()) { // it never listened: the step failed
        m_outputs << m_serverOutput;
        m_exitCodes << (s->exitStatus() == QProcess::NormalExit && s->exitCode() != 0 ? s->exitCode() : -1);
        m_exitPrograms << s->program();
        const ProofResult r = judge();
        finish(r.passed, r.verdict);
    } else if (m_awaitingServer) { // the client has ended: now the server's account is complete
        m_awaitingServer = false;
        const ProofResult r = judge();
        finish(r.passed, r.verdict);
    }
}

void ConsumerProof::stepEnded(int exitCode, QProcess::ExitStatus status)
{
    QProcess *p = m_process;
    if (!p)
        return;
    m_process = nullptr;
    p->disconnect(this);
    p->deleteLater();
    QByteArray out = p->readAll().left(kMaxOutput);
    if (p->error() == QProcess::FailedToStart)
        out = Tr::tr("%1 could not be started: %2").arg(p->program(), p->errorString()).toUtf8() + '\n';
    m_outputs << out;
    m_exitCodes << (status == QProcess::NormalExit ? exitCode : -1);
    m_exitPrograms << p->program();
    if (m_output.size() < kMaxOutput)
        m_output += "$ " + m_shown.last().toUtf8() + '\n' + out;
    // A failed step ends the run, except the key line ssh-keygen -i makes (judged with -D's).
    if (m_exitCodes.last() == 0 && m_next < m_steps.size()) {
        runNext();
        return;
    }
    if (m_server && m_exitCodes.last() == 0) {
        // The server ends after its one connection; its report (the client's certificate)
        // is judged once it has. A server that does not end is stopped.
        m_awaitingServer = true;
        QTimer::singleShot(10000, m_server, [s = m_server] { s->kill(); });
        return;
    }
    const ProofResult r = judge();
    finish(r.passed, r.verdict);
}

ProofResult ConsumerProof::judge() const
{
    ProofResult r;
    const QByteArray &out = m_outputs.last();
    if (m_target == SetupTarget::Java && m_exitCodes.first() == 0) {
        const QStringList fps = privateKeyFingerprints(m_outputs.first());
        if (m_expected.sha256Fingerprint.isEmpty() || !fps.contains(m_expected.sha256Fingerprint)) {
            r.verdict = fps.isEmpty() ? Tr::tr("keytool lists no PrivateKeyEntry: Java sees no key with a certificate.")
                                      : Tr::tr("keytool lists PrivateKeyEntry fingerprints %1, none of them the token "
                                               "certificate's %2.")
                                            .arg(fps.join(QStringLiteral(", ")), m_expected.sha256Fingerprint);
            return r;
        }
    }
    if (m_exitCodes.last() != 0) {
        r.verdict = Tr::tr("%1 failed (exit status %2): see its output below.")
                        .arg(m_exitPrograms.last())
                        .arg(m_exitCodes.last());
        return r;
    }
    switch (m_target) {
    case SetupTarget::Java: {
        // keytool's listing was judged above; then the JSSE client's handshake, as the server saw it too.
        if (m_steps.size() == 1) {
            r.passed = true;
            r.verdict = Tr::tr("keytool lists a PrivateKeyEntry with the token certificate's fingerprint %1.")
                            .arg(m_expected.sha256Fingerprint);
            break;
        }
        const bool sent = out.contains("JSSE HANDSHAKE OK")
            && out.contains("CLIENT CERTIFICATE SHA-256 " + m_expected.sha256Fingerprint.toLatin1());
        const bool received = clientCertificate(m_serverOutput) == m_expected.certificateDer;
        r.passed = sent && received;
        r.verdict = r.passed ? Tr::tr("keytool lists a PrivateKeyEntry with the token certificate's fingerprint %1, and "
                                      "a Java TLS client (JSSE, keyStoreType PKCS11) completed a handshake with client "
                                      "authentication on 127.0.0.1: the server received the token's certificate.")
                                   .arg(m_expected.sha256Fingerprint)
                             : Tr::tr("keytool lists the key, but the Java TLS client did not authenticate with it: "
                                      "see its output below.");
        break;
    }
    case SetupTarget::Openssl: {
        if (!m_outputs.value(1).contains("Verified OK")) {
            r.verdict = Tr::tr("The signature openssl made does not verify with the certificate's public key.");
            break;
        }
        const bool established = out.contains("CONNECTION ESTABLISHED");
        const bool presented = !m_expected.certificateDer.isEmpty() && clientCertificate(m_serverOutput) == m_expected.certificateDer;
        r.passed = established && presented;
        r.verdict = r.passed ? Tr::tr("openssl signed with the token key, the signature verifies with the certificate's "
                                      "public key, and s_client completed a TLS handshake with client authentication "
                                      "on 127.0.0.1: the server received the token's certificate.")
                    : !established ? Tr::tr("openssl signed with the token key, but s_client did not complete the TLS "
                                            "handshake with the token key: see its output below.")
                                   : Tr::tr("s_client completed a TLS handshake, but the server did not receive the "
                                            "token's certificate.");
        break;
    }
    case SetupTarget::Nss: {
        // -L: "<token>:<label>  u,u,u"; -K: "< 0> ec  <CKA_ID in hex>  <label>".
        const QByteArray nickname = m_key.tokenLabel.toUtf8() + ':';
        bool keyListed = false;
        for (const QByteArray &line : out.split('\n'))
            keyListed = keyListed || (line.startsWith('<') && line.contains(' ' + m_key.id.toHex() + ' '));
        r.passed = hasLineStartingWith(m_outputs.value(0), nickname) && keyListed;
        r.verdict = r.passed ? Tr::tr("certutil lists the token's certificate and key in %1.").arg(m_nssDb)
                             : Tr::tr("certutil does not list a certificate and a key of the token “%1” in %2.")
                                   .arg(m_key.tokenLabel, m_nssDb);
        break;
    }
    case SetupTarget::Ssh: {
        // ssh-keygen -i's line: "<type> <base64>"; -D's lines: "<type> <base64> <label>".
        const QList<QByteArray> expected = m_steps.size() > 1 ? m_outputs.value(0).trimmed().split(' ') : QList<QByteArray>();
        const QByteArray key = expected.size() >= 2 ? expected[0] + ' ' + expected[1] : QByteArray();
        r.passed = key.isEmpty() ? hasLineStartingWith(out, "ssh-") || hasLineStartingWith(out, "ecdsa-")
                                 : hasLineStartingWith(out, key + ' ') || hasLineStartingWith(out, key + '\n')
                                       || out.trimmed() == key;
        r.verdict = r.passed ? key.isEmpty() ? Tr::tr("ssh-keygen -D prints the token's keys.")
                                             : Tr::tr("ssh-keygen -D prints the certificate's key.")
                             : Tr::tr("ssh-keygen -D does not print the certificate's key.");
        break;
    }
    case SetupTarget::P11Kit: {
        const QByteArray line = P11KitSetup::moduleName(m_key).toUtf8() + ": " + m_key.modulePath.toUtf8();
        r.passed = hasLineStartingWith(out, line);
        r.verdict = r.passed ? Tr::tr("p11-kit lists the module as “%1”.").arg(P11KitSetup::moduleName(m_key))
                   : ::geteuid() == 0
                       ? Tr::tr("p11-kit does not list the module: it reads no user configuration for root.")
                       : Tr::tr("p11-kit does not list the module “%1”: write the setup first.")
                             .arg(P11KitSetup::moduleName(m_key));
        break;
    }
    case SetupTarget::Gskit:
        break;
    }
    return r;
}

void ConsumerProof::cancel()
{
    stopServer();
    if (!m_process)
        return;
    QProcess *p = m_process;
    m_process = nullptr;
    p->disconnect(this);
    // SIGKILL cannot be refused; the child is reaped when Qt sees it end, not waited for here.
    connect(p, &QProcess::finished, p, &QObject::deleteLater);
    p->kill();
    m_output += Tr::tr("Canceled.").toUtf8() + '\n';
    finish(false, Tr::tr("The test was canceled."), true);
}

void ConsumerProof::stopServer()
{
    if (!m_server)
        return;
    QProcess *s = m_server;
    m_server = nullptr;
    m_awaitingServer = false;
    s->disconnect(this);
    m_serverOutput += s->readAll();
    m_output += "$ " + m_serverCommand.toUtf8() + '\n' + m_serverOutput.left(kMaxOutput);
    connect(s, &QProcess::finished, s, &QObject::deleteLater); // reaped when it ends, not waited for
    s->kill();
}

void ConsumerProof::finish(bool passed, const QString &verdict, bool canceled)
{
    stopServer();
    wipePinFile();
    ProofResult r;
    r.passed = passed;
    r.canceled = canceled;
    r.verdict = verdict;
    r.output = m_output;
    Q_EMIT finished(r);
}
