// SPDX-License-Identifier: GPL-3.0-or-later
// Every option of `tokendesk --list` (issue 12) with its exit status, against the real
// executable and SoftHSM tokens filled by pkcs11-tool with certificates that
// python3-cryptography made (tests/helpdesk/makecert.py) with past, near and far dates.
// Oracles: `openssl x509 -checkend` for what expires within DAYS, `openssl x509 -enddate`
// for notAfter, `pkcs11-tool -O [--login]` for the objects, pkcs11-spy's log for the
// number of C_Login calls, Python's csv module for the CSV and python3-jsonschema (ListRun)
// for the JSON. Every run has no controlling terminal (setsid) unless it is the pty test,
// so a PIN prompt can never hang the test.
#include "listrun.h"
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "inventory/report.h"
#include "p11/module.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using Env = QMap<QString, QString>;

namespace {
constexpr qint64 kDay = 86400;
const QString kCertsPin = QStringLiteral("pinQ7x"); // letters no serial, URI or fingerprint holds
const QString kOtherPin = QStringLiteral("otherPIN");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString text() const { return QString::fromUtf8(out); }
};

// One certificate on the "Certs" token; notAfter relative to the time the test starts.
struct CertSpec {
    const char *id;
    const char *label;
    QStringList subject; // makecert.py arguments
    qint64 notBefore;    // seconds from now
    qint64 notAfter;
    const char *name;    // the telling name the listing must show
    bool withKey;        // a private key with the same ID and label is imported too
};

QList<CertSpec> certSpecs()
{
    const qint64 hour = 3600;
    return {
        {"01", "zulu expired", {"--rdn", "O=Example", "--rdn", "CN=Expired Alice"}, -400 * kDay, -hour, "Expired Alice", true},
        {"02", "Bravo soon", {"--rdn", "O=Example", "--email", "bob@example.org"}, -10 * kDay, hour, "bob@example.org", false},
        {"03", "alpha ten", {"--upn", "carol@corp.example", "--dns", "carol.example.org"}, -kDay, 10 * kDay + hour,
         "carol@corp.example", true},
        {"04", "=SUM(1+1)", {"--rdn", "C=DE", "--rdn", "O=Example GmbH"}, -kDay, 400 * kDay, "Example GmbH", false},
        {"05", "charlie future", {"--rdn", "CN=Not Yet"}, kDay, 5 * kDay + hour, "Not Yet", false},
        {"06", "vpn, \"office\"", {"--rdn", "CN=VPN Office"}, -kDay, 3000 * kDay, "VPN Office", false},
    };
}
} // namespace

