// SPDX-License-Identifier: GPL-3.0-or-later
// CK_TOKEN_INFO's counts in --list, field by field (issue 12): memory 0 is 0 bytes, not
// "unlimited" (PKCS#11 gives 0 the meaning CK_EFFECTIVELY_INFINITE only in ulMaxSessionCount
// and ulMaxRwSessionCount), and CK_UNAVAILABLE_INFORMATION is "unknown" (JSON: null).
// The values are set by hand because no module at hand reports 0 bytes of memory.
#include "inventory/p11text.h"
#include "inventory/report.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {
constexpr CK_ULONG kUnknown = CK_UNAVAILABLE_INFORMATION;

// One module, one slot, one initialized token with the given info.
InventoryReport reportWith(const CK_TOKEN_INFO &info)
{
    TokenSnapshot t;
    t.info = info;
    t.info.flags |= CKF_TOKEN_INITIALIZED;
    t.label = QStringLiteral("Fields");
    t.uri = QStringLiteral("pkcs11:token=Fields");
    SlotSnapshot s;
    s.id = 1;
    s.token = t;
    ModuleSnapshot m;
    m.path = QStringLiteral("/nonexistent/module.so");
    m.name = QStringLiteral("module");
    m.slots.push_back(s);
    InventoryReport r;
    r.modules.push_back(m);
    return r;
}

// The text form's line starting with `prefix` ("Memory:", "Sessions:").
QString textLine(const InventoryReport &r, const QString &prefix)
{
    for (const QString &line : reportToText(r).split(QLatin1Char('\n')))
        if (line.trimmed().startsWith(prefix))
            return line.trimmed().mid(prefix.size()).trimmed();
    return QStringLiteral("(no %1 line)").arg(prefix);
}

QJsonObject tokenJson(const InventoryReport &r)
{
    return reportToJson(r).object()[QStringLiteral("modules")].toArray()[0].toObject()[QStringLiteral("slots")].toArray()[0]
        .toObject()[QStringLiteral("token")].toObject();
}
} // namespace

class TestTokenFields : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void helpers()
    {
        QCOMPARE(P11Text::ulongOrUnknown(0), QStringLiteral("0"));
        QCOMPARE(P11Text::ulongOrUnknown(4096), QStringLiteral("4096"));
        QCOMPARE(P11Text::ulongOrUnknown(kUnknown), QStringLiteral("unknown"));
        QCOMPARE(P11Text::sessionLimit(CK_EFFECTIVELY_INFINITE), QStringLiteral("unlimited"));
        QCOMPARE(P11Text::sessionLimit(kUnknown), QStringLiteral("unknown"));
        QCOMPARE(P11Text::sessionLimit(16), QStringLiteral("16"));
    }

    void memory_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<qulonglong>("value");
        QTest::addColumn<QString>("shown"); // the field's number in the text line
        QTest::addColumn<QJsonValue>("json");
        for (const char *field : {"freePublicMemory", "totalPublicMemory", "freePrivateMemory", "totalPrivateMemory"}) {
            QTest::addRow("%s 0", field) << QString::fromLatin1(field) << qulonglong(0) << "0" << QJsonValue(0);
            QTest::addRow("%s unavailable", field) << QString::fromLatin1(field) << qulonglong(kUnknown) << "unknown"
                                                   << QJsonValue(QJsonValue::Null);
            QTest::addRow("%s 32768", field) << QString::fromLatin1(field) << qulonglong(32768) << "32768" << QJsonValue(32768);
        }
    }

    void memory()
    {
        QFETCH(QString, field);
        QFETCH(qulonglong, value);
        QFETCH(QString, shown);
        QFETCH(QJsonValue, json);
        // The other fields hold distinct numbers, so each place in the line is the field's own.
        CK_TOKEN_INFO info{};
        info.ulFreePublicMemory = 111;
        info.ulTotalPublicMemory = 222;
        info.ulFreePrivateMemory = 333;
        info.ulTotalPrivateMemory = 444;
        CK_ULONG *target = field == QLatin1String("freePublicMemory")    ? &info.ulFreePublicMemory
            : field == QLatin1String("totalPublicMemory")                ? &info.ulTotalPublicMemory
            : field == QLatin1String("freePrivateMemory")                ? &info.ulFreePrivateMemory
                                                                         : &info.ulTotalPrivateMemory;
        *target = CK_ULONG(value);
        const InventoryReport r = reportWith(info);
        QCOMPARE(tokenJson(r)[field], json);
        const QString line = textLine(r, QStringLiteral("Memory:"));
        QVERIFY2(!line.contains(QLatin1String("unlimited")), qPrintable(line));
        // An unknown half says which part the token did not report, never "unknown of 222 bytes".
        const auto half = [](const QString &freeBytes, const QString &total) {
            if (freeBytes == QLatin1String("unknown"))
                return total + QStringLiteral(" bytes in all (free space not reported)");
            if (total == QLatin1String("unknown"))
                return freeBytes + QStringLiteral(" bytes free (total not reported)");
            return freeBytes + QStringLiteral(" of ") + total + QStringLiteral(" bytes free");
        };
        const QString expected = QStringLiteral("public %1; private %2")
                                     .arg(half(target == &info.ulFreePublicMemory ? shown : QStringLiteral("111"),
                                               target == &info.ulTotalPublicMemory ? shown : QStringLiteral("222")),
                                          half(target == &info.ulFreePrivateMemory ? shown : QStringLiteral("333"),
                                               target == &info.ulTotalPrivateMemory ? shown : QStringLiteral("444")));
        QCOMPARE(line, expected);
    }

    void memoryNotReported()
    {
        CK_TOKEN_INFO info{};
        info.ulFreePublicMemory = info.ulTotalPublicMemory = kUnknown;
        info.ulFreePrivateMemory = 0;
        info.ulTotalPrivateMemory = 32768;
        QCOMPARE(textLine(reportWith(info), QStringLiteral("Memory:")),
                 QStringLiteral("public not reported by the token; private 0 of 32768 bytes free"));
    }

    void sessions_data()
    {
        QTest::addColumn<qulonglong>("maxSessions");
        QTest::addColumn<qulonglong>("sessions");
        QTest::addColumn<QString>("shown");
        QTest::newRow("max 0 is unlimited, 0 open is 0") << qulonglong(CK_EFFECTIVELY_INFINITE) << qulonglong(0)
                                                          << "0 open of unlimited, read/write 0 of unlimited";
        QTest::newRow("unavailable") << qulonglong(kUnknown) << qulonglong(kUnknown)
                                     << "unknown open of unknown, read/write unknown of unknown";
        QTest::newRow("numbers") << qulonglong(8) << qulonglong(2) << "2 open of 8, read/write 2 of 8";
    }

    void sessions()
    {
        QFETCH(qulonglong, maxSessions);
        QFETCH(qulonglong, sessions);
        QFETCH(QString, shown);
        CK_TOKEN_INFO info{};
        info.ulMaxSessionCount = info.ulMaxRwSessionCount = CK_ULONG(maxSessions);
        info.ulSessionCount = info.ulRwSessionCount = CK_ULONG(sessions);
        QCOMPARE(textLine(reportWith(info), QStringLiteral("Sessions:")), shown);
    }
};

QTEST_GUILESS_MAIN(TestTokenFields)
#include "test_tokenfields.moc"
