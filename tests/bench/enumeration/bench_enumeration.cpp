// SPDX-License-Identifier: GPL-3.0-or-later
// bench_enumeration: how many PKCS#11 calls and how much time TokenDesk's full
// object enumeration costs, next to `pkcs11-tool -O --login` on the same token.
//
//   bench_enumeration [--sizes 100,1000] [--runs 5] [--store-dir /dev/shm]
//
// A private SoftHSM store (SOFTHSM2_CONF, set before anything loads SoftHSM) is
// filled to each size; then both programs run as fresh processes, timed from
// the outside, and once more each behind OpenSC's pkcs11-spy
// (PKCS11SPY=<softhsm>, PKCS11SPY_OUTPUT=<log>) whose log gives the calls.

#include "enumerationchild.h"
#include "spylog.h"
#include "tokenfiller.h"

#include "inventory/p11text.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace {
const QString kLabel = QStringLiteral("bench");
const char kUserPin[] = "1234";      // throwaway values for a throwaway token
const char kSoPin[] = "12345678";

QString firstExisting(const QStringList &paths)
{
    for (const QString &p : paths)
        if (QFileInfo::exists(p))
            return p;
    return {};
}

QString softhsmPath()
{
    return firstExisting({QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"),
                          QStringLiteral("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")});
}

QString spyPath()
{
    return firstExisting({QStringLiteral("/usr/lib/x86_64-linux-gnu/pkcs11-spy.so"),
                          QStringLiteral("/usr/lib/x86_64-linux-gnu/pkcs11/pkcs11-spy.so")});
}

// Thrown rather than exit(): unwinding removes the temporary token store.
[[noreturn]] void die(const QString &message)
{
    throw std::runtime_error(message.toStdString());
}

// The token, made through PKCS#11 like any other: C_InitToken in the free slot,
// the user PIN set by the SO. Returns the slot it is in.
CK_SLOT_ID initToken(Module &m)
{
    CK_ULONG n = 0;
    check(P11CALL(m, C_GetSlotList, CK_TRUE, nullptr, &n), "C_GetSlotList");
    std::vector<CK_SLOT_ID> slots(n);
    check(P11CALL(m, C_GetSlotList, CK_TRUE, slots.data(), &n), "C_GetSlotList");
    for (CK_SLOT_ID s : slots) {
        CK_TOKEN_INFO ti{};
        if (P11CALL(m, C_GetTokenInfo, s, &ti) != CKR_OK || (ti.flags & CKF_TOKEN_INITIALIZED))
            continue;
        CK_UTF8CHAR label[32];
        std::memset(label, ' ', sizeof label);
        std::memcpy(label, kLabel.toLatin1().constData(), std::size_t(kLabel.size()));
        SecureBytes so = SecureBytes::fromUtf8(kSoPin);
        check(P11CALL(m, C_InitToken, s, so.data(), so.size(), label), "C_InitToken");
        return s;
    }
    die(QStringLiteral("no free SoftHSM slot"));
}

std::optional<CK_SLOT_ID> findToken(Module &m)
{
    CK_ULONG n = 0;
    check(P11CALL(m, C_GetSlotList, CK_TRUE, nullptr, &n), "C_GetSlotList");
    std::vector<CK_SLOT_ID> slots(n);
    check(P11CALL(m, C_GetSlotList, CK_TRUE, slots.data(), &n), "C_GetSlotList");
    for (CK_SLOT_ID s : slots) {
        CK_TOKEN_INFO ti{};
        if (P11CALL(m, C_GetTokenInfo, s, &ti) == CKR_OK && P11Text::padded(ti.label) == kLabel)
            return s;
    }
    return std::nullopt;
}

