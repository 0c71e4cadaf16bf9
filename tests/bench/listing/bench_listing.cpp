// SPDX-License-Identifier: GPL-3.0-or-later
// bench_listing: the inventory a user runs, as whole processes, next to
// `pkcs11-tool -O` on the same SoftHSM token.
//
//   bench_listing [--scenarios certs-200,certs-1000,certs-5000,pairs-1000] [--runs 5]
//                 [--store-dir DIR] [--keep] [--window-scenarios certs-5000]
//
// Each scenario is a SoftHSM store of its own with one token: 200, 1,000 or 5,000
// certificates, or 1,000 key pairs with their certificates (3,000 objects). Per
// run, the programs alternate: `tokendesk --list --json`, `pkcs11-tool -O`,
// `tokendesk --list`, `pkcs11-tool -O`, each a fresh process restricted to the
// SoftHSM module (--module), none logged in. Reported: median wall time (spawn to
// exit), median CPU time (user + system) and median peak memory (wait4's ru_maxrss), then the PKCS#11 calls of one
// run each behind OpenSC's pkcs11-spy. For the window, bench_listing_window
// (offscreen Qt platform) reports when its tree holds every object, measured
// from the spawn, and the longest gap between its 5 ms GUI-thread probe ticks.

#include "childrun.h"
#include "listingfiller.h"
#include "spylog.h"

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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstring>
#include <optional>
#include <stdexcept>

