// SPDX-License-Identifier: GPL-3.0-or-later
// "Show all attributes…" against independent oracles, object by object (table-driven):
// pkcs11-tool -O (label, ID, key type and size, usage and access flags, what it could not
// read because it is sensitive), openssl on the objects pkcs11-tool --read-object exports
// (the RSA modulus and exponent, a certificate's subject and issuer), and the files that
// were written (a data object's value). Copy per row and Copy all say "Copied".
#include "commandtestbench.h"

#include "attributes/attributecatalog.h"
#include "attributes/attributetext.h"
#include "dialogs/attributesdialog.h"
#include "dialogs/copybutton.h"

#include <QClipboard>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>

namespace {
const QString kToken = QStringLiteral("Attributes");

// One object in pkcs11-tool -O: its header line and its "key: value" lines.
struct ToolObject {
    QString header;
    QMap<QString, QString> fields;
};

QList<ToolObject> parseTool(const QByteArray &out)
{
    QList<ToolObject> objects;
    static const QRegularExpression field(QStringLiteral("^\\s+(\\w[\\w ]*):\\s*(.*)$"));
    for (const QString &line : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
        if (line.isEmpty() || line.startsWith(QLatin1String("Using slot")) || line.startsWith(QLatin1String("warning")))
            continue;
        if (!line.front().isSpace()) {
            objects.append(ToolObject{line.trimmed(), {}});
            continue;
        }
        const auto m = field.match(line);
        if (!objects.isEmpty() && m.hasMatch()) {
            QString v = m.captured(2).trimmed();
            if (v.size() >= 2 && v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))
                v = v.mid(1, v.size() - 2);
            objects.last().fields.insert(m.captured(1).trimmed(), v);
        }
    }
    return objects;
}

QString spacedHex(QString hex)
{
    hex = hex.trimmed().toLower();
    QStringList bytes;
    for (int i = 0; i + 1 < hex.size(); i += 2)
        bytes << hex.mid(i, 2);
    return bytes.join(QLatin1Char(' '));
}
} // namespace

class TestAttributeView : public QObject {
    Q_OBJECT
    CommandTestBench m_bench;
    TokenRef m_ref;
    QList<ToolObject> m_tool;