// Fills the token to `target` objects in this process, then unloads SoftHSM
// (C_Finalize) so the measured processes find it on disk, as they would any token.
int fill(int target, int current)
{
    ModuleRegistry registry;
    std::shared_ptr<Module> m = registry.load(softhsmPath());
    std::optional<CK_SLOT_ID> slot = findToken(*m);
    const bool fresh = !slot;
    if (fresh)
        slot = initToken(*m);
    Session s(m, *slot, true);
    if (fresh) {
        s.login(CKU_SO, SecureBytes::fromUtf8(kSoPin));
        SecureBytes user = SecureBytes::fromUtf8(kUserPin);
        check(P11CALL(*m, C_InitPIN, s.handle(), user.data(), user.size()), "C_InitPIN");
        s.logout();
    }
    s.login(CKU_USER, SecureBytes::fromUtf8(kUserPin));
    TokenFiller filler(s);
    const int total = filler.fillTo(target, current);
    s.logout();
    return total;
}

struct ProcessRun {
    qint64 wallNs = 0;
    QByteArray out;
};

ProcessRun runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000))
        die(QStringLiteral("could not start %1").arg(program));
    p.closeWriteChannel();
    if (!p.waitForFinished(600000))
        die(QStringLiteral("%1 did not finish").arg(program));
    ProcessRun r;
    r.wallNs = t.nsecsElapsed();
    r.out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        die(QStringLiteral("%1 %2 failed:\n%3").arg(program, args.join(QLatin1Char(' ')),
                                                   QString::fromLocal8Bit(p.readAllStandardError())));
    return r;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

