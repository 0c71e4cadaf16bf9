// SPDX-License-Identifier: GPL-3.0-or-later
// The support trace records every PKCS#11 call and never a secret: a session with
// known PINs, a PKCS#12 password and a known private key goes through the real core
// code paths (Inventory login, PIN change job, key generation, PKCS#12 import) and
// the trace file's bytes are searched for each of them; pkcs11-spy is the independent
// oracle for which calls a --list run made.
#include "keytestbench.h"

#include "keys/keygenerator.h"
#include "keys/pkcs12import.h"
#include "lifecycle/lifecyclejobs.h"
#include "lifecycle/pinchanger.h"
#include "p11/tracerecorder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {
const char kUserPin[] = "trace-user-PIN-8c1f";
const char kNewPin[] = "trace-new-PIN-31bd";
const char kP12Password[] = "p12-pass-Zq9xW4";
const char kKeyLabel[] = "trace-key-label-Kq3";

struct Call {
    QString function, args, rv;
    double us = 0;
};

// Every line that is not a comment must be a well-formed call line.
QList<Call> parseCalls(const QByteArray &trace)
{
    static const QRegularExpression re(
        QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} tid=\\d+ \\S+ (C_\\w+) (.*) -> (CKR_\\w+) (\\d+\\.\\d)us$"));
    QList<Call> calls;
    for (const QByteArray &line : trace.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const auto m = re.match(QString::fromUtf8(line));
        if (!m.hasMatch()) {
            QTest::qFail(qPrintable(QStringLiteral("malformed trace line: ") + QString::fromUtf8(line)), __FILE__, __LINE__);
            return {};
        }
        calls.append(Call{m.captured(1), m.captured(2), m.captured(3), m.captured(4).toDouble()});
    }
    return calls;
}

const Call *findCall(const QList<Call> &calls, const QString &function, const QString &argsPart = {},
                     const QString &rv = QStringLiteral("CKR_OK"))
{
    for (const Call &c : calls)
        if (c.function == function && c.rv == rv && c.args.contains(argsPart))
            return &c;
    return nullptr;
}

// A secret in every form a careless trace could hold it: text, UTF-16, hex either case.
QList<QByteArray> forms(const QByteArray &secret)
{
    QByteArray utf16;
    for (char c : secret)
        utf16 += QByteArray(1, c) + '\0';
    return {secret, utf16, secret.toHex(), secret.toHex().toUpper()};
}

// "privateExponent:\n    00:ab:..." blocks of `openssl rsa -text`.
QByteArray rsaComponent(const QByteArray &text, const QByteArray &name)
{
    const int at = text.indexOf('\n' + name + ":\n");
    if (at < 0)
        return {};
    QByteArray hex;
    for (const QByteArray &line : text.mid(at + name.size() + 3).split('\n')) {
        if (!line.startsWith("    "))
            break;
        hex += line.trimmed().replace(":", "");
    }
    QByteArray raw = QByteArray::fromHex(hex);
    while (raw.startsWith('\0'))
        raw.remove(0, 1);
    return raw;
}

QStringList spyFunctions(const QByteArray &log)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral("^\\d+: (C_\\w+)"), QRegularExpression::MultilineOption);
    for (auto it = re.globalMatch(QString::fromUtf8(log)); it.hasNext();) {
        const QString f = it.next().captured(1);
        if (f != QLatin1String("C_GetInterface") && f != QLatin1String("C_GetFunctionList"))
            out << f; // taken with dlsym, before there is a module to trace
    }
    return out;
}

QMap<QString, int> histogram(const QStringList &functions)
{
    QMap<QString, int> h;
    for (const QString &f : functions)
        ++h[f];
    return h;
}
} // namespace

