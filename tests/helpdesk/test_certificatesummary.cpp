// SPDX-License-Identifier: GPL-3.0-or-later
// CertificateSummary (issue 12): the telling name of certificates made by an independent
// tool (python3-cryptography, makecert.py) and the expiry at its boundaries, with the
// clock injected. The warning horizon is strict, as `openssl x509 -checkend` is.
#include "inventory/certificatesummary.h"
#include "softhsmfixture.h"

#include "x509/certificatedecoder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr qint64 kDay = 86400;

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}
} // namespace

class TestCertificateSummary : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_count = 0;

    CertificateInfo makeCert(const QStringList &args)
    {
        const QString path = m_dir.filePath(QStringLiteral("c%1.der").arg(++m_count));
        SoftHsmFixture::run(QStringLiteral("python3"), QStringList{QStringLiteral(TOKENDESK_MAKECERT), QStringLiteral("--cert"), path} + args);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return decodeCertificate(f.readAll());
    }

private Q_SLOTS:
    void tellingName_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("name");
        const QStringList dates{QStringLiteral("--not-before"), QStringLiteral("2020-01-01T00:00:00Z"),
                                QStringLiteral("--not-after"), QStringLiteral("2030-01-01T00:00:00Z")};
        const auto row = [&](const char *tag, QStringList args, const char *name) {
            QTest::newRow(tag) << (args + dates) << QString::fromUtf8(name);
        };
        row("CN wins over everything", {"--rdn", "O=Example", "--rdn", "CN=Alice Example", "--email", "alice@example.org"},
            "Alice Example");
        row("CN with non-ASCII and escapes", {"--rdn", "CN=J\xc3\xbcrgen M\xc3\xbcller, Jr. + Co"},
            "J\xc3\xbcrgen M\xc3\xbcller, Jr. + Co");
        row("last CN of two", {"--rdn", "CN=first", "--rdn", "CN=second"}, "second");
        row("e-mail SAN without CN", {"--rdn", "O=Example", "--dns", "host.example.org", "--upn", "alice@corp.example",
                                      "--email", "alice@example.org"},
            "alice@example.org");
        row("UPN before DNS", {"--dns", "host.example.org", "--upn", "alice@corp.example"}, "alice@corp.example");
        row("DNS only", {"--dns", "vpn.example.org", "--dns", "vpn2.example.org"}, "vpn.example.org");
        row("O when no CN and no SAN", {"--rdn", "C=DE", "--rdn", "O=Example GmbH", "--rdn", "OU=IT"}, "Example GmbH");
        row("O with a comma and a plus", {"--rdn", "O=Example, Inc. + Partners"}, "Example, Inc. + Partners");
        row("O with a backslash", {"--rdn", "O=A\\B"}, "A\\B");
        row("O with a line break (escaped as a hexpair)", {"--rdn", "O=Line1\nLine2"}, "Line1\nLine2");
        row("O with a leading #", {"--rdn", "O=#1 Corp"}, "#1 Corp");
        row("O of UTF-8 after an escape", {"--rdn", "O=\x01\xc3\xa4rger"}, "\x01\xc3\xa4rger");
        row("whole subject otherwise", {"--rdn", "C=DE", "--rdn", "L=Berlin"}, "L=Berlin,C=DE");
        row("empty subject", {}, "(no subject)");
    }

    void tellingName()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, name);
        const CertificateInfo c = makeCert(args);
        QCOMPARE(CertificateSummary::tellingName(c), name);
        const CertificateSummary s = CertificateSummary::of(c, utc("2025-01-01T00:00:00"));
        QCOMPARE(s.name, name);
    }

    void expiry_data()
    {
        QTest::addColumn<qint64>("beforeNow");    // notBefore - now, seconds
        QTest::addColumn<qint64>("afterNow");     // notAfter - now, seconds
        QTest::addColumn<int>("warningDays");
        QTest::addColumn<int>("validity");        // CertificateValidity
        QTest::addColumn<qint64>("daysLeft");
        QTest::addColumn<bool>("attention");
        QTest::addColumn<QString>("phrase");      // %1: notAfter's date, %2: notBefore's
        const qint64 past = -400 * kDay;
        using V = CertificateValidity;
        const auto row = [](const char *tag, qint64 b, qint64 a, int w, V v, qint64 d, bool att, const char *p) {
            QTest::newRow(tag) << b << a << w << int(v) << d << att << QString::fromLatin1(p);
        };
        row("expired 1 s ago", past, -1, 30, V::Expired, -1, true, "expired less than a day ago (%1)");
        row("expired a day ago", past, -kDay, 30, V::Expired, -1, true, "expired 1 day ago (%1)");
        row("expired a day and 1 s ago", past, -kDay - 1, 30, V::Expired, -2, true, "expired 1 day ago (%1)");
        row("expired 3 days ago", past, -3 * kDay - 5, 30, V::Expired, -4, true, "expired 3 days ago (%1)");
        row("expires this second", past, 0, 30, V::ExpiringSoon, 0, true, "expires in less than a day (%1)");
        row("expires in 1 s", past, 1, 30, V::ExpiringSoon, 0, true, "expires in less than a day (%1)");
        row("expires in less than a day", past, kDay - 1, 30, V::ExpiringSoon, 0, true, "expires in less than a day (%1)");
        row("expires in exactly a day", past, kDay, 30, V::ExpiringSoon, 1, true, "expires in 1 day (%1)");
        row("expires in 12 days", past, 12 * kDay + 7, 30, V::ExpiringSoon, 12, true, "expires in 12 days (%1)");
        row("1 s inside the horizon", past, 30 * kDay - 1, 30, V::ExpiringSoon, 29, true, "expires in 29 days (%1)");
        row("exactly at the horizon", past, 30 * kDay, 30, V::Valid, 30, false, "expires in 30 days (%1)");
        row("1 s past the horizon", past, 30 * kDay + 1, 30, V::Valid, 30, false, "expires in 30 days (%1)");
        row("horizon of 0 days, 1 s left", past, 1, 0, V::Valid, 0, false, "expires in less than a day (%1)");
        row("horizon of 90 days", past, 60 * kDay, 90, V::ExpiringSoon, 60, true, "expires in 60 days (%1)");
        row("far", past, 3650 * kDay, 30, V::Valid, 3650, false, "expires in 3650 days (%1)");
        row("not yet valid", 1, 400 * kDay, 30, V::NotYetValid, 400, false, "not valid before %2");
        row("not yet valid, expiring soon", kDay, 2 * kDay, 30, V::NotYetValid, 2, false, "not valid before %2");
        row("valid from this second", 0, 400 * kDay, 30, V::Valid, 400, false, "expires in 400 days (%1)");
    }

    void expiry()
    {
        QFETCH(qint64, beforeNow);
        QFETCH(qint64, afterNow);
        QFETCH(int, warningDays);
        QFETCH(int, validity);
        QFETCH(qint64, daysLeft);
        QFETCH(bool, attention);
        QFETCH(QString, phrase);
        // Near midnight, so the date in the phrase is the UTC date of notAfter, not now's.
        const QDateTime now = utc("2026-06-15T23:30:00");
        CertificateInfo c;
        c.commonName = QStringLiteral("Alice");
        c.notBefore = now.addSecs(beforeNow);
        c.notAfter = now.addSecs(afterNow);
        const CertificateSummary s = CertificateSummary::of(c, now, warningDays);
        QCOMPARE(int(s.validity), validity);
        QCOMPARE(s.secondsLeft, afterNow);
        QCOMPARE(s.daysLeft(), daysLeft);
        QCOMPARE(s.needsAttention(), attention);
        QCOMPARE(s.notAfter, c.notAfter);
        static const char *const codes[] = {"not-yet-valid", "valid", "expiring-soon", "expired"}; // enum order
        QCOMPARE(s.validityCode(), QString::fromLatin1(codes[validity]));
        phrase.replace(QLatin1String("%1"), c.notAfter.date().toString(Qt::ISODate))
            .replace(QLatin1String("%2"), c.notBefore.date().toString(Qt::ISODate));
        QCOMPARE(s.expiryPhrase, phrase);
    }

    // The same boundaries on a real certificate (fixed dates set by python3-cryptography),
    // with a clock that is not UTC: the summary must not depend on the caller's time zone.
    void expiryOfARealCertificate_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<int>("validity");
        QTest::addColumn<qint64>("daysLeft");
        QTest::addColumn<QString>("phrase");
        using V = CertificateValidity;
        const QDateTime notAfter = utc("2030-01-01T00:00:00");
        QTest::newRow("1 s before") << notAfter.addSecs(-1) << int(V::ExpiringSoon) << qint64(0)
                                    << QStringLiteral("expires in less than a day (2030-01-01)");
        QTest::newRow("1 s after") << notAfter.addSecs(1) << int(V::Expired) << qint64(-1)
                                   << QStringLiteral("expired less than a day ago (2030-01-01)");
        QTest::newRow("1 s after, UTC+14") << notAfter.addSecs(1).toOffsetFromUtc(14 * 3600) << int(V::Expired)
                                           << qint64(-1) << QStringLiteral("expired less than a day ago (2030-01-01)");
        QTest::newRow("at the horizon, UTC-10") << notAfter.addDays(-30).toOffsetFromUtc(-10 * 3600) << int(V::Valid)
                                                << qint64(30) << QStringLiteral("expires in 30 days (2030-01-01)");
        QTest::newRow("before notBefore") << utc("2019-12-31T23:59:59") << int(V::NotYetValid) << qint64(3653)
                                          << QStringLiteral("not valid before 2020-01-01");
    }

    void expiryOfARealCertificate()
    {
        QFETCH(QDateTime, now);
        QFETCH(int, validity);
        QFETCH(qint64, daysLeft);
        QFETCH(QString, phrase);
        const CertificateInfo c = makeCert({QStringLiteral("--rdn"), QStringLiteral("CN=Fixed"), QStringLiteral("--not-before"),
                                            QStringLiteral("2020-01-01T00:00:00Z"), QStringLiteral("--not-after"),
                                            QStringLiteral("2030-01-01T00:00:00Z")});
        const CertificateSummary s = CertificateSummary::of(c, now);
        QCOMPARE(int(s.validity), validity);
        QCOMPARE(s.daysLeft(), daysLeft);
        QCOMPARE(s.expiryPhrase, phrase);
        QCOMPARE(s.notAfter.toUTC(), utc("2030-01-01T00:00:00"));
    }
};

QTEST_GUILESS_MAIN(TestCertificateSummary)
#include "test_certificatesummary.moc"