// Objects pkcs11-tool printed: one header line per object.
int toolObjectCount(const QByteArray &out)
{
    static const QRegularExpression header(
        QStringLiteral("^(Private Key Object|Public Key Object|Certificate Object|Secret Key Object|Data object)"),
        QRegularExpression::MultilineOption);
    int n = 0;
    auto it = header.globalMatch(QString::fromUtf8(out));
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

int coreObjectCount(const QByteArray &out, double *enumerateMs, double *inProcessMs)
{
    static const QRegularExpression re(
        QStringLiteral("objects=(\\d+) enumerate_ms=([\\d.]+) inprocess_ms=([\\d.]+)"));
    const auto m = re.match(QString::fromLatin1(out));
    if (!m.hasMatch())
        die(QStringLiteral("unexpected output from the core child: %1").arg(QString::fromLatin1(out)));
    if (enumerateMs)
        *enumerateMs = m.captured(2).toDouble();
    if (inProcessMs)
        *inProcessMs = m.captured(3).toDouble();
    return m.captured(1).toInt();
}

struct Row {
    int objects = 0;
    SpyLog core, tool;
    double coreMs = 0, toolMs = 0, coreEnumerateMs = 0, coreInProcessMs = 0;
};

QString pad(const QString &s, int w) { return s.rightJustified(w); }
QString num(double v, int decimals = 1) { return QString::number(v, 'f', decimals); }

int benchmark(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("PKCS#11 calls and time of a full object enumeration, "
                                                    "TokenDesk core vs pkcs11-tool -O"));
    parser.addHelpOption();
    const QCommandLineOption sizesOpt(QStringLiteral("sizes"), QStringLiteral("Object counts to measure."),
                                      QStringLiteral("list"), QStringLiteral("100,1000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Timed runs per program and size (median)."),
                                     QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption storeOpt(QStringLiteral("store-dir"),
                                      QStringLiteral("Where the temporary token store goes (default: the system temp "
                                                     "dir; /dev/shm fills about 3x faster)."),
                                      QStringLiteral("dir"), QDir::tempPath());
    parser.addOptions({sizesOpt, runsOpt, storeOpt});
    parser.process(app);
    std::vector<int> sizes;
    for (const QString &s : parser.value(sizesOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
        sizes.push_back(s.toInt());
    std::sort(sizes.begin(), sizes.end());
    const int runs = std::max(1, parser.value(runsOpt).toInt());

    if (softhsmPath().isEmpty() || spyPath().isEmpty())
        die(QStringLiteral("needs SoftHSMv2 (libsofthsm2.so) and OpenSC's pkcs11-spy.so"));
    const QString tool = QStringLiteral("pkcs11-tool");

    // The private store, before anything in this process (or its children) loads SoftHSM.
    QTemporaryDir store(parser.value(storeOpt) + QStringLiteral("/bench_enumeration-XXXXXX"));
    if (!store.isValid() || !QDir(store.path()).mkpath(QStringLiteral("tokens")))
        die(QStringLiteral("no temporary directory"));
    const QString conf = store.filePath(QStringLiteral("softhsm2.conf"));
    {
        QFile f(conf);
        if (!f.open(QIODevice::WriteOnly))
            die(QStringLiteral("cannot write %1").arg(conf));
        f.write("directories.tokendir = " + QFile::encodeName(store.filePath(QStringLiteral("tokens")))
                + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
    }
    qputenv("SOFTHSM2_CONF", QFile::encodeName(conf));

    const QProcessEnvironment plainEnv = QProcessEnvironment::systemEnvironment();
    const QString self = QCoreApplication::applicationFilePath();
    const QString pin = QString::fromLatin1(kUserPin);
    auto coreArgs = [&](const QString &module) { return QStringList{QStringLiteral("--child"), module, kLabel, pin}; };
    auto toolArgs = [&](const QString &module) {
        return QStringList{QStringLiteral("--module"), module, QStringLiteral("--token-label"), kLabel,
                           QStringLiteral("-O"), QStringLiteral("--login"), QStringLiteral("--pin"), pin};
    };
    auto spyEnv = [&](const QString &log) {
        QProcessEnvironment env = plainEnv;
        env.insert(QStringLiteral("PKCS11SPY"), softhsmPath());
        env.insert(QStringLiteral("PKCS11SPY_OUTPUT"), log);
        return env;
    };

    QTextStream out(stdout);
    std::vector<Row> rows;
    int current = 0;
    for (int size : sizes) {
        QElapsedTimer fillTimer;
        fillTimer.start();
        try {
            current = fill(size, current);
        } catch (const std::exception &e) {
            die(QStringLiteral("filling the token failed: %1").arg(QString::fromLocal8Bit(e.what())));
        }
        out << "filled the token to " << current << " objects in " << num(fillTimer.elapsed() / 1000.0) << " s"
            << Qt::endl;

        Row row;
        row.objects = current;
        // One untimed run each first: the page cache then holds the token files for both.
        runProcess(self, coreArgs(softhsmPath()), plainEnv);
        runProcess(tool, toolArgs(softhsmPath()), plainEnv);
        std::vector<double> coreMs, toolMs, enumMs, inProcMs;
        for (int i = 0; i < runs; ++i) {
            // Alternate, so neither program always runs right after the other.
            const ProcessRun c = runProcess(self, coreArgs(softhsmPath()), plainEnv);
            const ProcessRun t = runProcess(tool, toolArgs(softhsmPath()), plainEnv);
            double e = 0, ip = 0;
            const int coreObjects = coreObjectCount(c.out, &e, &ip);
            const int toolObjects = toolObjectCount(t.out);
            if (coreObjects != current || toolObjects != current)
                die(QStringLiteral("object counts differ: token %1, core %2, pkcs11-tool %3")
                        .arg(current).arg(coreObjects).arg(toolObjects));
            coreMs.push_back(double(c.wallNs) / 1e6);
            toolMs.push_back(double(t.wallNs) / 1e6);
            enumMs.push_back(e);
            inProcMs.push_back(ip);
        }
        row.coreMs = median(coreMs);
        row.toolMs = median(toolMs);
        row.coreEnumerateMs = median(enumMs);
        row.coreInProcessMs = median(inProcMs);

        const QString coreLog = store.filePath(QStringLiteral("spy-core-%1.log").arg(size));
        const QString toolLog = store.filePath(QStringLiteral("spy-tool-%1.log").arg(size));
        runProcess(self, coreArgs(spyPath()), spyEnv(coreLog));
        runProcess(tool, toolArgs(spyPath()), spyEnv(toolLog));
        row.core = SpyLog::read(coreLog);
        row.tool = SpyLog::read(toolLog);
        if (row.core.total() == 0 || row.tool.total() == 0)
            die(QStringLiteral("pkcs11-spy wrote no calls (logs %1, %2)").arg(coreLog, toolLog));
        rows.push_back(std::move(row));
    }

    out << "\nPKCS#11 calls counted by pkcs11-spy; times are the median of " << runs
        << " runs without the spy, each a fresh process (load, find token, login, enumerate, finalize).\n\n";
    out << pad(QStringLiteral("objects"), 8) << pad(QStringLiteral("core calls"), 12)
        << pad(QStringLiteral("pkcs11-tool calls"), 19) << pad(QStringLiteral("ratio"), 7)
        << pad(QStringLiteral("core ms"), 9) << pad(QStringLiteral("pkcs11-tool ms"), 16) << "\n";
    for (const Row &r : rows)
        out << pad(QString::number(r.objects), 8) << pad(QString::number(r.core.total()), 12)
            << pad(QString::number(r.tool.total()), 19)
            << pad(num(double(r.core.total()) / r.tool.total(), 3), 7) << pad(num(r.coreMs), 9)
            << pad(num(r.toolMs), 16) << "\n";

    out << "\nEnumeration alone (C_FindObjects*, C_GetAttributeValue, C_GetSessionInfo), and core's in-process times:\n\n";
    out << pad(QStringLiteral("objects"), 8) << pad(QStringLiteral("core calls"), 12)
        << pad(QStringLiteral("pkcs11-tool calls"), 19) << pad(QStringLiteral("ratio"), 7)
        << pad(QStringLiteral("calls/object core"), 19) << pad(QStringLiteral("tool"), 7)
        << pad(QStringLiteral("readObjects ms"), 16) << pad(QStringLiteral("load..finalize ms"), 19) << "\n";
    for (const Row &r : rows)
        out << pad(QString::number(r.objects), 8) << pad(QString::number(r.core.enumerationCalls()), 12)
            << pad(QString::number(r.tool.enumerationCalls()), 19)
            << pad(num(double(r.core.enumerationCalls()) / r.tool.enumerationCalls(), 3), 7)
            << pad(num(double(r.core.enumerationCalls()) / r.objects, 2), 19)
            << pad(num(double(r.tool.enumerationCalls()) / r.objects, 2), 7) << pad(num(r.coreEnumerateMs), 16)
            << pad(num(r.coreInProcessMs), 19) << "\n";

    const Row &last = rows.back();
    out << "\nCalls by function at " << last.objects << " objects:\n\n"
        << pad(QStringLiteral("function"), 24) << pad(QStringLiteral("core"), 8) << pad(QStringLiteral("pkcs11-tool"), 13)
        << "\n";
    std::map<QString, int> all = last.core.byFunction();
    for (const auto &[fn, n] : last.tool.byFunction())
        all.emplace(fn, 0);
    for (const auto &entry : all)
        out << pad(entry.first, 24) << pad(QString::number(last.core.count(entry.first)), 8)
            << pad(QString::number(last.tool.count(entry.first)), 13) << "\n";

    const bool callsOk = last.core.total() * 2 < last.tool.total();
    const bool timeOk = last.coreMs <= last.toolMs;
    out << "\nGoal at " << last.objects << " objects: fewer than half of pkcs11-tool's calls: "
        << (callsOk ? "met" : "MISSED") << "; no slower: " << (timeOk ? "met" : "MISSED") << Qt::endl;
    return callsOk && timeOk ? 0 : 3;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args.at(1) == QLatin1String("--child"))
        return EnumerationChild::run(args.at(2), args.at(3), args.at(4));
    try {
        return benchmark(app);
    } catch (const std::exception &e) {
        QTextStream(stderr) << "bench_enumeration: " << QString::fromLocal8Bit(e.what()) << Qt::endl;
        return 1;
    }
}