    // The dialog for an object, loaded.
    std::unique_ptr<AttributesDialog> open(CK_OBJECT_CLASS cls, const QString &label)
    {
        const TokenContents c = m_bench.contents(m_ref);
        const ObjectInfo *o = CommandTestBench::find(c, cls, label);
        if (!o)
            return nullptr;
        auto d = std::make_unique<AttributesDialog>(m_bench.inventory(), m_ref, *o);
        d->show();
        QSignalSpy loaded(d.get(), &AttributesDialog::loaded);
        if (!d->isLoaded() && !loaded.wait(30000))
            return nullptr;
        return d;
    }
    const ToolObject *tool(const QString &headerStart, const QString &label) const
    {
        for (const ToolObject &o : m_tool)
            if (o.header.startsWith(headerStart) && o.fields.value(QStringLiteral("label")) == label)
                return &o;
        return nullptr;
    }
    QByteArray readObject(const QString &type, const QString &id)
    {
        const QString out = m_bench.path(QStringLiteral("read-%1-%2.der").arg(type, id));
        m_bench.tool(kToken, {QStringLiteral("--read-object"), QStringLiteral("--type"), type, QStringLiteral("--id"), id,
                              QStringLiteral("--output-file"), out});
        return CommandTestBench::readFile(out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bench.initToken(kToken);
        m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("rsa:2048"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("rsa")});
        m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                              QStringLiteral("--id"), QStringLiteral("02"), QStringLiteral("--label"), QStringLiteral("ec")});
        const QString cert = m_bench.certificateFor(kToken, QStringLiteral("02"), QStringLiteral("Attribute View Test"));
        m_bench.tool(kToken, {QStringLiteral("--write-object"), cert, QStringLiteral("--type"), QStringLiteral("cert"),
                              QStringLiteral("--id"), QStringLiteral("02"), QStringLiteral("--label"), QStringLiteral("ec")});
        m_bench.tool(kToken, {QStringLiteral("--keygen"), QStringLiteral("--key-type"), QStringLiteral("AES:16"),
                              QStringLiteral("--id"), QStringLiteral("0a"), QStringLiteral("--label"), QStringLiteral("secret")});
        const QString note = m_bench.path(QStringLiteral("note.bin"));
        CommandTestBench::writeFile(note, QByteArray("\x01\x02hello\xff", 8));
        m_bench.tool(kToken, {QStringLiteral("--write-object"), note, QStringLiteral("--type"), QStringLiteral("data"),
                              QStringLiteral("--label"), QStringLiteral("note"), QStringLiteral("--application-label"),
                              QStringLiteral("tokendesk-test")});
        m_ref = m_bench.open(kToken);
        m_tool = parseTool(m_bench.tool(kToken, {QStringLiteral("-O")}));
    }

    // Label, ID, class and the flags pkcs11-tool prints, for every kind of object.
    void commonAttributesMatchPkcs11Tool_data()
    {
        QTest::addColumn<qulonglong>("cls");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("className");
        QTest::newRow("RSA private key") << qulonglong(CKO_PRIVATE_KEY) << "rsa" << "Private Key Object; RSA" << "CKO_PRIVATE_KEY";
        QTest::newRow("RSA public key") << qulonglong(CKO_PUBLIC_KEY) << "rsa" << "Public Key Object; RSA" << "CKO_PUBLIC_KEY";
        QTest::newRow("EC private key") << qulonglong(CKO_PRIVATE_KEY) << "ec" << "Private Key Object; EC" << "CKO_PRIVATE_KEY";
        QTest::newRow("EC public key") << qulonglong(CKO_PUBLIC_KEY) << "ec" << "Public Key Object; EC" << "CKO_PUBLIC_KEY";
        QTest::newRow("certificate") << qulonglong(CKO_CERTIFICATE) << "ec" << "Certificate Object" << "CKO_CERTIFICATE";
        QTest::newRow("AES key") << qulonglong(CKO_SECRET_KEY) << "secret" << "Secret Key Object; AES" << "CKO_SECRET_KEY";
        QTest::newRow("data object") << qulonglong(CKO_DATA) << "note" << "Data object" << "CKO_DATA";
    }

    void commonAttributesMatchPkcs11Tool()
    {
        QFETCH(qulonglong, cls);
        QFETCH(QString, label);
        QFETCH(QString, header);
        QFETCH(QString, className);
        const ToolObject *t = tool(header, label);
        QVERIFY2(t, qPrintable(header));
        auto d = open(CK_OBJECT_CLASS(cls), label);
        QVERIFY(d);
        QCOMPARE(d->valueOf(QStringLiteral("CKA_CLASS")), className);
        QCOMPARE(d->valueOf(QStringLiteral("CKA_LABEL")), label);
        if (t->fields.contains(QStringLiteral("ID")))
            QCOMPARE(d->valueOf(QStringLiteral("CKA_ID")), spacedHex(t->fields.value(QStringLiteral("ID"))));
        // Usage and access flags as pkcs11-tool words them.
        const QStringList usage = t->fields.value(QStringLiteral("Usage")).split(QStringLiteral(", "), Qt::SkipEmptyParts);
        const QList<QPair<QString, QString>> usageNames{{QStringLiteral("sign"), QStringLiteral("CKA_SIGN")},
                                                        {QStringLiteral("verify"), QStringLiteral("CKA_VERIFY")},
                                                        {QStringLiteral("decrypt"), QStringLiteral("CKA_DECRYPT")},
                                                        {QStringLiteral("encrypt"), QStringLiteral("CKA_ENCRYPT")},
                                                        {QStringLiteral("wrap"), QStringLiteral("CKA_WRAP")},
                                                        {QStringLiteral("unwrap"), QStringLiteral("CKA_UNWRAP")}};
        if (t->fields.contains(QStringLiteral("Usage")))
            for (const auto &[word, attribute] : usageNames)
                // pkcs11-tool's usage line of a secret key leaves out sign (it prints "verify" only).
                if (!d->valueOf(attribute).isEmpty() && !(cls == CKO_SECRET_KEY && word == QLatin1String("sign")))
                    QVERIFY2((d->valueOf(attribute) == QLatin1String("true")) == usage.contains(word),
                             qPrintable(QStringLiteral("%1 = %2, pkcs11-tool: %3").arg(attribute, d->valueOf(attribute), usage.join(QLatin1Char(',')))));
        const QString access = t->fields.value(QStringLiteral("Access"));
        if (!access.isEmpty()) {
            const QStringList words = access.split(QStringLiteral(", "));
            QCOMPARE(d->valueOf(QStringLiteral("CKA_LOCAL")) == QLatin1String("true"), words.contains(QStringLiteral("local")));
            if (!d->valueOf(QStringLiteral("CKA_SENSITIVE")).isEmpty())
                QCOMPARE(d->valueOf(QStringLiteral("CKA_SENSITIVE")) == QLatin1String("true"), words.contains(QStringLiteral("sensitive")));
            QCOMPARE(d->valueOf(QStringLiteral("CKA_NEVER_EXTRACTABLE")) == QLatin1String("true"),
                     words.contains(QStringLiteral("never extractable")));
        }
        // Every row has a name from the table, a type and a value; nothing was asked twice.
        QSet<QString> names;
        for (int r = 0; r < d->table()->rowCount(); ++r) {
            const QString name = d->table()->item(r, AttributesDialog::NameColumn)->text();
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QVERIFY(!d->table()->item(r, AttributesDialog::TypeColumn)->text().isEmpty());
            QVERIFY(!d->table()->item(r, AttributesDialog::ValueColumn)->text().isEmpty());
        }
        QVERIFY(!names.contains(QStringLiteral("CKA_MODULUS")) || cls != CKO_DATA);
    }

    void rsaKeyMatchesOpenssl()
    {
        auto priv = open(CKO_PRIVATE_KEY, QStringLiteral("rsa"));
        QVERIFY(priv);
        QCOMPARE(priv->valueOf(QStringLiteral("CKA_KEY_TYPE")), QStringLiteral("CKK_RSA"));
        // The private exponent never leaves the token: shown as sensitive, as the module answers.
        QCOMPARE(priv->valueOf(QStringLiteral("CKA_PRIVATE_EXPONENT")), QStringLiteral("(sensitive)"));
        QCOMPARE(priv->valueOf(QStringLiteral("CKA_PRIME_1")), QStringLiteral("(sensitive)"));
        QCOMPARE(priv->valueOf(QStringLiteral("CKA_SENSITIVE")), QStringLiteral("true"));
        auto pub = open(CKO_PUBLIC_KEY, QStringLiteral("rsa"));
        QVERIFY(pub);
        QCOMPARE(pub->valueOf(QStringLiteral("CKA_MODULUS_BITS")), QStringLiteral("2048"));
        QVERIFY(tool(QStringLiteral("Public Key Object; RSA 2048 bits"), QStringLiteral("rsa")));
        // Modulus and exponent as openssl reads them from the public key pkcs11-tool exports.
        const QString der = m_bench.path(QStringLiteral("rsa-pub.der"));
        CommandTestBench::writeFile(der, readObject(QStringLiteral("pubkey"), QStringLiteral("01")));
        const QString modulus = QString::fromLatin1(CommandTestBench::openssl({QStringLiteral("rsa"), QStringLiteral("-pubin"),
                                                                              QStringLiteral("-inform"), QStringLiteral("DER"),
                                                                              QStringLiteral("-in"), der, QStringLiteral("-noout"),
                                                                              QStringLiteral("-modulus")}))
                                    .section(QLatin1Char('='), 1);
        QVERIFY(!modulus.trimmed().isEmpty());
        QVERIFY(QApplication::clipboard()); // Copy all carries the raw bytes next to the words.
        QTest::mouseClick(pub->copyAllButton(), Qt::LeftButton);
        QCOMPARE(pub->copyAllButton()->text(), QStringLiteral("Copied"));
        const QString all = QApplication::clipboard()->text();
        QVERIFY2(all.contains(QStringLiteral("CKA_MODULUS (big integer): 2048-bit integer [%1]").arg(spacedHex(modulus))),
                 qPrintable(all.left(2000)));
        QCOMPARE(pub->valueOf(QStringLiteral("CKA_PUBLIC_EXPONENT")), QStringLiteral("65537"));
        QTRY_COMPARE_WITH_TIMEOUT(pub->copyAllButton()->text(), QStringLiteral("Copy &all"), CopyButton::kFeedbackMs * 4);
    }

    void ecAndCertificateDecoded()
    {
        auto pub = open(CKO_PUBLIC_KEY, QStringLiteral("ec"));
        QVERIFY(pub);
        QVERIFY2(pub->valueOf(QStringLiteral("CKA_EC_PARAMS")).contains(QLatin1String("prime256v1")),
                 qPrintable(pub->valueOf(QStringLiteral("CKA_EC_PARAMS"))));
        auto cert = open(CKO_CERTIFICATE, QStringLiteral("ec"));
        QVERIFY(cert);
        QCOMPARE(cert->valueOf(QStringLiteral("CKA_CERTIFICATE_TYPE")), QStringLiteral("CKC_X_509"));
        const QString der = m_bench.path(QStringLiteral("cert.der"));
        CommandTestBench::writeFile(der, readObject(QStringLiteral("cert"), QStringLiteral("02")));
        auto name = [&](const QString &which) {
            return QString::fromUtf8(CommandTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                                QStringLiteral("-in"), der, QStringLiteral("-noout"), which,
                                                                QStringLiteral("-nameopt"), QStringLiteral("RFC2253")}))
                .section(QLatin1Char('='), 1)
                .trimmed();
        };
        QCOMPARE(cert->valueOf(QStringLiteral("CKA_SUBJECT")), name(QStringLiteral("-subject")));
        QCOMPARE(cert->valueOf(QStringLiteral("CKA_ISSUER")), name(QStringLiteral("-issuer")));
        // Per-row copy: the button of the CKA_SUBJECT row copies its value.
        for (int r = 0; r < cert->table()->rowCount(); ++r) {
            if (cert->table()->item(r, AttributesDialog::NameColumn)->text() != QLatin1String("CKA_SUBJECT"))
                continue;
            auto *copy = qobject_cast<QAbstractButton *>(cert->table()->cellWidget(r, AttributesDialog::CopyColumn));
            QVERIFY(copy);
            QTest::mouseClick(copy, Qt::LeftButton);
            QCOMPARE(copy->text(), QStringLiteral("Copied"));
            QCOMPARE(QApplication::clipboard()->text(), name(QStringLiteral("-subject")));
        }
    }

    void secretAndDataObjects()
    {
        auto secret = open(CKO_SECRET_KEY, QStringLiteral("secret"));
        QVERIFY(secret);
        QCOMPARE(secret->valueOf(QStringLiteral("CKA_KEY_TYPE")), QStringLiteral("CKK_AES"));
        QCOMPARE(secret->valueOf(QStringLiteral("CKA_VALUE_LEN")), QStringLiteral("16"));
        // pkcs11-tool could not read the value either (it warns CKR_ATTRIBUTE_SENSITIVE).
        QCOMPARE(secret->valueOf(QStringLiteral("CKA_VALUE")), QStringLiteral("(sensitive)"));
        QByteArray err;
        SoftHsmFixture::runStatus(QStringLiteral("pkcs11-tool"),
                                  {QStringLiteral("--module"), SoftHsmFixture::softhsmModule(), QStringLiteral("--token-label"), kToken,
                                   QStringLiteral("-l"), QStringLiteral("-p"), CommandTestBench::pin(), QStringLiteral("-O"),
                                   QStringLiteral("--type"), QStringLiteral("secrkey")},
                                  nullptr, &err);
        QVERIFY2(err.contains("CKR_ATTRIBUTE_SENSITIVE"), err.constData());
        auto data = open(CKO_DATA, QStringLiteral("note"));
        QVERIFY(data);
        QCOMPARE(data->valueOf(QStringLiteral("CKA_APPLICATION")), tool(QStringLiteral("Data object"), QStringLiteral("note"))->fields.value(QStringLiteral("application")));
        // Not printable text: the bytes that were written, in hex.
        QCOMPARE(data->valueOf(QStringLiteral("CKA_VALUE")), QStringLiteral("01 02 68 65 6c 6c 6f ff"));
    }

    // The type column in the words people use: the PKCS#11 text type is UTF-8 (the spec's
    // "RFC 2279 string" names an obsolete RFC), the DER types say what they hold.
    void typeNamesAreReadable_data()
    {
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<QString>("type");
        QTest::newRow("label") << "CKA_LABEL" << "UTF-8 string";
        QTest::newRow("subject") << "CKA_SUBJECT" << "DER name";
        QTest::newRow("value") << "CKA_VALUE" << "byte array";
        QTest::newRow("class") << "CKA_CLASS" << "CK_OBJECT_CLASS";
        QTest::newRow("token") << "CKA_TOKEN" << "CK_BBOOL";
    }
    void typeNamesAreReadable()
    {
        QFETCH(QString, attribute);
        QFETCH(QString, type);
        auto cert = open(CKO_CERTIFICATE, QStringLiteral("ec"));
        QVERIFY(cert);
        QString shown;
        for (int r = 0; r < cert->table()->rowCount(); ++r) {
            const QString t = cert->table()->item(r, AttributesDialog::TypeColumn)->text();
            QVERIFY2(!t.contains(QLatin1String("RFC 2279")), qPrintable(t));
            if (cert->table()->item(r, AttributesDialog::NameColumn)->text() == attribute)
                shown = t;
        }
        QCOMPARE(shown, type);
    }

    void everyStandardTypeIsAskedOnce()
    {
        QSet<CK_ATTRIBUTE_TYPE> seen;
        int count = 0;
        for (const AttributeInfo *a = AttributeCatalog::begin(); a != AttributeCatalog::end(); ++a, ++count) {
            QVERIFY2(!seen.contains(a->type), a->name);
            seen.insert(a->type);
        }
        // p11-kit's pkcs11.h: 105 CKA_ defines besides CKA_VENDOR_DEFINED and the CKA_ECDSA_PARAMS alias, plus two of 3.0.
        const QByteArray header = CommandTestBench::readFile(QStringLiteral("/usr/include/p11-kit-1/p11-kit/pkcs11.h"));
        const int defines = int(QString::fromLatin1(header).count(QRegularExpression(QStringLiteral("#define\\s+CKA_\\w+\\s"))));
        QCOMPARE(count, defines - 2 + 2);
    }
};

QTEST_MAIN(TestAttributeView)
#include "test_attributeview.moc"