namespace {
const QString kLabel = QStringLiteral("listing");
const char kUserPin[] = "1234"; // throwaway values for a throwaway token
const char kSoPin[] = "12345678";

struct Scenario {
    QString name;
    int certificates = 0; // lone certificates
    int pairs = 0;        // private key + public key + certificate each
    int objects() const { return certificates + 3 * pairs; }
};

const std::vector<Scenario> kScenarios{{QStringLiteral("certs-200"), 200, 0},
                                       {QStringLiteral("certs-1000"), 1000, 0},
                                       {QStringLiteral("certs-5000"), 5000, 0},
                                       {QStringLiteral("pairs-1000"), 0, 1000}};

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

[[noreturn]] void die(const QString &message) { throw std::runtime_error(message.toStdString()); }

// --fill DIR CERTS PAIRS (a child of the benchmark, so SOFTHSM2_CONF is its own):
// a fresh token in the store's free slot, filled through PKCS#11.
int fillChild(const QStringList &args)
{
    ModuleRegistry registry;
    std::shared_ptr<Module> m = registry.load(softhsmPath());
    CK_ULONG n = 0;
    check(P11CALL(*m, C_GetSlotList, CK_TRUE, nullptr, &n), "C_GetSlotList");
    std::vector<CK_SLOT_ID> slots(n);
    check(P11CALL(*m, C_GetSlotList, CK_TRUE, slots.data(), &n), "C_GetSlotList");
    slots.resize(n);
    std::optional<CK_SLOT_ID> slot;
    for (CK_SLOT_ID s : slots) {
        CK_TOKEN_INFO ti{};
        if (P11CALL(*m, C_GetTokenInfo, s, &ti) == CKR_OK && !(ti.flags & CKF_TOKEN_INITIALIZED)) {
            slot = s;
            break;
        }
    }
    if (!slot)
        die(QStringLiteral("no free SoftHSM slot"));
    CK_UTF8CHAR label[32];
    std::memset(label, ' ', sizeof label);
    std::memcpy(label, kLabel.toLatin1().constData(), std::size_t(kLabel.size()));
    {
        SecureBytes so = SecureBytes::fromUtf8(kSoPin);
        check(P11CALL(*m, C_InitToken, *slot, so.data(), so.size(), label), "C_InitToken");
    }
    // SoftHSM renumbers the slot it initialized: find the token again by label.
    check(P11CALL(*m, C_GetSlotList, CK_TRUE, nullptr, &n), "C_GetSlotList");
    slots.resize(n);
    check(P11CALL(*m, C_GetSlotList, CK_TRUE, slots.data(), &n), "C_GetSlotList");
    slots.resize(n);
    slot.reset();
    for (CK_SLOT_ID s : slots) {
        CK_TOKEN_INFO ti{};
        if (P11CALL(*m, C_GetTokenInfo, s, &ti) == CKR_OK && P11Text::padded(ti.label) == kLabel)
            slot = s;
    }
    if (!slot)
        die(QStringLiteral("the initialized token is gone"));
    Session s(m, *slot, true);
    s.login(CKU_SO, SecureBytes::fromUtf8(kSoPin));
    {
        SecureBytes user = SecureBytes::fromUtf8(kUserPin);
        check(P11CALL(*m, C_InitPIN, s.handle(), user.data(), user.size()), "C_InitPIN");
    }
    s.logout();
    s.login(CKU_USER, SecureBytes::fromUtf8(kUserPin));
    ListingFiller filler(s);
    filler.addCertificates(args.at(3).toInt());
    filler.addKeyPairs(args.at(4).toInt());
    s.logout();
    return 0;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

int toolObjects(const QByteArray &out)
{
    static const QRegularExpression header(
        QStringLiteral("^(Private Key Object|Public Key Object|Certificate Object|Secret Key Object|Data object)"),
        QRegularExpression::MultilineOption);
    int n = 0;
    for (auto it = header.globalMatch(QString::fromUtf8(out)); it.hasNext(); it.next())
        ++n;
    return n;
}

int jsonObjects(const QByteArray &out)
{
    int n = 0;
    for (const QJsonValue m : QJsonDocument::fromJson(out).object().value(QStringLiteral("modules")).toArray())
        for (const QJsonValue s : m.toObject().value(QStringLiteral("slots")).toArray())
            n += int(s.toObject().value(QStringLiteral("token")).toObject().value(QStringLiteral("objects")).toArray().size());
    return n;
}

int textObjects(const QByteArray &out) { return int(out.count("\n      - ")); }

struct Program {
    QString name;
    QString binary;
    std::function<QStringList(const QString &module)> args;
    std::function<int(const QByteArray &)> count;
    std::vector<double> ms, mb, cpuMs;
    SpyLog spy;
};

struct Window {
    std::vector<double> ms, stallMs;
};

struct Result {
    Scenario scenario;
    std::vector<Program> programs; // tokendesk json, tokendesk text, pkcs11-tool
    std::optional<Window> window;
};

QString pad(const QString &s, int w) { return s.rightJustified(w); }
QString num(double v, int decimals = 0) { return QString::number(v, 'f', decimals); }

int benchmark(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("tokendesk --list vs pkcs11-tool -O: time, memory, PKCS#11 calls"));
    parser.addHelpOption();
    QStringList allNames;
    for (const Scenario &s : kScenarios)
        allNames << s.name;
    const QCommandLineOption scenariosOpt(QStringLiteral("scenarios"), QStringLiteral("Scenarios to run."),
                                          QStringLiteral("list"), allNames.join(QLatin1Char(',')));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Timed runs per program (median)."),
                                     QStringLiteral("n"), QStringLiteral("5"));
    const QString shm = QStringLiteral("/dev/shm");
    const QCommandLineOption storeOpt(QStringLiteral("store-dir"),
                                      QStringLiteral("Where the token stores go (default /dev/shm, else the temp dir)."),
                                      QStringLiteral("dir"), QFileInfo(shm).isWritable() ? shm : QDir::tempPath());
    const QCommandLineOption keepOpt(QStringLiteral("keep"),
                                     QStringLiteral("Keep the filled stores in --store-dir/bench_listing and reuse them."));
    const QCommandLineOption windowOpt(QStringLiteral("window-scenarios"),
                                       QStringLiteral("Scenarios whose window time is measured (empty: none)."),
                                       QStringLiteral("list"), QStringLiteral("certs-5000"));
    parser.addOptions({scenariosOpt, runsOpt, storeOpt, keepOpt, windowOpt});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    const QStringList wanted = parser.value(scenariosOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QStringList windowWanted = parser.value(windowOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (softhsmPath().isEmpty() || spyPath().isEmpty())
        die(QStringLiteral("needs SoftHSMv2 (libsofthsm2.so) and OpenSC's pkcs11-spy.so"));

    std::optional<QTemporaryDir> temp;
    QString root;
    if (parser.isSet(keepOpt)) {
        root = QDir(parser.value(storeOpt)).filePath(QStringLiteral("bench_listing"));
    } else {
        temp.emplace(QDir(parser.value(storeOpt)).filePath(QStringLiteral("bench_listing-XXXXXX")));
        if (!temp->isValid())
            die(QStringLiteral("no temporary directory"));
        root = temp->path();
    }
    const QString self = QCoreApplication::applicationFilePath();
    QTextStream out(stdout);
    std::vector<Result> results;
    for (const Scenario &sc : kScenarios) {
        if (!wanted.contains(sc.name))
            continue;
        const QDir dir(QDir(root).filePath(sc.name));
        if (!dir.mkpath(QStringLiteral("tokens")) || !dir.mkpath(QStringLiteral("home")))
            die(QStringLiteral("cannot create %1").arg(dir.path()));
        const QString conf = dir.filePath(QStringLiteral("softhsm2.conf"));
        const QString marker = dir.filePath(QStringLiteral("filled"));
        const QByteArray shape = QByteArray::number(sc.certificates) + ' ' + QByteArray::number(sc.pairs);
        QFile m(marker);
        const bool filled = m.open(QIODevice::ReadOnly) && m.readAll() == shape;
        m.close();
        // Each run gets its own settings (XDG_CONFIG_HOME): no crashed-module list, no user modules.
        std::map<QByteArray, QByteArray> env{{"SOFTHSM2_CONF", QFile::encodeName(conf)},
                                             {"XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("home")))},
                                             {"HOME", QFile::encodeName(dir.filePath(QStringLiteral("home")))}};
        if (!filled) {
            QDir(dir.filePath(QStringLiteral("tokens"))).removeRecursively();
            dir.mkpath(QStringLiteral("tokens"));
            QFile f(conf);
            if (!f.open(QIODevice::WriteOnly))
                die(QStringLiteral("cannot write %1").arg(conf));
            f.write("directories.tokendir = " + QFile::encodeName(dir.filePath(QStringLiteral("tokens")))
                    + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
            f.close();
            QElapsedTimer t;
            t.start();
            const ChildRun fill = ChildRun::run(self, {QStringLiteral("--fill"), dir.path(), QString::number(sc.certificates),
                                                       QString::number(sc.pairs)}, env, dir.path());
            if (fill.exitCode != 0)
                die(QStringLiteral("filling %1 failed: %2").arg(sc.name, QString::fromLocal8Bit(fill.err)));
            QFile done(marker);
            if (!done.open(QIODevice::WriteOnly) || done.write(shape) != shape.size())
                die(QStringLiteral("cannot write %1").arg(marker));
            out << "filled " << sc.name << " (" << sc.objects() << " objects) in " << num(t.elapsed() / 1000.0, 1)
                << " s" << Qt::endl;
        }

        Result r;
        r.scenario = sc;
        const QString tokendesk = QStringLiteral(TOKENDESK_BINARY);
        r.programs.push_back({QStringLiteral("tokendesk --list --json"), tokendesk,
                              [](const QString &mod) { return QStringList{QStringLiteral("--list"), QStringLiteral("--json"), QStringLiteral("--module"), mod}; },
                              jsonObjects, {}, {}, {}, {}});
        r.programs.push_back({QStringLiteral("tokendesk --list"), tokendesk,
                              [](const QString &mod) { return QStringList{QStringLiteral("--list"), QStringLiteral("--module"), mod}; },
                              textObjects, {}, {}, {}, {}});
        r.programs.push_back({QStringLiteral("pkcs11-tool -O"), QStringLiteral("pkcs11-tool"),
                              [](const QString &mod) { return QStringList{QStringLiteral("--module"), mod, QStringLiteral("--token-label"), kLabel, QStringLiteral("-O")}; },
                              toolObjects, {}, {}, {}, {}});
        auto once = [&](Program &p, const QString &module, const std::map<QByteArray, QByteArray> &e) {
            const ChildRun c = ChildRun::run(p.binary, p.args(module), e, dir.path());
            if (c.exitCode != 0)
                die(QStringLiteral("%1 exited with %2: %3").arg(p.name).arg(c.exitCode).arg(QString::fromLocal8Bit(c.err)));
            const int seen = p.count(c.out);
            if (seen != sc.objects())
                die(QStringLiteral("%1 listed %2 objects, the token holds %3").arg(p.name).arg(seen).arg(sc.objects()));
            return c;
        };
        // One untimed run each: the page cache then holds the token files for all.
        for (Program &p : r.programs)
            once(p, softhsmPath(), env);
        Program &tool = r.programs[2];
        for (int i = 0; i < runs; ++i) {
            for (int which : {0, 2, 1, 2}) { // alternate: tokendesk, pkcs11-tool, tokendesk, pkcs11-tool
                const ChildRun c = once(r.programs[std::size_t(which)], softhsmPath(), env);
                r.programs[std::size_t(which)].ms.push_back(double(c.wallNs) / 1e6);
                r.programs[std::size_t(which)].mb.push_back(double(c.maxRssKb) / 1024.0);
                r.programs[std::size_t(which)].cpuMs.push_back(double(c.cpuNs) / 1e6);
            }
        }
        for (std::size_t i = 0; i < r.programs.size(); ++i) {
            const QString log = dir.filePath(QStringLiteral("spy-%1.log").arg(i));
            QFile::remove(log);
            std::map<QByteArray, QByteArray> spyEnv = env;
            spyEnv["PKCS11SPY"] = QFile::encodeName(softhsmPath());
            spyEnv["PKCS11SPY_OUTPUT"] = QFile::encodeName(log);
            once(r.programs[i], spyPath(), spyEnv);
            r.programs[i].spy = SpyLog::read(log);
            QFile::remove(log);
            if (r.programs[i].spy.total() == 0)
                die(QStringLiteral("pkcs11-spy recorded no calls for %1").arg(r.programs[i].name));
        }
        if (windowWanted.contains(sc.name)) {
            Window w;
            std::map<QByteArray, QByteArray> winEnv = env;
            winEnv["QT_QPA_PLATFORM"] = "offscreen";
            const QStringList args{softhsmPath(), QString::number(sc.objects())};
            ChildRun::run(QStringLiteral(TOKENDESK_WINDOW_PROBE), args, winEnv, dir.path()); // warm-up
            for (int i = 0; i < runs; ++i) {
                const ChildRun c = ChildRun::run(QStringLiteral(TOKENDESK_WINDOW_PROBE), args, winEnv, dir.path());
                static const QRegularExpression re(QStringLiteral("populated_ns=(\\d+) max_stall_ms=([\\d.]+) rows=(\\d+)"));
                const auto mm = re.match(QString::fromLatin1(c.out));
                if (c.exitCode != 0 || !mm.hasMatch())
                    die(QStringLiteral("window probe failed (%1): %2").arg(c.exitCode).arg(QString::fromLocal8Bit(c.err)));
                w.ms.push_back(double(mm.captured(1).toLongLong() - c.startNs) / 1e6);
                w.stallMs.push_back(mm.captured(2).toDouble());
                // Alternate with pkcs11-tool here too; its times join the others.
                const ChildRun t = once(tool, softhsmPath(), env);
                tool.ms.push_back(double(t.wallNs) / 1e6);
                tool.mb.push_back(double(t.maxRssKb) / 1024.0);
                tool.cpuMs.push_back(double(t.cpuNs) / 1e6);
            }
            r.window = w;
        }
        results.push_back(std::move(r));
    }

    out << "\nWhole processes, none logged in, one SoftHSM token each; wall ms, cpu ms (user + system, less sensitive to\n"
           "the machine's load than wall time) and peak MB (ru_maxrss) are medians of "
        << runs << " alternating runs; calls counted by pkcs11-spy.\n\n";
    out << pad(QStringLiteral("scenario"), 11) << pad(QStringLiteral("objects"), 8) << "  "
        << QStringLiteral("program").leftJustified(24) << pad(QStringLiteral("wall ms"), 9) << pad(QStringLiteral("x tool"), 8)
        << pad(QStringLiteral("cpu ms"), 8) << pad(QStringLiteral("x tool"), 8)
        << pad(QStringLiteral("peak MB"), 9) << pad(QStringLiteral("x tool"), 8) << pad(QStringLiteral("calls"), 8)
        << pad(QStringLiteral("x tool"), 8) << "\n";
    bool ok = true;
    for (const Result &r : results) {
        const Program &tool = r.programs[2];
        const double toolMs = median(tool.ms), toolMb = median(tool.mb), toolCpu = median(tool.cpuMs);
        for (const Program &p : r.programs) {
            const double ms = median(p.ms), mb = median(p.mb), cpu = median(p.cpuMs);
            const bool isTool = &p == &tool;
            out << pad(r.scenario.name, 11) << pad(QString::number(r.scenario.objects()), 8) << "  " << p.name.leftJustified(24)
                << pad(num(ms), 9) << pad(isTool ? QString() : num(ms / toolMs, 2), 8) << pad(num(cpu), 8)
                << pad(isTool ? QString() : num(cpu / toolCpu, 2), 8) << pad(num(mb, 1), 9)
                << pad(isTool ? QString() : num(mb / toolMb, 2), 8) << pad(QString::number(p.spy.total()), 8)
                << pad(isTool ? QString() : num(double(p.spy.total()) / tool.spy.total(), 3), 8) << "\n";
            if (!isTool)
                ok = ok && ms <= toolMs && mb <= 1.5 * toolMb && p.spy.total() <= 0.25 * tool.spy.total();
        }
        if (r.window) {
            const double ms = median(r.window->ms), stall = *std::max_element(r.window->stallMs.begin(), r.window->stallMs.end());
            out << pad(r.scenario.name, 11) << pad(QString::number(r.scenario.objects()), 8) << "  "
                << QStringLiteral("window: tree populated").leftJustified(24) << pad(num(ms), 9) << pad(num(ms / toolMs, 2), 8)
                << "   longest GUI stall " << num(stall, 1) << " ms (median " << num(median(r.window->stallMs), 1)
                << ", 5 ms probe, offscreen)\n";
            ok = ok && ms <= 1.5 * toolMs && stall <= 50;
        }
    }
    if (!results.empty()) {
        const Result &last = results.back();
        out << "\nCalls by function, " << last.scenario.name << ":\n\n" << pad(QStringLiteral("function"), 24);
        for (const Program &p : last.programs)
            out << pad(p.name, 26);
        out << "\n";
        std::map<QString, int> all;
        for (const Program &p : last.programs)
            for (const auto &[fn, n] : p.spy.byFunction())
                all.emplace(fn, 0);
        for (const auto &entry : all) {
            out << pad(entry.first, 24);
            for (const Program &p : last.programs)
                out << pad(QString::number(p.spy.count(entry.first)), 26);
            out << "\n";
        }
    }
    out << "\nGoals (no slower than pkcs11-tool -O, <= 1.5x its peak memory, <= 0.25x its calls; window <= 1.5x its "
           "time with no stall over 50 ms): "
        << (ok ? "met" : "MISSED") << Qt::endl;
    return ok ? 0 : 3;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    try {
        if (args.size() == 5 && args.at(1) == QLatin1String("--fill"))
            return fillChild(args);
        return benchmark(app);
    } catch (const std::exception &e) {
        QTextStream(stderr) << "bench_listing: " << QString::fromLocal8Bit(e.what()) << Qt::endl;
        return 1;
    }
}