class TestListOptions : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    QTemporaryDir m_home; // XDG dirs of the child processes: settings, demo store
    QString m_certsSerial;
    QString m_otherSerial;

    QString file(const QString &name) const { return m_hsm.dir() + QLatin1Char('/') + name; }
    QString certFile(const CertSpec &c) const { return file(QStringLiteral("cert%1.der").arg(QLatin1String(c.id))); }

    Env childEnv(Env extra = {}) const
    {
        extra.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
        extra.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/data"));
        return extra;
    }

    // tokendesk without a controlling terminal; stdinData on fd 0, or on fd 3 with pinOnFd3.
    // unset: variables the child must not inherit (DISPLAY…).
    Run tokendesk(const QStringList &args, const Env &env = {}, const QByteArray &stdinData = {}, bool pinOnFd3 = false,
                  const QStringList &unset = {})
    {
        Run r;
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        const Env all = childEnv(env);
        for (auto it = all.begin(); it != all.end(); ++it)
            e.insert(it.key(), it.value());
        for (const QString &name : unset)
            e.remove(name);
        p.setProcessEnvironment(e);
        QStringList argv{QStringLiteral("-w")};
        if (pinOnFd3)
            argv << QStringLiteral("/bin/sh") << QStringLiteral("-c") << QStringLiteral("exec \"$0\" \"$@\" 3<&0 </dev/null");
        p.start(QStringLiteral("setsid"), argv << QStringLiteral(TOKENDESK_EXE) << args);
        if (!p.waitForStarted()) {
            QTest::qFail("setsid did not start", __FILE__, __LINE__);
            return r;
        }
        p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            QTest::qFail("tokendesk did not finish in time", __FILE__, __LINE__);
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : 128 + 6;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QStringList softhsm() const { return {QStringLiteral("--list"), QStringLiteral("--module"), SoftHsmFixture::softhsmModule()}; }

    // The JSON output, validated against the published schema.
    static QJsonObject json(const Run &r)
    {
        const QString errors = ListRun::schemaErrors(r.out);
        if (!errors.isEmpty())
            QTest::qFail(qPrintable(QStringLiteral("not valid against the schema: ") + errors + QString::fromUtf8(r.err)),
                         __FILE__, __LINE__);
        return QJsonDocument::fromJson(r.out).object();
    }

    static QJsonObject tokenOf(const QJsonObject &root, const QString &label)
    {
        ListRun lr;
        lr.json = root;
        return lr.token(label);
    }

    // CSV parsed back by Python's csv module (strict), one object per row keyed by the header.
    QJsonArray csvRows(const Run &r)
    {
        const QString path = file(QStringLiteral("out.csv"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(r.out) != r.out.size())
            return {};
        f.close();
        const QByteArray out = SoftHsmFixture::run(
            QStringLiteral("python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import csv, json, sys\n"
                            "rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))\n"
                            "header = rows[0]\n"
                            "assert all(len(row) == len(header) for row in rows), 'ragged rows'\n"
                            "assert open(sys.argv[1], 'rb').read().endswith(b'\\r\\n'), 'not CRLF'\n"
                            "print(json.dumps([dict(zip(header, row)) for row in rows[1:]]))\n"),
             path});
        return QJsonDocument::fromJson(out).array();
    }

    // `pkcs11-tool -O` of a token: "class|label|id" per object (id "-" when it shows none).
    QStringList pkcs11ToolObjects(const QString &label, const QString &pin, bool login)
    {
        QStringList args{QStringLiteral("--module"), SoftHsmFixture::softhsmModule(), QStringLiteral("--token-label"), label,
                         QStringLiteral("-O")};
        if (login)
            args << QStringLiteral("--login") << QStringLiteral("--pin") << pin;
        const QString out = QString::fromUtf8(SoftHsmFixture::run(QStringLiteral("pkcs11-tool"), args));
        static const QList<QPair<QString, QString>> classes = {
            {QStringLiteral("Private Key Object"), QStringLiteral("private key")},
            {QStringLiteral("Public Key Object"), QStringLiteral("public key")},
            {QStringLiteral("Certificate Object"), QStringLiteral("certificate")},
            {QStringLiteral("Secret Key Object"), QStringLiteral("secret key")},
            {QStringLiteral("Data object"), QStringLiteral("data object")}};
        QStringList objects;
        QString cls, lab, id;
        const auto flush = [&] {
            if (!cls.isEmpty())
                objects << cls + QLatin1Char('|') + lab + QLatin1Char('|') + (id.isEmpty() ? QStringLiteral("-") : id);
            cls.clear(), lab.clear(), id.clear();
        };
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            for (const auto &[prefix, name] : classes)
                if (line.startsWith(prefix)) {
                    flush();
                    cls = name;
                }
            const QString t = line.trimmed();
            if (t.startsWith(QLatin1String("label:"))) {
                lab = t.mid(6).trimmed();
                if (cls == QLatin1String("data object") && lab.size() >= 2 && lab.startsWith(QLatin1Char('\'')))
                    lab = lab.mid(1, lab.size() - 2);
            } else if (t.startsWith(QLatin1String("ID:"))) {
                id = t.mid(3).trimmed().toLower();
            }
        }
        flush();
        objects.sort();
        return objects;
    }

    // Lines "      - <class>  \"<label>\"  id <id>" of the text output, as "class|label".
    static QStringList textObjects(const QString &text)
    {
        static const QRegularExpression re(QStringLiteral("^      - (private key|public key|certificate|secret key|data object)  \"(.*)\"  id "));
        QStringList out;
        for (const QString &line : text.split(QLatin1Char('\n')))
            if (const auto m = re.match(line); m.hasMatch())
                out << m.captured(1) + QLatin1Char('|') + m.captured(2).replace(QStringLiteral("\\\""), QStringLiteral("\""));
        return out;
    }

    // Expected listing of the Certs token, by hand: class, then label case-insensitively.
    static QStringList expectedOrder(bool loggedIn)
    {
        QStringList keys{QStringLiteral("private key|alpha ten"), QStringLiteral("private key|zulu expired")};
        QStringList rest{QStringLiteral("certificate|=SUM(1+1)"),     QStringLiteral("certificate|alpha ten"),
                         QStringLiteral("certificate|Bravo soon"),    QStringLiteral("certificate|charlie future"),
                         QStringLiteral("certificate|vpn, \"office\""), QStringLiteral("certificate|zulu expired"),
                         QStringLiteral("data object|notes")};
        return loggedIn ? keys + rest : rest;
    }

    static QStringList jsonObjects(const QJsonObject &token)
    {
        QStringList out;
        for (const auto &v : token.value(QStringLiteral("objects")).toArray())
            out << v[QStringLiteral("class")].toString() + QLatin1Char('|') + v[QStringLiteral("label")].toString();
        return out;
    }

    static QStringList csvObjects(const QJsonArray &rows, const QString &token)
    {
        QStringList out;
        for (const auto &v : rows)
            if (v[QStringLiteral("tokenLabel")].toString() == token) {
                QString label = v[QStringLiteral("label")].toString();
                if (label.startsWith(QLatin1String("'=")))
                    label.remove(0, 1); // the formula guard, checked in csvMatchesPkcs11Tool
                out << v[QStringLiteral("class")].toString() + QLatin1Char('|') + label;
            }
        return out;
    }

    // The certificates `openssl x509 -checkend DAYS*86400` says will have expired by then.
    QStringList checkend(int days)
    {
        QStringList labels;
        for (const CertSpec &c : certSpecs()) {
            const int rc = SoftHsmFixture::runStatus(QStringLiteral("openssl"),
                                                     {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                      QStringLiteral("-in"), certFile(c), QStringLiteral("-noout"),
                                                      QStringLiteral("-checkend"), QString::number(days * kDay)});
            if (rc == 1)
                labels << QString::fromUtf8(c.label);
        }
        return labels;
    }

    int loginCalls(const QString &log) const
    {
        QFile f(log);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        static const QRegularExpression re(QStringLiteral("^\\d+: C_Login\r?$"), QRegularExpression::MultilineOption);
        return int(QString::fromUtf8(f.readAll()).count(re));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_certsSerial = m_hsm.initToken(QStringLiteral("Certs"), kCertsPin);
        m_otherSerial = m_hsm.initToken(QStringLiteral("Other"), kOtherPin);
        for (const CertSpec &c : certSpecs()) {
            const QString key = file(QStringLiteral("key%1.der").arg(QLatin1String(c.id)));
            QStringList args{QStringLiteral(TOKENDESK_MAKECERT), QStringLiteral("--cert"), certFile(c), QStringLiteral("--key"), key,
                             QStringLiteral("--not-before"), QStringLiteral("now%1%2").arg(c.notBefore < 0 ? '-' : '+').arg(qAbs(c.notBefore)),
                             QStringLiteral("--not-after"), QStringLiteral("now%1%2").arg(c.notAfter < 0 ? '-' : '+').arg(qAbs(c.notAfter))};
            SoftHsmFixture::run(QStringLiteral("python3"), args + c.subject);
            const QStringList common{QStringLiteral("--id"), QString::fromLatin1(c.id), QStringLiteral("--label"), QString::fromUtf8(c.label)};
            m_hsm.pkcs11Tool(QStringLiteral("Certs"), QStringList{QStringLiteral("--write-object"), certFile(c), QStringLiteral("--type"), QStringLiteral("cert")} + common, kCertsPin);
            if (c.withKey)
                m_hsm.pkcs11Tool(QStringLiteral("Certs"), QStringList{QStringLiteral("--write-object"), key, QStringLiteral("--type"), QStringLiteral("privkey")} + common, kCertsPin);
        }
        QFile notes(file(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("help desk notes\n");
        notes.close();
        m_hsm.pkcs11Tool(QStringLiteral("Certs"), {QStringLiteral("--write-object"), notes.fileName(), QStringLiteral("--type"),
                                                   QStringLiteral("data"), QStringLiteral("--label"), QStringLiteral("notes")}, kCertsPin);
        // The other token: one far certificate with its key.
        const QString cert = file(QStringLiteral("other.der")), key = file(QStringLiteral("other.key"));
        SoftHsmFixture::run(QStringLiteral("python3"), {QStringLiteral(TOKENDESK_MAKECERT), QStringLiteral("--cert"), cert, QStringLiteral("--key"), key,
                                                        QStringLiteral("--rdn"), QStringLiteral("CN=Other Far"), QStringLiteral("--not-before"),
                                                        QStringLiteral("now-86400"), QStringLiteral("--not-after"), QStringLiteral("now+%1").arg(400 * kDay)});
        for (const auto &[path, type] : {std::pair{cert, QStringLiteral("cert")}, std::pair{key, QStringLiteral("privkey")}})
            m_hsm.pkcs11Tool(QStringLiteral("Other"), {QStringLiteral("--write-object"), path, QStringLiteral("--type"), type,
                                                       QStringLiteral("--id"), QStringLiteral("10"), QStringLiteral("--label"), QStringLiteral("far")}, kOtherPin);
    }

    // Each format lists the objects in the one order (class, label, ID), not in the order
    // they were written or the module returned them.
    void formatsKeepTheOrder_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("format");
        QTest::newRow("text (default)") << QStringList{} << QStringLiteral("text");
        QTest::newRow("--format text") << QStringList{QStringLiteral("--format"), QStringLiteral("text")} << QStringLiteral("text");
        QTest::newRow("--json") << QStringList{QStringLiteral("--json")} << QStringLiteral("json");
        QTest::newRow("--format json") << QStringList{QStringLiteral("--format"), QStringLiteral("json")} << QStringLiteral("json");
        QTest::newRow("--format csv") << QStringList{QStringLiteral("--format"), QStringLiteral("csv")} << QStringLiteral("csv");
    }

    void formatsKeepTheOrder()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, format);
        const Run r = tokendesk(softhsm() + args);
        QCOMPARE(r.exitCode, 0);
        QStringList listed;
        if (format == QLatin1String("json"))
            listed = jsonObjects(tokenOf(json(r), QStringLiteral("Certs")));
        else if (format == QLatin1String("csv"))
            listed = csvObjects(csvRows(r), QStringLiteral("Certs"));
        else
            // The Certs token's block, up to the next slot (slot order depends on SoftHSM's slot ids).
            listed = textObjects(r.text().section(QStringLiteral("Token \"Certs\""), 1).section(QStringLiteral("\n  Slot "), 0, 0));
        QCOMPARE(listed, expectedOrder(false));
    }

    // The telling name, notAfter (as `openssl x509 -enddate` says), daysLeft and validity of
    // every certificate, in JSON and CSV; the text shows name and a marked expiry.
    void certificateFacts()
    {
        const Run j = tokendesk(softhsm() + QStringList{QStringLiteral("--json")});
        const Run c = tokendesk(softhsm() + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
        const Run t = tokendesk(softhsm());
        QCOMPARE(j.exitCode, 0);
        const QJsonObject root = json(j);
        const QDateTime listedAt = QDateTime::fromString(root[QStringLiteral("listedAt")].toString(), Qt::ISODate);
        QVERIFY(listedAt.isValid());
        QCOMPARE(root[QStringLiteral("expiryWarningDays")].toInt(), 30);
        const QJsonArray rows = csvRows(c);
        for (const CertSpec &spec : certSpecs()) {
            const QString label = QString::fromUtf8(spec.label);
            const QList<QJsonObject> found = ListRun::objects(tokenOf(root, QStringLiteral("Certs")), label);
            QVERIFY2(!found.isEmpty(), qPrintable(label));
            const QJsonObject cert = found.constLast(); // after the private key of the same label
            QCOMPARE(cert[QStringLiteral("class")].toString(), QStringLiteral("certificate"));
            QCOMPARE(cert[QStringLiteral("name")].toString(), QString::fromUtf8(spec.name));
            // notAfter as openssl prints it: "notAfter=2026-12-10 09:00:00Z"
            const QString end = QString::fromUtf8(SoftHsmFixture::run(QStringLiteral("openssl"),
                {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), certFile(spec),
                 QStringLiteral("-noout"), QStringLiteral("-enddate"), QStringLiteral("-dateopt"), QStringLiteral("iso_8601")})).trimmed();
            const QDateTime notAfter = QDateTime::fromString(cert[QStringLiteral("notAfter")].toString(), Qt::ISODate);
            QCOMPARE(QStringLiteral("notAfter=") + notAfter.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char('Z'), end);
            // listedAt is the listing's clock cut to whole seconds: daysLeft is what a moment
            // within that second gives (a certificate made in the same second as the listing
            // has a whole number of days left at the second's start, one fewer a moment later).
            const auto daysAt = [&notAfter](const QDateTime &now) {
                const qint64 seconds = now.secsTo(notAfter);
                return seconds >= 0 ? seconds / kDay : -((-seconds + kDay - 1) / kDay);
            };
            const qint64 days = cert[QStringLiteral("daysLeft")].toInteger();
            QVERIFY2(days == daysAt(listedAt) || days == daysAt(listedAt.addSecs(1)),
                     qPrintable(QStringLiteral("%1: daysLeft %2, listedAt %3").arg(label).arg(days).arg(listedAt.toString(Qt::ISODate))));
            const QString validity = spec.notBefore > 0 ? QStringLiteral("not-yet-valid")
                : spec.notAfter < 0                     ? QStringLiteral("expired")
                : spec.notAfter < 30 * kDay             ? QStringLiteral("expiring-soon")
                                                        : QStringLiteral("valid");
            QCOMPARE(cert[QStringLiteral("validity")].toString(), validity);
            bool inCsv = false;
            for (const auto &v : rows) {
                const QJsonObject row = v.toObject();
                if (row[QStringLiteral("class")].toString() != QLatin1String("certificate") || row[QStringLiteral("id")].toString() != QLatin1String(spec.id))
                    continue;
                inCsv = true;
                QCOMPARE(row[QStringLiteral("name")].toString(), QString::fromUtf8(spec.name));
                QCOMPARE(row[QStringLiteral("notAfter")].toString(), cert[QStringLiteral("notAfter")].toString());
                QCOMPARE(row[QStringLiteral("validity")].toString(), validity);
                QVERIFY(qAbs(row[QStringLiteral("daysLeft")].toString().toLongLong() - days) <= 1); // another run, another second
            }
            QVERIFY2(inCsv, spec.id);
            // Text: the name and the expiry line, marked for the ones that need attention.
            const QString marker = validity == QLatin1String("expired") ? QStringLiteral("[EXPIRED] ")
                : validity == QLatin1String("expiring-soon")            ? QStringLiteral("[EXPIRES SOON] ")
                : validity == QLatin1String("not-yet-valid")            ? QStringLiteral("[NOT YET VALID] ")
                                                                        : QString();
            const QString block = t.text().section(QStringLiteral("id %1\n").arg(QLatin1String(spec.id)), -1).section(QStringLiteral("      - "), 0, 0);
            QVERIFY2(block.contains(QStringLiteral("name    ") + QString::fromUtf8(spec.name) + QLatin1Char('\n')), qPrintable(block.left(400)));
            const QString expiry = block.section(QStringLiteral("expiry  "), 1, 1).section(QLatin1Char('\n'), 0, 0);
            QVERIFY2(expiry.startsWith(marker) && (marker.isEmpty() ? !expiry.startsWith(QLatin1Char('[')) : true), qPrintable(expiry));
        }
    }

    // The CSV, read back by Python's csv module, lists exactly what pkcs11-tool -O lists,
    // logged in (PIN on fd 3) and not; cells that would be formulas are guarded.
    void csvMatchesPkcs11Tool_data()
    {
        QTest::addColumn<bool>("login");
        QTest::newRow("public objects") << false;
        QTest::newRow("--login --pin-fd 3") << true;
    }

    void csvMatchesPkcs11Tool()
    {
        QFETCH(bool, login);
        QStringList args = softhsm() + QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--token"), QStringLiteral("Certs")};
        if (login)
            args << QStringLiteral("--login") << QStringLiteral("--pin-fd") << QStringLiteral("3");
        const Run r = tokendesk(args, {}, login ? kCertsPin.toUtf8() + '\n' : QByteArray(), login);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("module,slotId,tokenLabel,tokenSerial,tokenUri,class,label,id,uri,"), r.out.left(200).constData());
        const QJsonArray rows = csvRows(r);
        QStringList ours;
        for (const auto &v : rows) {
            QString label = v[QStringLiteral("label")].toString();
            if (label.startsWith(QLatin1Char('=')) || label.startsWith(QLatin1Char('+')) || label.startsWith(QLatin1Char('@')))
                QFAIL(qPrintable(QStringLiteral("unguarded formula cell: ") + label));
            if (label.startsWith(QLatin1String("'=")))
                label.remove(0, 1);
            const QString id = v[QStringLiteral("id")].toString();
            ours << v[QStringLiteral("class")].toString() + QLatin1Char('|') + label + QLatin1Char('|') + (id.isEmpty() ? QStringLiteral("-") : id);
            QCOMPARE(v[QStringLiteral("tokenSerial")].toString(), m_certsSerial);
        }
        QCOMPARE(csvObjects(rows, QStringLiteral("Certs")), expectedOrder(login));
        ours.sort();
        QCOMPARE(ours, pkcs11ToolObjects(QStringLiteral("Certs"), kCertsPin, login));
        bool guarded = false;
        for (const auto &v : rows)
            guarded = guarded || v[QStringLiteral("label")].toString() == QLatin1String("'=SUM(1+1)");
        QVERIFY(guarded);
    }

    // --expiring-within DAYS: exactly the certificates openssl x509 -checkend DAYS*86400
    // says expire, in every format; exit 1 when there are any, 0 when none.
    void expiringWithin_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("days");
        QTest::addColumn<QStringList>("expected"); // by hand, in listing order
        QTest::addColumn<int>("exitCode");
        const QString certs = QStringLiteral("Certs");
        QTest::newRow("0: only the expired one") << certs << 0 << QStringList{QStringLiteral("zulu expired")} << 1;
        QTest::newRow("1: and the one expiring in an hour") << certs << 1 << QStringList{QStringLiteral("Bravo soon"), QStringLiteral("zulu expired")} << 1;
        QTest::newRow("6: and the not yet valid one") << certs << 6
            << QStringList{QStringLiteral("Bravo soon"), QStringLiteral("charlie future"), QStringLiteral("zulu expired")} << 1;
        QTest::newRow("10: one hour short of the ten-day one") << certs << 10
            << QStringList{QStringLiteral("Bravo soon"), QStringLiteral("charlie future"), QStringLiteral("zulu expired")} << 1;
        QTest::newRow("11: the ten-day one") << certs << 11
            << QStringList{QStringLiteral("alpha ten"), QStringLiteral("Bravo soon"), QStringLiteral("charlie future"), QStringLiteral("zulu expired")} << 1;
        QTest::newRow("36500: all") << certs << 36500
            << QStringList{QStringLiteral("=SUM(1+1)"), QStringLiteral("alpha ten"), QStringLiteral("Bravo soon"), QStringLiteral("charlie future"),
                           QStringLiteral("vpn, \"office\""), QStringLiteral("zulu expired")} << 1;
        QTest::newRow("Other, 30: none") << QStringLiteral("Other") << 30 << QStringList{} << 0;
        QTest::newRow("Other, 0: none") << QStringLiteral("Other") << 0 << QStringList{} << 0;
        QTest::newRow("Other, 401: the far one") << QStringLiteral("Other") << 401 << QStringList{QStringLiteral("far")} << 1;
    }

    void expiringWithin()
    {
        QFETCH(QString, token);
        QFETCH(int, days);
        QFETCH(QStringList, expected);
        QFETCH(int, exitCode);
        if (token == QLatin1String("Certs")) {
            QStringList oracle = checkend(days);
            std::sort(oracle.begin(), oracle.end(), [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
            QCOMPARE(oracle, expected); // the hand-written rows agree with openssl
        }
        const QStringList args = softhsm() + QStringList{QStringLiteral("--token"), token, QStringLiteral("--expiring-within"), QString::number(days)};
        QStringList certsExpected;
        for (const QString &l : expected)
            certsExpected << QStringLiteral("certificate|") + l;

        const Run text = tokendesk(args);
        QCOMPARE(text.exitCode, exitCode);
        QCOMPARE(textObjects(text.text()), certsExpected);
        for (const QString &line : text.text().split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("          expiry  ")))
                QVERIFY2(line.contains(QLatin1String("[EXPIRED]")) || line.contains(QLatin1String("[EXPIRES SOON]"))
                             || line.contains(QLatin1String("[NOT YET VALID]")), qPrintable(line));
        if (expected.isEmpty())
            QVERIFY(text.text().contains(QStringLiteral("No certificate expires within %1 day").arg(days)));
        else
            // The sentence with its English plural form (tokendesk installs tokendesk_en, as this test does).
            QVERIFY(text.text().contains(QCoreApplication::translate("InventoryReport", "%n certificate(s) expire within %1 day(s) or have expired.",
                                                                     nullptr, int(expected.size()))
                                             .arg(days)));

        const Run j = tokendesk(args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(j.exitCode, exitCode);
        const QJsonObject root = json(j);
        QCOMPARE(root[QStringLiteral("expiringWithin")].toInt(-1), days);
        QCOMPARE(jsonObjects(tokenOf(root, token)), certsExpected);
        for (const auto &o : tokenOf(root, token)[QStringLiteral("objects")].toArray())
            QVERIFY(o[QStringLiteral("daysLeft")].toInteger() < days || o[QStringLiteral("daysLeft")].toInteger() == days);

        const Run c = tokendesk(args + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(c.exitCode, exitCode);
        QCOMPARE(csvObjects(csvRows(c), token), certsExpected);
    }

    // Failures come before expiring certificates: a module that cannot be loaded makes it 2.
    void exitStatusPrecedence_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        const QString bad = QStringLiteral("/nonexistent/libvendor.so");
        QTest::newRow("expiring + failed module") << QStringList{QStringLiteral("--expiring-within"), QStringLiteral("1"), QStringLiteral("--module"), bad} << 2;
        QTest::newRow("none expiring + failed module") << QStringList{QStringLiteral("--token"), QStringLiteral("Other"), QStringLiteral("--expiring-within"), QStringLiteral("1"), QStringLiteral("--module"), bad} << 2;
        QTest::newRow("--token matching nothing") << QStringList{QStringLiteral("--token"), QStringLiteral("Nope")} << 2;
        QTest::newRow("usage error before everything") << QStringList{QStringLiteral("--expiring-within"), QStringLiteral("-1"), QStringLiteral("--module"), bad} << 64;
    }

    void exitStatusPrecedence()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const Run r = tokendesk(softhsm() + args);
        QCOMPARE(r.exitCode, exitCode);
    }

    // --token by label, serial and URI; only the chosen token is listed.
    void tokenSelection_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QStringList>("labels"); // listed tokens
        QTest::addColumn<int>("exitCode");
        QTest::newRow("label") << QStringLiteral("Other") << QStringList{QStringLiteral("Other")} << 0;
        QTest::newRow("serial") << QStringLiteral("@serial") << QStringList{QStringLiteral("Certs")} << 0;
        QTest::newRow("URI token=") << QStringLiteral("pkcs11:token=Other") << QStringList{QStringLiteral("Other")} << 0;
        QTest::newRow("URI serial=") << QStringLiteral("pkcs11:model=SoftHSM%20v2;serial=@serial") << QStringList{QStringLiteral("Certs")} << 0;
        // SoftHSM's free slot holds an uninitialized token (label ""), also of that model.
        QTest::newRow("URI of all") << QStringLiteral("pkcs11:model=SoftHSM%20v2") << QStringList{QString(), QStringLiteral("Certs"), QStringLiteral("Other")} << 0;
        QTest::newRow("no match") << QStringLiteral("pkcs11:token=Nope") << QStringList{} << 2;
        QTest::newRow("not a URI") << QStringLiteral("pkcs11:token=%zz") << QStringList{} << 64;
    }

    void tokenSelection()
    {
        QFETCH(QString, selector);
        QFETCH(QStringList, labels);
        QFETCH(int, exitCode);
        selector.replace(QStringLiteral("@serial"), m_certsSerial);
        const Run r = tokendesk(softhsm() + QStringList{QStringLiteral("--json"), QStringLiteral("--token"), selector});
        QCOMPARE(r.exitCode, exitCode);
        if (exitCode == 64) {
            QVERIFY(r.out.isEmpty());
            QVERIFY(r.err.contains("not a PKCS#11 URI"));
            return;
        }
        QStringList listed;
        for (const QJsonObject &t : [&] { ListRun lr; lr.json = json(r); return lr.tokens(); }())
            listed << t[QStringLiteral("label")].toString();
        listed.sort();
        QCOMPARE(listed, labels);
        if (exitCode == 2)
            QVERIFY(r.err.contains("No token matches --token pkcs11:token=Nope"));
    }

    // --login with the PIN on a pipe: the private keys pkcs11-tool -O --login shows; a wrong
    // PIN is tried exactly once (pkcs11-spy's log), reported with its CKR code, exit 2, and
    // the token is listed without private objects.
    void loginPinFd_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("loggedIn");
        QTest::addColumn<QString>("error");
        QTest::newRow("right PIN, newline") << kCertsPin.toUtf8() + '\n' << 0 << true << QString();
        QTest::newRow("right PIN, CRLF") << kCertsPin.toUtf8() + "\r\n" << 0 << true << QString();
        QTest::newRow("right PIN, no newline") << kCertsPin.toUtf8() << 0 << true << QString();
        QTest::newRow("right PIN, then more lines") << kCertsPin.toUtf8() + "\nsecond line\n" << 0 << true << QString();
        QTest::newRow("wrong PIN") << QByteArray("wrong-pin\n") << 2 << false << QStringLiteral("CKR_PIN_INCORRECT");
        QTest::newRow("empty input") << QByteArray() << 64 << false << QStringLiteral("No PIN was given on --pin-fd 0");
        QTest::newRow("empty line") << QByteArray("\n") << 64 << false << QStringLiteral("No PIN was given on --pin-fd 0");
        QTest::newRow("too long") << QByteArray(300, 'x') << 64 << false << QStringLiteral("longer than 256 bytes");
    }

    void loginPinFd()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(bool, loggedIn);
        QFETCH(QString, error);
        const QString log = file(QStringLiteral("spy-%1.log").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'))));
        const Env spy{{QStringLiteral("PKCS11SPY"), SoftHsmFixture::softhsmModule()}, {QStringLiteral("PKCS11SPY_OUTPUT"), log}};
        const Run r = tokendesk({QStringLiteral("--list"), QStringLiteral("--module"), SoftHsmFixture::spyModule(), QStringLiteral("--json"),
                                 QStringLiteral("--token"), QStringLiteral("Certs"), QStringLiteral("--login"), QStringLiteral("--pin-fd"), QStringLiteral("0")},
                                spy, input);
        QCOMPARE(r.exitCode, exitCode);
        if (exitCode == 64) {
            QVERIFY(r.out.isEmpty());
            QVERIFY2(QString::fromUtf8(r.err).contains(error), r.err.constData());
            QVERIFY(loginCalls(log) <= 0); // no C_Login (no log at all is fine)
            return;
        }
        QCOMPARE(loginCalls(log), 1); // never retried
        const QJsonObject token = tokenOf(json(r), QStringLiteral("Certs"));
        QCOMPARE(token[QStringLiteral("loggedIn")].toBool(), loggedIn);
        QCOMPARE(token[QStringLiteral("privateObjectsHidden")].toBool(), !loggedIn);
        QCOMPARE(jsonObjects(token), expectedOrder(loggedIn));
        if (loggedIn) {
            QStringList keys;
            for (const auto &o : token[QStringLiteral("objects")].toArray())
                if (o[QStringLiteral("class")].toString() == QLatin1String("private key"))
                    keys << QStringLiteral("private key|") + o[QStringLiteral("label")].toString() + QLatin1Char('|') + o[QStringLiteral("id")].toString();
            QStringList oracle = pkcs11ToolObjects(QStringLiteral("Certs"), kCertsPin, true).filter(QRegularExpression(QStringLiteral("^private key\\|")));
            keys.sort();
            QCOMPARE(keys, oracle);
            QVERIFY(!token.contains(QStringLiteral("loginError")));
        } else {
            QVERIFY2(token[QStringLiteral("loginError")].toString().contains(error), qPrintable(token[QStringLiteral("loginError")].toString()));
            QVERIFY(r.err.isEmpty() || !r.err.contains(kCertsPin.toUtf8()));
        }
        QVERIFY(!r.out.contains("wrong-pin") && !r.err.contains("wrong-pin") && !r.out.contains(kCertsPin.toUtf8()));
    }

    // --pin-fd gives one PIN: with two tokens asking for one, the user must choose (64,
    // before any C_Login); --token chooses, and the other token's PIN works there.
    void pinFdNeedsOneToken()
    {
        const QString log = file(QStringLiteral("spy-two.log"));
        const Env spy{{QStringLiteral("PKCS11SPY"), SoftHsmFixture::softhsmModule()}, {QStringLiteral("PKCS11SPY_OUTPUT"), log}};
        const QStringList base{QStringLiteral("--list"), QStringLiteral("--module"), SoftHsmFixture::spyModule(), QStringLiteral("--login"),
                               QStringLiteral("--pin-fd"), QStringLiteral("0"), QStringLiteral("--json")};
        const Run both = tokendesk(base, spy, kCertsPin.toUtf8() + '\n');
        QCOMPARE(both.exitCode, 64);
        QVERIFY(both.out.isEmpty());
        QVERIFY2(both.err.contains("--token"), both.err.constData());
        QCOMPARE(loginCalls(log), 0);
        const Run other = tokendesk(base + QStringList{QStringLiteral("--token"), m_otherSerial}, spy, kOtherPin.toUtf8() + '\n');
        QCOMPARE(other.exitCode, 0);
        const QJsonObject token = tokenOf(json(other), QStringLiteral("Other"));
        QCOMPARE(jsonObjects(token), (QStringList{QStringLiteral("private key|far"), QStringLiteral("certificate|far")}));
    }

    // The terminal: a pty (Python's pty module) as the controlling terminal. The prompt
    // names the token, the PIN is not echoed, the terminal's echo is back on afterwards;
    // Enter alone skips the token.
    void loginTerminal_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("loggedIn");
        QTest::newRow("PIN") << kCertsPin << 0 << true;
        QTest::newRow("wrong PIN") << QStringLiteral("wrongPIN") << 2 << false;
        QTest::newRow("Enter alone skips") << QString() << 0 << false;
    }

    void loginTerminal()
    {
        QFETCH(QString, typed);
        QFETCH(int, exitCode);
        QFETCH(bool, loggedIn);
        const QString script = QStringLiteral(R"(
import json, os, pty, select, sys, termios, time
pin = sys.argv[1].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
def read_until(marker, limit=120):
    data, end = b'', time.time() + limit
    while marker not in data and time.time() < end:
        r, _, _ = select.select([fd], [], [], 1)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data
prompt = read_until(b': ')
echo_off = not (termios.tcgetattr(fd)[3] & termios.ECHO)
os.write(fd, pin + b'\n')
rest = read_until(b'\x00never')
_, status = os.waitpid(pid, 0)
print(json.dumps({'prompt': prompt.decode(errors='replace'), 'echoOffWhileAsking': echo_off,
                  'rest': rest.decode(errors='replace'), 'exit': os.waitstatus_to_exitcode(status)}))
)");
        const QByteArray out = SoftHsmFixture::run(QStringLiteral("python3"),
            {QStringLiteral("-c"), script, typed, QStringLiteral(TOKENDESK_EXE), QStringLiteral("--list"), QStringLiteral("--module"),
             SoftHsmFixture::softhsmModule(), QStringLiteral("--token"), QStringLiteral("Certs"), QStringLiteral("--login"),
             QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject r = QJsonDocument::fromJson(out).object();
        QVERIFY2(!r.isEmpty(), out.constData());
        const QString prompt = r[QStringLiteral("prompt")].toString();
        QVERIFY2(prompt.contains(QStringLiteral("PIN of token \"Certs\" (serial %1)").arg(m_certsSerial)), qPrintable(prompt));
        QVERIFY(r[QStringLiteral("echoOffWhileAsking")].toBool());
        QCOMPARE(r[QStringLiteral("exit")].toInt(), exitCode);
        const QString rest = r[QStringLiteral("rest")].toString();
        if (!typed.isEmpty())
            QVERIFY2(!rest.contains(typed), qPrintable(rest.left(300))); // not echoed, not printed
        // stdout and stderr share the pty: the JSON starts at the first brace.
        const QByteArray jsonText = rest.mid(rest.indexOf(QLatin1Char('{'))).toUtf8().replace("\r\n", "\n");
        const QString errors = ListRun::schemaErrors(jsonText);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
        const QJsonObject token = tokenOf(QJsonDocument::fromJson(jsonText).object(), QStringLiteral("Certs"));
        QCOMPARE(token[QStringLiteral("loggedIn")].toBool(), loggedIn);
        QCOMPARE(jsonObjects(token), expectedOrder(loggedIn));
    }

    // Without a terminal and without --pin-fd there is nobody to ask: 64, nothing listed.
    void loginWithoutTerminal()
    {
        const Run r = tokendesk(softhsm() + QStringList{QStringLiteral("--token"), QStringLiteral("Certs"), QStringLiteral("--login")});
        QCOMPARE(r.exitCode, 64);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("--pin-fd"), r.err.constData());
    }

    // A PIN pad reader (CKF_PROTECTED_AUTHENTICATION_PATH, through the fault module):
    // no PIN is asked for, C_Login gets none, and the reader's "entry" logs in.
    void loginPinPad()
    {
        const Env pad{{QStringLiteral("TOKENDESK_FAULT_FLAGS"), QStringLiteral("0x100")},
                      {QStringLiteral("TOKENDESK_PINPAD_LOGIN"), kCertsPin}};
        const Run r = tokendesk({QStringLiteral("--list"), QStringLiteral("--module"), QStringLiteral(TOKENDESK_FAULT_MODULE),
                                 QStringLiteral("--token"), QStringLiteral("Certs"), QStringLiteral("--login"), QStringLiteral("--json")},
                                pad);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("PIN pad") && r.err.contains("\"Certs\""), r.err.constData());
        const QJsonObject token = tokenOf(json(r), QStringLiteral("Certs"));
        QCOMPARE(token[QStringLiteral("loggedIn")].toBool(), true);
        QCOMPARE(jsonObjects(token), expectedOrder(true));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *tag, QStringList args, const char *message) {
            QTest::newRow(tag) << args << QString::fromLatin1(message);
        };
        row("--format xml", {"--list", "--format", "xml"}, "--format takes text, json or csv");
        row("--json with --format csv", {"--list", "--json", "--format", "csv"}, "contradict");
        row("--expiring-within -1", {"--list", "--expiring-within", "-1"}, "--expiring-within takes a whole number between 0 and 36500");
        row("--expiring-within abc", {"--list", "--expiring-within", "abc"}, "--expiring-within takes");
        row("--expiring-within 36501", {"--list", "--expiring-within", "36501"}, "--expiring-within takes");
        row("--warning-days x", {"--list", "--warning-days", "x"}, "--warning-days takes");
        row("--pin-fd without --login", {"--list", "--pin-fd", "0"}, "--pin-fd goes with --login");
        row("--pin-fd x", {"--list", "--login", "--pin-fd", "x"}, "--pin-fd takes");
        row("--login without --list", {"--version", "--login"}, "--login goes with --list");
        row("--expiring-within without --list", {"--version", "--expiring-within", "3"}, "--expiring-within goes with --list");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = tokendesk(args);
        QCOMPARE(r.exitCode, 64);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    // Options that go with --list, given without it, on a machine with no display at all
    // (a cron job, ssh without X): a plain usage error (64), not a Qt abort for want of a
    // display (which is what the window would need).
    void listOptionsWithoutListNeedNoDisplay_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("--format csv") << QStringList{"--format", "csv"} << "--format goes with --list";
        QTest::newRow("--json") << QStringList{"--json"} << "--json goes with --list";
        QTest::newRow("--expiring-within") << QStringList{"--expiring-within", "30"} << "--expiring-within goes with --list";
        QTest::newRow("--warning-days") << QStringList{"--warning-days", "5"} << "--warning-days goes with --list";
        QTest::newRow("--token") << QStringList{"--token", "Certs"} << "--token goes with --list";
        QTest::newRow("--login") << QStringList{"--login"} << "--login goes with --list";
        QTest::newRow("unknown option") << QStringList{"--colour"} << "colour";
    }

    void listOptionsWithoutListNeedNoDisplay()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = tokendesk(args, {}, {}, false,
                                {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("QT_QPA_PLATFORM")});
        QCOMPARE(r.exitCode, 64);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY2(!r.err.contains("platform plugin") && !r.err.contains("qt.qpa"), r.err.constData());
    }

    // A plain --list that finds nothing wrong writes nothing to stderr: scripts treat
    // stderr output as a problem, so informational log lines (the SmartCard-HSM search
    // without pcscd, module loading) stay out of it.
    void cleanListHasEmptyStderr_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("text") << QStringList{};
        QTest::newRow("json") << QStringList{QStringLiteral("--json")};
        QTest::newRow("csv") << QStringList{QStringLiteral("--format"), QStringLiteral("csv")};
    }

    void cleanListHasEmptyStderr()
    {
        QFETCH(QStringList, args);
        const Run r = tokendesk(softhsm() + args, {{QStringLiteral("QT_LOGGING_RULES"), QString()}});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.isEmpty());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    }

    // Each token's worst expiry (the certificate that expires first), in text and JSON.
    // Oracle: `openssl x509 -enddate` of the files written to the token, and the dates
    // they were made with for what needs attention (expired or within 30 days, valid already).
    void worstExpiry()
    {
        QDateTime earliest;
        QString earliestName;
        int attention = 0;
        for (const CertSpec &spec : certSpecs()) {
            const QString end = QString::fromUtf8(SoftHsmFixture::run(QStringLiteral("openssl"),
                {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), certFile(spec),
                 QStringLiteral("-noout"), QStringLiteral("-enddate"), QStringLiteral("-dateopt"), QStringLiteral("iso_8601")})).trimmed();
            const QDateTime notAfter = QDateTime::fromString(end.section(QLatin1Char('='), 1).chopped(1) + QStringLiteral("Z"),
                                                             QStringLiteral("yyyy-MM-dd HH:mm:sst"));
            QVERIFY2(notAfter.isValid(), qPrintable(end));
            if (!earliest.isValid() || notAfter < earliest) {
                earliest = notAfter;
                earliestName = QString::fromUtf8(spec.name);
            }
            attention += spec.notBefore <= 0 && spec.notAfter < 30 * kDay;
        }
        const Run j = tokendesk(softhsm() + QStringList{QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 0);
        const QJsonObject root = json(j);
        const QJsonObject certs = tokenOf(root, QStringLiteral("Certs"))[QStringLiteral("worstExpiry")].toObject();
        QCOMPARE(certs[QStringLiteral("name")].toString(), earliestName);
        QCOMPARE(QDateTime::fromString(certs[QStringLiteral("notAfter")].toString(), Qt::ISODate), earliest);
        QCOMPARE(certs[QStringLiteral("validity")].toString(), QStringLiteral("expired"));
        QCOMPARE(certs[QStringLiteral("needAttention")].toInt(), attention);
        const QJsonObject other = tokenOf(root, QStringLiteral("Other"))[QStringLiteral("worstExpiry")].toObject();
        QCOMPARE(other[QStringLiteral("name")].toString(), QStringLiteral("Other Far"));
        QCOMPARE(other[QStringLiteral("validity")].toString(), QStringLiteral("valid"));
        QCOMPARE(other[QStringLiteral("needAttention")].toInt(), 0);
        // --expiring-within lists fewer objects, but the token's worst expiry is still over all of them.
        const Run e = tokendesk(softhsm() + QStringList{QStringLiteral("--json"), QStringLiteral("--expiring-within"), QStringLiteral("0")});
        QCOMPARE(tokenOf(json(e), QStringLiteral("Other"))[QStringLiteral("worstExpiry")].toObject()[QStringLiteral("name")].toString(),
                 QStringLiteral("Other Far"));
        // Text: a line under the token, marked like the certificate's own expiry line.
        const Run t = tokendesk(softhsm());
        const QString block = t.text().section(QStringLiteral("Token \"Certs\""), 1).section(QStringLiteral("\n  Slot "), 0, 0);
        const QString line = block.section(QStringLiteral("Expiry:   "), 1, 1).section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(line.startsWith(QStringLiteral("[EXPIRED] first to expire: %1, expired").arg(earliestName)), qPrintable(block.left(800)));
        QVERIFY2(line.contains(QStringLiteral("; certificates expired or expiring within 30 days: %1").arg(attention)), qPrintable(line));
        const QString otherBlock = t.text().section(QStringLiteral("Token \"Other\""), 1).section(QStringLiteral("\n  Slot "), 0, 0);
        QVERIFY2(otherBlock.contains(QStringLiteral("Expiry:   first to expire: Other Far, expires in")), qPrintable(otherBlock.left(800)));
    }

    // A --pin-fd that is not open: 64, and no C_Login.
    void pinFdNotOpen()
    {
        const Run r = tokendesk(softhsm() + QStringList{QStringLiteral("--token"), QStringLiteral("Certs"), QStringLiteral("--login"),
                                                        QStringLiteral("--pin-fd"), QStringLiteral("97")});
        QCOMPARE(r.exitCode, 64);
        QVERIFY2(r.err.contains("--pin-fd 97 is not an open file descriptor"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    // --list --demo: the demo token, in every format, objects in the one order.
    void demo_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("text") << QStringLiteral("text");
        QTest::newRow("json") << QStringLiteral("json");
        QTest::newRow("csv") << QStringLiteral("csv");
    }

    void demo()
    {
        QFETCH(QString, format);
        const Run r = tokendesk({QStringLiteral("--list"), QStringLiteral("--demo"), QStringLiteral("--module"),
                                 SoftHsmFixture::softhsmModule(), QStringLiteral("--format"), format});
        QCOMPARE(r.exitCode, 0);
        if (format == QLatin1String("json")) {
            QJsonObject demoToken;
            for (const QJsonObject &t : [&] { ListRun lr; lr.json = json(r); return lr.tokens(); }())
                if (t[QStringLiteral("label")].toString().contains(QLatin1String("Demo"), Qt::CaseInsensitive))
                    demoToken = t;
            QVERIFY2(!demoToken.isEmpty(), r.out.left(2000).constData());
            const QJsonArray objects = demoToken[QStringLiteral("objects")].toArray();
            QVERIFY(!objects.isEmpty());
            // The order rule itself, checked on what the demo holds: class rank, then label.
            static const QStringList rank{QStringLiteral("private key"), QStringLiteral("public key"), QStringLiteral("certificate"),
                                          QStringLiteral("secret key"), QStringLiteral("data object")};
            for (qsizetype i = 1; i < objects.size(); ++i) {
                const QJsonObject a = objects[i - 1].toObject(), b = objects[i].toObject();
                const qsizetype ra = rank.indexOf(a[QStringLiteral("class")].toString()), rb = rank.indexOf(b[QStringLiteral("class")].toString());
                QVERIFY(ra <= rb);
                if (ra == rb)
                    QVERIFY(a[QStringLiteral("label")].toString().compare(b[QStringLiteral("label")].toString(), Qt::CaseInsensitive) <= 0);
            }
        } else if (format == QLatin1String("csv")) {
            QVERIFY(!csvRows(r).isEmpty());
        } else {
            QVERIFY(r.text().contains(QLatin1String("Demo"), Qt::CaseInsensitive));
        }
    }

    // --list --json writes each object as it is made (writeReportJson). The oracle is the
    // whole document made the old way and serialized by Qt: byte for byte the same, for both
    // tokens (one with private objects hidden), a module that fails, with and without
    // --expiring-within (an empty object list), and with the command line's own additions,
    // one of them an "objects" array that is not a token's.
    void streamedJsonIsTheWholeDocumentByteForByte_data()
    {
        QTest::addColumn<std::optional<int>>("expiringWithin");
        QTest::newRow("every object") << std::optional<int>();
        QTest::newRow("--expiring-within 0") << std::optional<int>(0);
        QTest::newRow("--expiring-within 36500") << std::optional<int>(36500);
    }

    void streamedJsonIsTheWholeDocumentByteForByte()
    {
        QFETCH(std::optional<int>, expiringWithin);
        ModuleRegistry registry;
        Inventory inventory(registry);
        const InventoryReport report = collectReport(
            inventory, {ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false},
                        ModuleSpec{QStringLiteral("/nonexistent/libvendor.so"), QStringLiteral("vendor"), true}});
        ReportOptions options;
        options.expiringWithin = expiringWithin;
        const auto decorate = [](QJsonObject &root) {
            root[QStringLiteral("smartcardHsm")] = QJsonArray{QJsonObject{{QStringLiteral("objects"), QJsonArray{1, QStringLiteral("x")}},
                                                                          {QStringLiteral("reader"), QStringLiteral("\"objects\": 7")}}};
            QJsonArray modules = root[QStringLiteral("modules")].toArray();
            QJsonObject m = modules[1].toObject();
            m[QStringLiteral("outcome")] = QStringLiteral("timed out");
            modules[1] = m;
            root[QStringLiteral("modules")] = modules;
        };
        QJsonObject root = reportToJson(report, options).object();
        decorate(root);
        const QByteArray whole = QJsonDocument(root).toJson(QJsonDocument::Indented);
        QByteArray streamed;
        int pieces = 0;
        writeReportJson(report, options, decorate, [&](QByteArrayView b) {
            streamed += b;
            ++pieces;
        });
        QCOMPARE(streamed, whole);
        const qsizetype listed = whole.count("\"class\": \""); // each listed object has one
        QVERIFY(pieces > listed); // one write per object at least: never the document at once
        if (!expiringWithin) // every certificate of both tokens (public objects) at least
            QVERIFY2(listed >= certSpecs().size() + 1, qPrintable(QString::number(listed)));
    }
};

QTEST_GUILESS_MAIN(TestListOptions)
#include "test_listoptions.moc"