class TestTrace : public QObject {
    Q_OBJECT
    KeyTestBench m_bench; // first: SoftHSM's store is set up before anything loads it
    QTemporaryDir m_out;

private Q_SLOTS:
    void sessionWithKnownSecrets()
    {
        TraceRecorder &trace = m_bench.inventory().registry().trace();
        const QString dir = m_out.filePath(QStringLiteral("session"));
        QVERIFY(QDir().mkpath(dir));
        const QString file = dir + QStringLiteral("/session.trace");
        QString error;
        QVERIFY2(trace.start(file, &error), qPrintable(error));
        QVERIFY(trace.isRecording());
        QElapsedTimer wall;
        wall.start();

        // Login (the bench logs in through Inventory), PIN change, key generation, PKCS#12 import.
        const TokenRef token = m_bench.addToken(QStringLiteral("tracetok"), QString::fromLatin1(kUserPin));
        QVERIFY(!token.id.serial.isEmpty());
        PinChangeRequest change;
        change.mode = PinChangeMode::User;
        change.currentPin = SecureBytes::fromUtf8(kUserPin);
        change.newPin = SecureBytes::fromUtf8(kNewPin);
        change.stayLoggedIn = true;
        LifecycleJobs::changePin(m_bench.inventory(), token, std::move(change)).waitForFinished();

        KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::rsa(2048));
        spec.label = QString::fromLatin1(kKeyLabel);
        const GeneratedKey generated = m_bench.onToken<GeneratedKey>(
            token, [spec](Session &s, const CK_TOKEN_INFO &i) { return generateKeyPair(s, i, spec); });
        QCOMPARE(generated.label, QString::fromLatin1(kKeyLabel));

