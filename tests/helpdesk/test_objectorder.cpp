// SPDX-License-Identifier: GPL-3.0-or-later
// ObjectOrder (issue 12): the same order whatever order the module returned the objects
// in. The expected order is written out by hand; every shuffle must sort back to it and
// less() must agree with it for every pair (so it is a strict order, not just "sorts").
#include "inventory/objectorder.h"

#include <QTest>

#include <algorithm>
#include <random>

namespace {
struct Spec {
    CK_OBJECT_CLASS cls;
    std::optional<QByteArray> label; // nullopt: the module did not tell it
    std::optional<QByteArray> id;
    const char *uri = "";
};

ObjectInfo make(const Spec &s)
{
    ObjectInfo o;
    o.cls = s.cls;
    o.attrs.set(CKA_CLASS, QByteArray(reinterpret_cast<const char *>(&s.cls), sizeof s.cls));
    if (s.label) {
        o.label = *s.label;
        o.attrs.set(CKA_LABEL, *s.label);
    }
    if (s.id) {
        o.id = *s.id;
        o.attrs.set(CKA_ID, *s.id);
    }
    o.uri = QString::fromLatin1(s.uri);
    return o;
}

QString describe(const ObjectInfo &o)
{
    return QStringLiteral("%1/%2/%3/%4")
        .arg(o.cls)
        .arg(o.labelKnown() ? QString::fromLatin1(o.label.toHex()) : QStringLiteral("?"),
             o.idKnown() ? QString::fromLatin1(o.id.toHex()) : QStringLiteral("?"), o.uri);
}

QStringList describe(const std::vector<ObjectInfo> &v)
{
    QStringList out;
    for (const ObjectInfo &o : v)
        out << describe(o);
    return out;
}

QByteArray b(const char *s) { return QByteArray(s); }
QByteArray hex(const char *s) { return QByteArray::fromHex(s); }
} // namespace

class TestObjectOrder : public QObject {
    Q_OBJECT

    // The expected order, by hand: class, then label (unknown first, then
    // case-insensitively, then exactly), then ID (unknown first, then bytes as unsigned),
    // then URI.
    static std::vector<ObjectInfo> expected()
    {
        const std::vector<Spec> specs = {
            {CKO_PRIVATE_KEY, std::nullopt, hex("01")},          // label unknown: first
            {CKO_PRIVATE_KEY, b(""), hex("01")},                 // empty but known label
            {CKO_PRIVATE_KEY, b("Alpha"), hex("ff")},            // same letters: "A" (0x41) before "a"
            {CKO_PRIVATE_KEY, b("alpha"), std::nullopt},         // unknown ID first
            {CKO_PRIVATE_KEY, b("alpha"), b("")},                // then the empty ID
            {CKO_PRIVATE_KEY, b("alpha"), hex("01")},
            {CKO_PRIVATE_KEY, b("alpha"), hex("0102")},          // prefix first
            {CKO_PRIVATE_KEY, b("alpha"), hex("7f")},
            {CKO_PRIVATE_KEY, b("alpha"), hex("80")},            // unsigned: 0x80 after 0x7f
            {CKO_PRIVATE_KEY, b("beta"), hex("01"), "pkcs11:a"}, // equal labels and IDs: by URI
            {CKO_PRIVATE_KEY, b("beta"), hex("01"), "pkcs11:b"},
            {CKO_PRIVATE_KEY, b("Gamma"), hex("01")},            // case-insensitive: beta < Gamma < zeta
            {CKO_PRIVATE_KEY, b("zeta"), hex("01")},
            {CKO_PRIVATE_KEY, b("\xc3\x89mile"), hex("01")},     // "Émile" (U+00C9) after ASCII
            {CKO_PRIVATE_KEY, b("\xc3\xa9mile"), hex("01")},     // "émile": case-insensitively equal, then bytes
            {CKO_PRIVATE_KEY, b("\xfe"), hex("01")},             // invalid UTF-8: by bytes
            {CKO_PRIVATE_KEY, b("\xff"), hex("01")},
            {CKO_PUBLIC_KEY, std::nullopt, std::nullopt},
            {CKO_PUBLIC_KEY, b("alpha"), hex("01")},
            {CKO_CERTIFICATE, b("alpha"), hex("01")},
            {CKO_CERTIFICATE, b("beta"), hex("00")},
            {CKO_SECRET_KEY, b("aes"), hex("01")},
            {CKO_DATA, b("app data"), std::nullopt},
            {CKO_HW_FEATURE, b("a"), std::nullopt},              // the others by class number
            {CKO_DOMAIN_PARAMETERS, b("a"), std::nullopt},
            {CKO_MECHANISM, b("a"), std::nullopt},
            {CKO_VENDOR_DEFINED | 1, std::nullopt, std::nullopt},
        };
        std::vector<ObjectInfo> out;
        for (const Spec &s : specs)
            out.push_back(make(s));
        return out;
    }

private Q_SLOTS:
    void everyPairAgrees()
    {
        const std::vector<ObjectInfo> e = expected();
        for (std::size_t i = 0; i < e.size(); ++i) {
            QVERIFY2(!ObjectOrder::less(e[i], e[i]), qPrintable(describe(e[i])));
            for (std::size_t j = 0; j < e.size(); ++j) {
                if (ObjectOrder::less(e[i], e[j]) != (i < j))
                    QFAIL(qPrintable(QStringLiteral("less(%1, %2) should be %3")
                                         .arg(describe(e[i]), describe(e[j]), i < j ? QStringLiteral("true")
                                                                                    : QStringLiteral("false"))));
            }
        }
    }

    void shuffledSortsBack_data()
    {
        QTest::addColumn<int>("seed"); // 0: reversed
        QTest::newRow("reversed") << 0;
        for (int seed : {1, 2, 3, 17, 4711, 65537})
            QTest::newRow(qPrintable(QStringLiteral("shuffle %1").arg(seed))) << seed;
    }

    void shuffledSortsBack()
    {
        QFETCH(int, seed);
        const std::vector<ObjectInfo> e = expected();
        std::vector<ObjectInfo> v = e;
        if (seed == 0)
            std::reverse(v.begin(), v.end());
        else
            std::shuffle(v.begin(), v.end(), std::mt19937(unsigned(seed)));
        ObjectOrder::sort(v);
        QCOMPARE(describe(v), describe(e));
    }

    void classRanks_data()
    {
        QTest::addColumn<qulonglong>("cls");
        QTest::addColumn<int>("rank");
        QTest::newRow("private key") << qulonglong(CKO_PRIVATE_KEY) << 0;
        QTest::newRow("public key") << qulonglong(CKO_PUBLIC_KEY) << 1;
        QTest::newRow("certificate") << qulonglong(CKO_CERTIFICATE) << 2;
        QTest::newRow("secret key") << qulonglong(CKO_SECRET_KEY) << 3;
        QTest::newRow("data") << qulonglong(CKO_DATA) << 4;
        QTest::newRow("hardware feature") << qulonglong(CKO_HW_FEATURE) << 5;
        QTest::newRow("vendor") << qulonglong(CKO_VENDOR_DEFINED) << 5;
    }

    void classRanks()
    {
        QFETCH(qulonglong, cls);
        QFETCH(int, rank);
        QCOMPARE(ObjectOrder::classRank(CK_OBJECT_CLASS(cls)), rank);
    }
};

QTEST_GUILESS_MAIN(TestObjectOrder)
#include "test_objectorder.moc"