        const QString key = m_bench.path(QStringLiteral("p12.key"));
        const QString crt = m_bench.path(QStringLiteral("p12.crt"));
        const QString p12 = m_bench.path(QStringLiteral("p12.p12"));
        KeyTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                               QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                               QStringLiteral("-subj"), QStringLiteral("/CN=trace p12"), QStringLiteral("-days"),
                               QStringLiteral("365"), QStringLiteral("-out"), crt});
        KeyTestBench::openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"), key,
                               QStringLiteral("-in"), crt, QStringLiteral("-passout"),
                               QStringLiteral("pass:") + QString::fromLatin1(kP12Password), QStringLiteral("-out"), p12});
        const QByteArray p12File = KeyTestBench::readFile(p12);
        const Pkcs12ImportResult imported = m_bench.onToken<Pkcs12ImportResult>(token, [p12File](Session &s, const CK_TOKEN_INFO &i) {
            return importPkcs12(s, i, p12File, SecureBytes::fromUtf8(kP12Password));
        });
        QVERIFY(!imported.id.isEmpty());
        const double wallUs = double(wall.nsecsElapsed()) / 1000.0;
        QVERIFY2(trace.stop(&error), qPrintable(error));
        QVERIFY(!trace.isRecording());

        // Owner-only, and only the trace itself in its folder (QSaveFile's temporary file is gone).
        QCOMPARE(QFileInfo(file).permissions() & ~(QFile::ReadUser | QFile::WriteUser), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("session.trace")});
        const QByteArray bytes = KeyTestBench::readFile(file);

        // No secret, in any form.
        QList<std::pair<const char *, QByteArray>> secrets = {
            {"user PIN", kUserPin}, {"new PIN", kNewPin}, {"PKCS#12 password", kP12Password}, {"label", kKeyLabel}};
        const QByteArray keyText = KeyTestBench::openssl({QStringLiteral("rsa"), QStringLiteral("-in"), key,
                                                          QStringLiteral("-noout"), QStringLiteral("-text")});
        for (const char *component : {"privateExponent", "prime1", "prime2", "exponent1", "coefficient"}) {
            const QByteArray raw = rsaComponent(keyText, component);
            QVERIFY2(raw.size() >= 100, component); // the parser found it: the search below can fail
            secrets.append({component, raw});
        }
        const QByteArray certDer = KeyTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-in"), crt,
                                                          QStringLiteral("-outform"), QStringLiteral("DER")});
        secrets.append({"certificate value", certDer.mid(certDer.size() / 2, 32)});
        for (const auto &[what, secret] : secrets)
            for (const QByteArray &form : forms(secret))
                QVERIFY2(!bytes.contains(form), what);
        // The search works: the same search finds what the trace does hold.
        QVERIFY(bytes.contains("CKM_RSA_PKCS_KEY_PAIR_GEN"));

        // Header: versions and the module, with its C_GetInfo.
        QVERIFY(bytes.startsWith("# TokenDesk support trace"));
        QVERIFY(bytes.contains("Qt " + QByteArray(qVersion())));
        QVERIFY(bytes.contains("OpenSSL 3"));
        QVERIFY(bytes.contains("# module loaded " + QFile::encodeName(ModuleRegistry::canonicalPath(KeyTestBench::module()))));
        QVERIFY(bytes.contains("# stopped "));

        // The calls, with their arguments and sane durations.
        const QList<Call> calls = parseCalls(bytes);
        QVERIFY(calls.size() > 20);
        QVERIFY(findCall(calls, QStringLiteral("C_Initialize")));
        QVERIFY(findCall(calls, QStringLiteral("C_GetInfo"), QStringLiteral("manufacturer=\"SoftHSM\"")));
        QVERIFY(findCall(calls, QStringLiteral("C_Login"), QStringLiteral("user=CKU_USER pin=(not recorded)")));
        QVERIFY(findCall(calls, QStringLiteral("C_SetPIN"), QStringLiteral("pin=(not recorded)")));
        const Call *keygen = findCall(calls, QStringLiteral("C_GenerateKeyPair"),
                                      QStringLiteral("mechanism=CKM_RSA_PKCS_KEY_PAIR_GEN"));
        QVERIFY(keygen);
        QVERIFY2(keygen->args.contains(QStringLiteral("CKA_MODULUS_BITS(8)=2048")), qPrintable(keygen->args));
        QVERIFY2(keygen->args.contains(QStringLiteral("CKA_LABEL(%1)").arg(qstrlen(kKeyLabel))), qPrintable(keygen->args));
        QVERIFY(keygen->args.contains(QStringLiteral("newObject=")));
        QVERIFY(keygen->us > 1000.0); // an RSA-2048 key takes milliseconds at least
        QVERIFY(findCall(calls, QStringLiteral("C_CreateObject"), QStringLiteral("CKA_CLASS(8)=CKO_PRIVATE_KEY")));
        QVERIFY(findCall(calls, QStringLiteral("C_CreateObject"), QStringLiteral("CKA_VALUE(")));
        QVERIFY(findCall(calls, QStringLiteral("C_FindObjects"), QStringLiteral("objects=[")));
        double total = 0;
        for (const Call &c : calls) {
            QVERIFY2(c.us >= 0.0 && c.us <= wallUs, qPrintable(c.function));
            total += c.us;
        }
        QVERIFY(total <= wallUs * 2); // a few calls overlap (one executor per token and one per module)

        // A trace started later names the modules already loaded, with their C_GetInfo.
        const QString second = m_out.filePath(QStringLiteral("second.trace"));
        QVERIFY2(trace.start(second, &error), qPrintable(error));
        QVERIFY(!trace.start(second, &error)); // one at a time
        QVERIFY(trace.stop(&error));
        const QByteArray header = KeyTestBench::readFile(second);
        QVERIFY2(header.contains("# module " + QFile::encodeName(ModuleRegistry::canonicalPath(KeyTestBench::module()))
                                 + " cryptoki="),
                 header.constData());
    }

    void listTraceMatchesSpy()
    {
        const QString spyLog = m_out.filePath(QStringLiteral("spy.log"));
        const QString traceFile = m_out.filePath(QStringLiteral("list.trace"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PKCS11SPY"), KeyTestBench::module());
        env.insert(QStringLiteral("PKCS11SPY_OUTPUT"), spyLog);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_out.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_out.filePath(QStringLiteral("data")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TOKENDESK_EXE), {QStringLiteral("--list"), QStringLiteral("--json"), QStringLiteral("--module"),
                                                 SoftHsmFixture::spyModule(), QStringLiteral("--trace"), traceFile});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QByteArray trace = KeyTestBench::readFile(traceFile);
        QStringList ours;
        for (const Call &c : parseCalls(trace))
            ours << c.function;
        const QStringList spy = spyFunctions(KeyTestBench::readFile(spyLog));
        QVERIFY(spy.size() > 10);
        QCOMPARE(spy.first(), QStringLiteral("C_Initialize"));
        QCOMPARE(spy.last(), QStringLiteral("C_Finalize"));
        // The same calls, each as often (the order of calls on different threads may differ).
        QCOMPARE(histogram(ours), histogram(spy));
        QCOMPARE(ours.first(), QStringLiteral("C_Initialize"));
        QCOMPARE(ours.last(), QStringLiteral("C_Finalize"));
        // A file that cannot be created: exit 64 with the sentence, nothing listed.
        p.start(QStringLiteral(TOKENDESK_EXE), {QStringLiteral("--list"), QStringLiteral("--module"), KeyTestBench::module(),
                                                 QStringLiteral("--trace"), m_out.filePath(QStringLiteral("no/such/dir/t"))});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 64);
        QVERIFY(p.readAllStandardOutput().isEmpty());
        QVERIFY(p.readAllStandardError().contains("The support trace cannot be written to"));
    }
};

QTEST_GUILESS_MAIN(TestTrace)
#include "test_trace.moc"
