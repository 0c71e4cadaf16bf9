// SPDX-License-Identifier: GPL-3.0-or-later
// The token tree's model on its own: certificate and key columns, expiry badges
// (fixed dates, injected clock), the token summary, the warning period, the
// object order, data objects, escaping, and how many signals a big token costs.
// Certificate facts are checked against `openssl x509` of the same DER; the
// object list against `pkcs11-tool -O`.
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "inventory/objectorder.h"
#include "models/tokentreemodel.h"
#include "p11/module.h"
#include "widgets/datavalue.h"
#include "widgets/detailpane.h"
#include "widgets/scrollanchor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QStyle>
#include <QFile>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <map>
#include <random>

namespace {
const QDateTime kNow(QDate(2030, 6, 15), QTime(12, 0), Qt::UTC);

struct DatedCert {
    const char *label;
    const char *cn;
    const char *notBefore;
    const char *notAfter;
    const char *id;
    CertificateValidity expected; // at kNow with the default 30 days
};
const DatedCert kCerts[] = {
    {"expired", "Expired Person", "2029-01-01T00:00:00Z", "2030-06-01T00:00:00Z", "a1", CertificateValidity::Expired},
    {"soon", "Soon Person", "2029-01-01T00:00:00Z", "2030-06-27T12:00:00Z", "a2", CertificateValidity::ExpiringSoon},
    {"valid", "Valid Person", "2029-01-01T00:00:00Z", "2031-06-15T00:00:00Z", "a3", CertificateValidity::Valid},
    {"Future", "Future Person", "2030-07-01T00:00:00Z", "2032-01-01T00:00:00Z", "a4", CertificateValidity::NotYetValid},
};

QString s(const char *c) { return QString::fromUtf8(c); }

// What `openssl x509` says of a DER certificate: the CN and notAfter (UTC).
std::pair<QString, QDateTime> opensslFacts(const QString &derPath)
{
    const QString out = QString::fromUtf8(SoftHsmFixture::run(
        QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                                    derPath, QStringLiteral("-noout"), QStringLiteral("-subject"), QStringLiteral("-enddate"),
                                    QStringLiteral("-nameopt"), QStringLiteral("RFC2253")}));
    const QString cn = QRegularExpression(QStringLiteral("CN=([^,\\n]+)")).match(out).captured(1);
    const QString end = QRegularExpression(QStringLiteral("notAfter=(.*) GMT")).match(out).captured(1).simplified();
    QDateTime t = QDateTime::fromString(end, QStringLiteral("MMM d HH:mm:ss yyyy"));
    t.setTimeSpec(Qt::UTC);
    return {cn, t};
}

ObjectInfo syntheticObject(CK_OBJECT_CLASS cls, const QByteArray &id, const QByteArray &label, const QByteArray &value,
                           CK_OBJECT_HANDLE handle)
{
    ObjectInfo o;
    o.cls = cls;
    o.id = id;
    o.label = label;
    o.handle = handle;
    o.uri = QStringLiteral("pkcs11:object=") + QString::fromLatin1(label.toPercentEncoding());
    o.attrs.set(CKA_ID, id);
    o.attrs.set(CKA_LABEL, label);
    if (!value.isEmpty())
        o.attrs.set(CKA_VALUE, value);
    return o;
}

ModuleSnapshot syntheticModule(const QList<std::pair<CK_SLOT_ID, QString>> &tokens)
{
    ModuleSnapshot m;
    m.path = QStringLiteral("/synthetic/module.so");
    m.name = QStringLiteral("synthetic");
    for (const auto &[slot, serial] : tokens) {
        SlotSnapshot sl;
        sl.id = slot;
        sl.description = QStringLiteral("slot %1").arg(slot);
        sl.flags = CKF_TOKEN_PRESENT;
        if (!serial.isEmpty()) {
            TokenSnapshot t;
            t.id = TokenIdentity{QStringLiteral("Synthetic"), QStringLiteral("Model"), serial, std::nullopt};
            t.label = QStringLiteral("token ") + serial;
            t.info.flags = CKF_TOKEN_INITIALIZED;
            sl.token = t;
        }
        m.slots.push_back(sl);
    }
    return m;
}
} // namespace

class TestTreeModel : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    ModuleSnapshot m_module;
    TokenRef m_ref;
    TokenContents m_contents;
    QByteArray m_soonDer;

    QString file(const QString &name) const { return m_hsm.dir() + QLatin1Char('/') + name; }
    void tool(const QStringList &args) { m_hsm.pkcs11Tool(QStringLiteral("Expiry"), args); }

    // A model holding the SoftHSM token, judged at kNow.
    std::unique_ptr<TokenTreeModel> loadedModel()
    {
        auto model = std::make_unique<TokenTreeModel>();
        model->setClock([] { return kNow; });
        model->updateModule(m_module);
        model->updateTokenContents(m_module.path, m_contents);
        return model;
    }
    static QModelIndex findObject(const TokenTreeModel &m, const QString &label, CK_OBJECT_CLASS cls = CKO_CERTIFICATE)
    {
        std::function<QModelIndex(const QModelIndex &)> walk = [&](const QModelIndex &parent) -> QModelIndex {
            for (int r = 0; r < m.rowCount(parent); ++r) {
                const QModelIndex i = m.index(r, 0, parent);
                const TreeNode *n = m.node(i);
                if (n->object() && n->object()->object.cls == cls && n->object()->object.labelText() == label)
                    return i;
                if (const QModelIndex d = walk(i); d.isValid())
                    return d;
            }
            return {};
        };
        return walk({});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Expiry"));
        // Everything written in a shuffled order: the tree must not show the module's order.
        struct Write {
            std::function<void()> run;
        };
        std::vector<Write> writes;
        for (const DatedCert &c : kCerts) {
            const QString prefix = file(s(c.label));
            SoftHsmFixture::run(QStringLiteral("python3"), {QStringLiteral(TOKENDESK_DATED_CERT_SCRIPT), prefix, s(c.cn),
                                                            s(c.notBefore), s(c.notAfter), s(c.id) + QStringLiteral("07")});
            writes.push_back({[this, c, prefix] {
                tool({QStringLiteral("--write-object"), prefix + QStringLiteral(".crt.der"), QStringLiteral("--type"),
                      QStringLiteral("cert"), QStringLiteral("--id"), s(c.id), QStringLiteral("--label"), s(c.label)});
                if (QByteArray(c.id) == "a2") {
                    // The soon-expiring certificate has its key pair on the token.
                    tool({QStringLiteral("--write-object"), prefix + QStringLiteral(".key.der"), QStringLiteral("--type"),
                          QStringLiteral("privkey"), QStringLiteral("--id"), s(c.id), QStringLiteral("--label"),
                          QStringLiteral("soon-key")});
                    tool({QStringLiteral("--write-object"), prefix + QStringLiteral(".pub.der"), QStringLiteral("--type"),
                          QStringLiteral("pubkey"), QStringLiteral("--id"), s(c.id), QStringLiteral("--label"),
                          QStringLiteral("soon-key")});
                }
            }});
        }
        // Two certificates with one label: ordered by CKA_ID.
        for (const char *id : {"b2", "b1"})
            writes.push_back({[this, id] {
                tool({QStringLiteral("--write-object"), file(QStringLiteral("valid.crt.der")), QStringLiteral("--type"),
                      QStringLiteral("cert"), QStringLiteral("--id"), s(id), QStringLiteral("--label"), QStringLiteral("same")});
            }});
        for (const char *label : {"Beta-aes", "alpha-aes"})
            writes.push_back({[this, label] {
                tool({QStringLiteral("--keygen"), QStringLiteral("--key-type"), QStringLiteral("aes:16"), QStringLiteral("--label"),
                      s(label), QStringLiteral("--id"), QStringLiteral("c1")});
            }});
        writes.push_back({[this] {
            QFile f(file(QStringLiteral("text.bin")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Badge 4711\nroom 2.14");
            f.close();
            tool({QStringLiteral("--write-object"), f.fileName(), QStringLiteral("--type"), QStringLiteral("data"),
                  QStringLiteral("--label"), QStringLiteral("zeta-data"), QStringLiteral("--application-label"),
                  QStringLiteral("TokenDesk Tests"), QStringLiteral("--application-id"), QStringLiteral("1.3.6.1.4.1.99999.1.2")});
        }});
        writes.push_back({[this] {
            QFile f(file(QStringLiteral("binary.bin")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::fromHex("0001ff1b41"));
            f.close();
            tool({QStringLiteral("--write-object"), f.fileName(), QStringLiteral("--type"), QStringLiteral("data"),
                  QStringLiteral("--label"), QStringLiteral("Alpha-data"), QStringLiteral("--application-label"),
                  QStringLiteral("TokenDesk Tests"), QStringLiteral("--application-id"), QStringLiteral("2.5.4.3")});
        }});
        std::shuffle(writes.begin(), writes.end(), std::mt19937(20300615));
        for (const Write &w : writes)
            w.run();
        QFile soon(file(QStringLiteral("soon.crt.der")));
        QVERIFY(soon.open(QIODevice::ReadOnly));
        m_soonDer = soon.readAll();

        m_inventory = std::make_unique<Inventory>(m_registry);
        QFuture<ModuleSnapshot> scan = m_inventory->scan(ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false});
        QTRY_VERIFY_WITH_TIMEOUT(scan.isFinished(), 20000);
        m_module = scan.result();
        for (const SlotSnapshot &sl : m_module.slots)
            if (sl.token && sl.token->label == QLatin1String("Expiry"))
                m_ref = TokenRef{m_module.path, sl.id, sl.token->id};
        QVERIFY(!m_ref.modulePath.isEmpty());
        QFuture<void> login = m_inventory->login(m_ref, CKU_USER, SecureBytes::fromUtf8("1234"));
        QTRY_VERIFY_WITH_TIMEOUT(login.isFinished(), 20000);
        QFuture<TokenContents> objects = m_inventory->readObjects(m_ref);
        QTRY_VERIFY_WITH_TIMEOUT(objects.isFinished(), 20000);
        m_contents = objects.result();
    }

    void certificateColumnsAndBadges_data()
    {
        QTest::addColumn<int>("which");
        for (int i = 0; i < int(std::size(kCerts)); ++i)
            QTest::newRow(kCerts[i].label) << i;
    }
    void certificateColumnsAndBadges()
    {
        QFETCH(int, which);
        const DatedCert &c = kCerts[which];
        auto model = loadedModel();
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QModelIndex row = findObject(*model, s(c.label));
        QVERIFY(row.isValid());
        const auto [cn, notAfter] = opensslFacts(file(s(c.label) + QStringLiteral(".crt.der")));
        QCOMPARE(cn, s(c.cn));
        // The subject's name in the details, the expiry date in its own column.
        QVERIFY2(row.siblingAtColumn(TokenTreeModel::InfoColumn).data().toString().startsWith(cn),
                 qPrintable(row.siblingAtColumn(TokenTreeModel::InfoColumn).data().toString()));
        const QModelIndex expiry = row.siblingAtColumn(TokenTreeModel::ExpiryColumn);
        QCOMPARE(expiry.data().toString(), notAfter.date().toString(Qt::ISODate));
        QCOMPARE(CertificateValidity(expiry.data(TokenTreeModel::ExpiryRole).toInt()), c.expected);
        // A badge (an icon, not only a colour) for every state but valid, and a tooltip in words.
        const bool badge = c.expected != CertificateValidity::Valid;
        QCOMPARE(expiry.data(Qt::DecorationRole).value<QIcon>().isNull(), !badge);
        QCOMPARE(expiry.data(Qt::ForegroundRole).isValid(), badge);
        const QString tip = expiry.data(Qt::ToolTipRole).toString();
        switch (c.expected) {
        case CertificateValidity::Expired: QCOMPARE(tip, QStringLiteral("expired 14 days ago (2030-06-01)")); break;
        case CertificateValidity::ExpiringSoon: QCOMPARE(tip, QStringLiteral("expires in 12 days (2030-06-27)")); break;
        case CertificateValidity::Valid: QCOMPARE(tip, QStringLiteral("expires in 364 days (2031-06-15)")); break;
        case CertificateValidity::NotYetValid: QCOMPARE(tip, QStringLiteral("not valid before 2030-07-01")); break;
        }
        // The detail pane says the same.
        const QString html = DetailPane::html(model->node(row), kNow);
        QVERIFY2(html.contains(tip.toHtmlEscaped()), qPrintable(html));
    }

    void badgesDifferByShape()
    {
        // Expired, soon and not-yet-valid badges must not be the same picture in another colour only.
        auto model = loadedModel();
        QList<QImage> images;
        for (const char *label : {"expired", "soon", "Future"}) {
            const QIcon icon = findObject(*model, s(label)).siblingAtColumn(TokenTreeModel::ExpiryColumn).data(Qt::DecorationRole).value<QIcon>();
            QImage img = icon.pixmap(32, 32).toImage().convertToFormat(QImage::Format_ARGB32);
            // Alpha only: the shape without the colour.
            QImage alpha(img.size(), QImage::Format_Grayscale8);
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x)
                    alpha.setPixel(x, y, qRgb(qAlpha(img.pixel(x, y)), qAlpha(img.pixel(x, y)), qAlpha(img.pixel(x, y))));
            images << alpha;
        }
        QVERIFY(images[0] != images[1]);
        QVERIFY(images[1] != images[2]);
    }

    // A pairing problem has its own mark on the name, not one that could pass for an
    // expiry badge (nor the style's warning triangle), and a tooltip that says what it is.
    void pairingMarkIsNotAnExpiryBadge()
    {
        // The soon certificate once more under another CKA_ID: same public key as the
        // soon-key pair, so consumers will not pair it (CKA_ID mismatch).
        TokenContents c = m_contents;
        const auto soon = std::find_if(c.objects.begin(), c.objects.end(), [](const ObjectInfo &o) {
            return o.cls == CKO_CERTIFICATE && o.labelText() == QLatin1String("soon");
        });
        QVERIFY(soon != c.objects.end());
        ObjectInfo moved = *soon;
        moved.id = QByteArray::fromHex("e9");
        moved.attrs.set(CKA_ID, moved.id);
        moved.label = "moved";
        moved.attrs.set(CKA_LABEL, moved.label);
        moved.handle = 0x7fff0001;
        c.objects.push_back(moved);
        auto model = loadedModel();
        model->updateTokenContents(m_module.path, c);
        const QModelIndex row = findObject(*model, QStringLiteral("moved"));
        QVERIFY(row.isValid());
        QVERIFY(model->node(row)->object()->pairing.isProblem());
        const auto alpha = [](const QIcon &icon) {
            return icon.pixmap(32, 32).toImage().convertToFormat(QImage::Format_ARGB32);
        };
        const QIcon mark = row.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY(!mark.isNull());
        // Unlike every expiry badge the tree shows, in shape and colour.
        for (const char *label : {"expired", "soon", "Future"}) {
            const QIcon badge = findObject(*model, s(label)).siblingAtColumn(TokenTreeModel::ExpiryColumn).data(Qt::DecorationRole).value<QIcon>();
            QVERIFY2(alpha(badge) != alpha(mark), label);
        }
        QVERIFY(alpha(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning)) != alpha(mark));
        // Its tooltip names the problem; its expiry cell keeps the certificate's own badge.
        const QString tip = row.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QStringLiteral("Pairing problem (not an expiry): ")), qPrintable(tip));
        QVERIFY2(tip.contains(model->node(row)->object()->pairing.summary()), qPrintable(tip));
        QCOMPARE(CertificateValidity(row.siblingAtColumn(TokenTreeModel::ExpiryColumn).data(TokenTreeModel::ExpiryRole).toInt()),
                 CertificateValidity::ExpiringSoon);
        // A row without a problem has no such mark.
        const QModelIndex fine = findObject(*model, QStringLiteral("same"));
        QVERIFY(alpha(fine.data(Qt::DecorationRole).value<QIcon>()) != alpha(mark));
    }

    void tokenSummarisesWorstExpiry()
    {
        auto model = loadedModel();
        const QModelIndex token = model->indexOfToken(m_ref.modulePath, m_ref.id);
        QVERIFY(token.isValid());
        const QModelIndex e = token.siblingAtColumn(TokenTreeModel::ExpiryColumn);
        QCOMPARE(CertificateValidity(e.data(TokenTreeModel::ExpiryRole).toInt()), CertificateValidity::Expired);
        QCOMPARE(e.data().toString(), QStringLiteral("2030-06-01"));
        QVERIFY(!e.data(Qt::DecorationRole).value<QIcon>().isNull());
        const QString tip = e.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Expired Person")) && tip.contains(QStringLiteral("expired 14 days ago")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("2 certificates expired or expiring within 30 days")), qPrintable(tip));
        // Without the expired certificate the soon one is the worst.
        TokenContents c = m_contents;
        c.objects.erase(std::remove_if(c.objects.begin(), c.objects.end(),
                                       [](const ObjectInfo &o) { return o.labelText() == QLatin1String("expired"); }),
                        c.objects.end());
        model->updateTokenContents(m_ref.modulePath, c);
        QCOMPARE(CertificateValidity(e.data(TokenTreeModel::ExpiryRole).toInt()), CertificateValidity::ExpiringSoon);
        QCOMPARE(e.data().toString(), QStringLiteral("2030-06-27"));
    }

    void warningPeriodChangesBadgesAtOnce()
    {
        auto model = loadedModel();
        const QModelIndex soon = findObject(*model, QStringLiteral("soon")).siblingAtColumn(TokenTreeModel::ExpiryColumn);
        const QModelIndex valid = findObject(*model, QStringLiteral("valid")).siblingAtColumn(TokenTreeModel::ExpiryColumn);
        QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
        struct Case {
            int days;
            CertificateValidity soon, valid;
        };
        for (const Case &k : {Case{10, CertificateValidity::Valid, CertificateValidity::Valid},
                              Case{13, CertificateValidity::ExpiringSoon, CertificateValidity::Valid},
                              Case{366, CertificateValidity::ExpiringSoon, CertificateValidity::ExpiringSoon},
                              Case{30, CertificateValidity::ExpiringSoon, CertificateValidity::Valid}}) {
            changed.clear();
            model->setExpiryWarningDays(k.days);
            QVERIFY(!changed.isEmpty()); // the views repaint without a restart
            QCOMPARE(CertificateValidity(soon.data(TokenTreeModel::ExpiryRole).toInt()), k.soon);
            QCOMPARE(CertificateValidity(valid.data(TokenTreeModel::ExpiryRole).toInt()), k.valid);
            QCOMPARE(valid.data(Qt::DecorationRole).value<QIcon>().isNull(), k.valid == CertificateValidity::Valid);
        }
    }

    void keyRowsShowAlgorithmAndCertificate()
    {
        auto model = loadedModel();
        for (CK_OBJECT_CLASS cls : {CK_OBJECT_CLASS(CKO_PRIVATE_KEY), CK_OBJECT_CLASS(CKO_PUBLIC_KEY)}) {
            const QModelIndex key = findObject(*model, QStringLiteral("soon-key"), cls);
            QVERIFY(key.isValid());
            const QString info = key.siblingAtColumn(TokenTreeModel::InfoColumn).data().toString();
            QVERIFY2(info.startsWith(QStringLiteral("EC P-256")) && info.contains(QStringLiteral("certificate “Soon Person”")),
                     qPrintable(info));
            const QModelIndex e = key.siblingAtColumn(TokenTreeModel::ExpiryColumn);
            QCOMPARE(e.data().toString(), QStringLiteral("2030-06-27"));
            QCOMPARE(CertificateValidity(e.data(TokenTreeModel::ExpiryRole).toInt()), CertificateValidity::ExpiringSoon);
            // The detail pane names the certificate, its expiry and links to it.
            const TreeNode *n = model->node(key);
            const QString html = DetailPane::html(n, kNow);
            QVERIFY2(html.contains(QStringLiteral("Soon Person")) && html.contains(QStringLiteral("expires in 12 days")), qPrintable(html));
            const QModelIndex cert = findObject(*model, QStringLiteral("soon"));
            QVERIFY(html.contains(QStringLiteral("href='object:%1'").arg(model->node(cert)->object()->object.handle)));
            QCOMPARE(model->indexOfObjectHandle(key, n->object()->pairing.partnerHandle), cert);
        }
        // A key with no certificate has no expiry.
        TokenContents c = m_contents;
        c.objects.erase(std::remove_if(c.objects.begin(), c.objects.end(),
                                       [](const ObjectInfo &o) { return o.cls == CKO_CERTIFICATE; }),
                        c.objects.end());
        model->updateTokenContents(m_ref.modulePath, c);
        const QModelIndex lonely = findObject(*model, QStringLiteral("soon-key"), CKO_PRIVATE_KEY);
        QVERIFY(!lonely.siblingAtColumn(TokenTreeModel::ExpiryColumn).data().isValid());
        QVERIFY(!lonely.siblingAtColumn(TokenTreeModel::InfoColumn).data().toString().contains(QStringLiteral("certificate")));
    }

    void objectsInOneOrder()
    {
        auto model = loadedModel();
        const QModelIndex token = model->indexOfToken(m_ref.modulePath, m_ref.id);
        QStringList rows;
        QStringList tree;
        for (int g = 0; g < model->rowCount(token); ++g) {
            const QModelIndex group = model->index(g, 0, token);
            rows << group.data().toString();
            for (int r = 0; r < model->rowCount(group); ++r) {
                const ObjectInfo &o = model->node(model->index(r, 0, group))->object()->object;
                rows << QStringLiteral("  ") + o.labelText() + QLatin1Char('/') + QString::fromLatin1(o.id.toHex());
                tree << QStringLiteral("%1|%2|%3").arg(o.cls).arg(o.labelText(), QString::fromLatin1(o.id.toHex()));
            }
        }
        // Class (ObjectOrder's), then label case-insensitively, then CKA_ID.
        const QStringList expected{
            QStringLiteral("Private keys"), QStringLiteral("  soon-key/a2"),
            QStringLiteral("Public keys"), QStringLiteral("  soon-key/a2"),
            QStringLiteral("Certificates"), QStringLiteral("  expired/a1"), QStringLiteral("  Future/a4"),
            QStringLiteral("  same/b1"), QStringLiteral("  same/b2"), QStringLiteral("  soon/a2"), QStringLiteral("  valid/a3"),
            QStringLiteral("Secret keys"), QStringLiteral("  alpha-aes/c1"), QStringLiteral("  Beta-aes/c1"),
            QStringLiteral("Data objects"), QStringLiteral("  Alpha-data/"), QStringLiteral("  zeta-data/")};
        QCOMPARE(rows, expected);
        // The same order whatever order the module lists them in.
        for (unsigned seed : {1u, 2u, 3u}) {
            TokenContents c = m_contents;
            std::shuffle(c.objects.begin(), c.objects.end(), std::mt19937(seed));
            TokenTreeModel other;
            other.updateModule(m_module);
            other.updateTokenContents(m_module.path, c);
            QStringList again;
            const QModelIndex t = other.indexOfToken(m_ref.modulePath, m_ref.id);
            for (int g = 0; g < other.rowCount(t); ++g)
                for (int r = 0; r < other.rowCount(other.index(g, 0, t)); ++r) {
                    const ObjectInfo &o = other.node(other.index(r, 0, other.index(g, 0, t)))->object()->object;
                    again << QStringLiteral("%1|%2|%3").arg(o.cls).arg(o.labelText(), QString::fromLatin1(o.id.toHex()));
                }
            QCOMPARE(again, tree);
        }
        // The same objects as pkcs11-tool lists (its order is the module's).
        const QString listing = QString::fromUtf8(m_hsm.pkcs11Tool(QStringLiteral("Expiry"), {QStringLiteral("-O")}));
        QStringList fromTool;
        CK_OBJECT_CLASS cls = CKO_DATA;
        QString label;
        auto flush = [&](const QString &id) { fromTool << QStringLiteral("%1|%2|%3").arg(cls).arg(label, id); };
        bool open = false;
        for (const QString &line : listing.split(QLatin1Char('\n'))) {
            static const QList<std::pair<QString, CK_OBJECT_CLASS>> heads{
                {QStringLiteral("Private Key Object"), CKO_PRIVATE_KEY}, {QStringLiteral("Public Key Object"), CKO_PUBLIC_KEY},
                {QStringLiteral("Certificate Object"), CKO_CERTIFICATE}, {QStringLiteral("Secret Key Object"), CKO_SECRET_KEY},
                {QStringLiteral("Data object"), CKO_DATA}};
            for (const auto &[head, c] : heads)
                if (line.startsWith(head)) {
                    if (open && cls == CKO_DATA)
                        flush({});
                    cls = c;
                    open = true;
                    label.clear();
                }
            const QString t = line.trimmed();
            if (t.startsWith(QLatin1String("label:"))) {
                label = t.mid(6).trimmed();
                if (label.startsWith(QLatin1Char('\'')) && label.endsWith(QLatin1Char('\'')))
                    label = label.mid(1, label.size() - 2);
            } else if (t.startsWith(QLatin1String("ID:")) && cls != CKO_DATA) {
                flush(t.mid(3).trimmed());
                open = false;
            }
        }
        if (open && cls == CKO_DATA)
            flush({});
        QStringList sortedTree = tree;
        sortedTree.sort();
        fromTool.sort();
        QCOMPARE(fromTool, sortedTree);
    }

    void dataObjectsShowValueApplicationAndOid_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("valueRow");
        QTest::addColumn<QString>("value");
        QTest::newRow("text") << QStringLiteral("zeta-data") << QStringLiteral("Value (text)") << QStringLiteral("Badge 4711\nroom 2.14");
        QTest::newRow("binary") << QStringLiteral("Alpha-data") << QStringLiteral("Value (hex)") << QStringLiteral("00 01 ff 1b 41");
    }
    void dataObjectsShowValueApplicationAndOid()
    {
        QFETCH(QString, label);
        QFETCH(QString, valueRow);
        QFETCH(QString, value);
        auto model = loadedModel();
        const QModelIndex row = findObject(*model, label, CKO_DATA);
        QVERIFY(row.isValid());
        const ObjectInfo &o = model->node(row)->object()->object;
        const QString html = DetailPane::html(model->node(row), kNow);
        QVERIFY2(html.contains(valueRow) && html.contains(value.toHtmlEscaped()), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("TokenDesk Tests")));
        // The OID as pkcs11-tool, which wrote it, reads it back (it stores the content octets only).
        const QString listing = QString::fromUtf8(m_hsm.pkcs11Tool(QStringLiteral("Expiry"), {QStringLiteral("-O")}));
        const QString appId = QRegularExpression(QStringLiteral("label: +'%1'\\n(?:.*\\n)*?\\s*app_id: +(\\S+)")
                                                     .arg(QRegularExpression::escape(label)))
                                  .match(listing)
                                  .captured(1);
        QVERIFY2(!appId.isEmpty(), qPrintable(listing));
        const QString shown = DataValue::oidDisplay(o.attrs.bytes(CKA_OBJECT_ID));
        QVERIFY2(html.contains(shown.toHtmlEscaped()), qPrintable(html));
        QCOMPARE(shown.section(QLatin1Char(' '), 0, 0), appId);
        QVERIFY(!html.contains(QStringLiteral("not an object identifier")));
    }

    void oidDecodingRefusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("der");
        QTest::addColumn<QString>("dotted");
        QTest::newRow("commonName") << QByteArray::fromHex("0603550403") << QStringLiteral("2.5.4.3");
        QTest::newRow("big arc") << QByteArray::fromHex("06092b06010401868d1f01") << QStringLiteral("1.3.6.1.4.1.99999.1");
        QTest::newRow("joint-iso 2.999") << QByteArray::fromHex("0603883703") << QStringLiteral("2.999.3");
        QTest::newRow("wrong tag") << QByteArray::fromHex("0403550403") << QString();
        QTest::newRow("length too long") << QByteArray::fromHex("0604550403") << QString();
        QTest::newRow("trailing byte") << QByteArray::fromHex("060355040300") << QString();
        QTest::newRow("cut arc") << QByteArray::fromHex("06035504a3") << QString();
        QTest::newRow("non-minimal") << QByteArray::fromHex("060455800103") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void oidDecodingRefusesMalformed()
    {
        QFETCH(QByteArray, der);
        QFETCH(QString, dotted);
        const auto got = DataValue::oid(der);
        QCOMPARE(got.has_value(), !dotted.isEmpty());
        if (got)
            QCOMPARE(*got, dotted);
        if (!dotted.isEmpty()) {
            // openssl agrees on the well-formed ones.
            QFile f(file(QStringLiteral("oid.der")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(der);
            f.close();
            const QString parsed = QString::fromUtf8(SoftHsmFixture::run(
                QStringLiteral("openssl"), {QStringLiteral("asn1parse"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                                            f.fileName()}));
            QVERIFY2(parsed.contains(QStringLiteral("OBJECT")), qPrintable(parsed));
            const QString oracle = parsed.section(QLatin1Char(':'), -1).trimmed();
            if (oracle.front().isDigit()) // openssl prints the dotted form unless it knows a name
                QCOMPARE(*got, oracle);
        }
    }

    void labelsAreEscapedInTheTree()
    {
        TokenTreeModel model;
        const ModuleSnapshot m = syntheticModule({{1, QStringLiteral("S1")}});
        model.updateModule(m);
        TokenContents c;
        c.id = m.slots[0].token->id;
        c.objects.push_back(syntheticObject(CKO_DATA, "01", QByteArray("evil\x1b[31m\xe2\x80\xae" "cba\nx"), "v", 1));
        model.updateTokenContents(m.path, c);
        const QModelIndex row = model.index(0, 0, model.index(0, 0, model.index(0, 0, model.index(0, 0, model.index(0, 0)))));
        QCOMPARE(row.data().toString(), QStringLiteral("evil\\x1b[31m\\u202ecba\\nx"));
        QVERIFY(!DetailPane::html(model.node(row)).contains(QChar(0x202e)));
    }

    void tokenMemoryFollowsTheSpec_data()
    {
        QTest::addColumn<qulonglong>("freeMem");
        QTest::addColumn<qulonglong>("total");
        QTest::addColumn<QString>("shown");
        QTest::newRow("zero is zero") << qulonglong(0) << qulonglong(0) << QStringLiteral("0 of 0 bytes free");
        QTest::newRow("full") << qulonglong(0) << qulonglong(32768) << QStringLiteral("0 of 32768 bytes free");
        QTest::newRow("numbers") << qulonglong(1000) << qulonglong(2000) << QStringLiteral("1000 of 2000 bytes free");
        QTest::newRow("not reported") << qulonglong(CK_UNAVAILABLE_INFORMATION) << qulonglong(CK_UNAVAILABLE_INFORMATION)
                                      << QStringLiteral("not reported by the token");
        QTest::newRow("total only") << qulonglong(CK_UNAVAILABLE_INFORMATION) << qulonglong(4096)
                                    << QStringLiteral("4096 bytes in all (free space not reported)");
    }
    void tokenMemoryFollowsTheSpec()
    {
        QFETCH(qulonglong, freeMem);
        QFETCH(qulonglong, total);
        QFETCH(QString, shown);
        TreeNode n;
        n.kind = TreeNode::Kind::Token;
        TokenSnapshot t;
        t.info.ulFreePublicMemory = CK_ULONG(freeMem);
        t.info.ulTotalPublicMemory = CK_ULONG(total);
        t.info.ulFreePrivateMemory = CK_ULONG(freeMem);
        t.info.ulTotalPrivateMemory = CK_ULONG(total);
        n.payload = t;
        const QString html = DetailPane::html(&n);
        QVERIFY2(html.contains(shown), qPrintable(html));
        QVERIFY(!html.contains(QStringLiteral("unlimited")));
    }

    void trailingBytesAreFlagged()
    {
        for (const QByteArray &extra : {QByteArray(), QByteArray("\0\0", 2)}) {
            TreeNode n;
            n.kind = TreeNode::Kind::Object;
            n.payload = TreeNode::ObjectEntry{syntheticObject(CKO_CERTIFICATE, "01", "c", m_soonDer + extra, 1), {}, {}, {}, {}};
            const QString html = DetailPane::html(&n, kNow);
            QVERIFY2(html.contains(QStringLiteral("Soon Person")), qPrintable(html));
            QCOMPARE(html.contains(QStringLiteral("2 bytes follow the certificate")), !extra.isEmpty());
        }
    }

    void bigTokenCostsFewSignals()
    {
        TokenTreeModel model;
        const ModuleSnapshot m = syntheticModule({{1, QStringLiteral("BIG")}});
        model.updateModule(m);
        TokenContents c;
        c.id = m.slots[0].token->id;
        for (int i = 0; i < 5000; ++i) {
            const QByteArray id = QByteArray::number(i, 16).rightJustified(4, '0');
            c.objects.push_back(syntheticObject(CKO_CERTIFICATE, id, "cert " + id, m_soonDer, CK_OBJECT_HANDLE(i + 1)));
        }
        std::shuffle(c.objects.begin(), c.objects.end(), std::mt19937(5000));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        bool merged = false;
        model.updateTokenContents(m.path, c, [&merged] { merged = true; });
        QTRY_VERIFY(merged);
        // One insertion for the group, then one per turn's batch of its 5,000 rows; the token row changes once.
        const int batch = TokenTreeModel::kRowsPerTurn;
        QCOMPARE(inserted.count(), 1 + (5000 + batch - 1) / batch);
        for (int k = 1; k < inserted.count(); ++k)
            QCOMPARE(inserted.at(k).at(2).toInt() - inserted.at(k).at(1).toInt() + 1, std::min(batch, 5000 - (k - 1) * batch));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(removed.count() + moved.count() + layout.count() + reset.count(), 0);

        // Refresh of the unchanged token (new handles, another order): not one signal.
        auto spies = {&inserted, &removed, &moved, &changed, &layout, &reset};
        for (QSignalSpy *sp : spies)
            sp->clear();
        TokenContents again = c;
        std::reverse(again.objects.begin(), again.objects.end());
        for (ObjectInfo &o : again.objects)
            o.handle += 100000;
        merged = false;
        model.updateTokenContents(m.path, again, [&merged] { merged = true; });
        QTRY_VERIFY(merged);
        for (QSignalSpy *sp : spies)
            QCOMPARE(sp->count(), 0);

        // One value changed, 20 new rows in two runs, 1,000 neighbours gone: signals in proportion.
        TokenContents edited = again;
        ObjectOrder::sort(edited.objects);
        edited.objects[10].attrs.set(CKA_VALUE, m_soonDer + QByteArray(1, '\0'));
        edited.objects.erase(edited.objects.begin() + 2000, edited.objects.begin() + 3000);
        for (const char *prefix : {"cert 0100x", "cert 4000x"})
            for (int k = 0; k < 10; ++k) {
                const QByteArray id = QByteArray(prefix).mid(5) + QByteArray::number(k);
                edited.objects.push_back(syntheticObject(CKO_CERTIFICATE, id, QByteArray(prefix) + QByteArray::number(k),
                                                         m_soonDer, CK_OBJECT_HANDLE(900000 + k)));
            }
        merged = false;
        model.updateTokenContents(m.path, edited, [&merged] { merged = true; });
        QTRY_VERIFY(merged);
        QCOMPARE(removed.count(), 1);
        // Two runs of 10 new rows; a turn's end may cut one of them in two.
        QVERIFY2(inserted.count() == 2 || inserted.count() == 3, qPrintable(QString::number(inserted.count())));
        int insertedRows = 0;
        for (const QList<QVariant> &args : std::as_const(inserted))
            insertedRows += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(insertedRows, 20);
        QCOMPARE(moved.count() + layout.count() + reset.count(), 0);
        // The edited row, the group's count, the token's summary, and nothing else.
        QCOMPARE(changed.count(), 3);
        const QModelIndex group = model.index(0, 0, model.index(0, 0, model.index(0, 0, model.index(0, 0))));
        QCOMPARE(model.rowCount(group), 4020);
        // Rows are where ObjectOrder puts them.
        for (int r = 1; r < model.rowCount(group); ++r)
            QVERIFY(ObjectOrder::less(model.node(model.index(r - 1, 0, group))->object()->object,
                                      model.node(model.index(r, 0, group))->object()->object));
    }

    // The Expiry token's real objects (keys paired with their certificates) and synthetic ones up to
    // 5,000: certificates, keys sharing their CKA_IDs, data objects, and rows with one class, ID and label.
    TokenContents bigContents() const
    {
        TokenContents c = m_contents;
        CK_OBJECT_HANDLE handle = 1000000;
        for (int i = 0; int(c.objects.size()) < 5000; ++i) {
            const QByteArray id = "big" + QByteArray::number(i % 1500);
            const CK_OBJECT_CLASS cls = i < 2000 ? CKO_CERTIFICATE : i < 3000 ? CKO_PRIVATE_KEY : i < 4000 ? CKO_PUBLIC_KEY : CKO_DATA;
            const QByteArray label = i % 97 == 0 ? QByteArray("twin") : "big " + QByteArray::number(i);
            c.objects.push_back(syntheticObject(cls, i % 97 == 0 ? QByteArray("tw") : id, label,
                                                cls == CKO_CERTIFICATE ? m_soonDer : QByteArray(cls == CKO_DATA ? "v" : ""), ++handle));
        }
        std::shuffle(c.objects.begin(), c.objects.end(), std::mt19937(5000));
        return c;
    }
    static int objectRows(const TokenTreeModel &m, const QModelIndex &parent = {})
    {
        int n = 0;
        for (int r = 0; r < m.rowCount(parent); ++r) {
            const QModelIndex i = m.index(r, 0, parent);
            n += m.node(i)->kind == TreeNode::Kind::Object ? 1 : objectRows(m, i);
        }
        return n;
    }
    // Every row, depth first: kind, key, the columns' text, and for an object its handle and
    // pairing. Two trees with equal lists have the same rows in the same order, paired alike.
    static QStringList treeRows(const TokenTreeModel &m, const QModelIndex &parent = {}, int depth = 0)
    {
        QStringList out;
        for (int r = 0; r < m.rowCount(parent); ++r) {
            const QModelIndex i = m.index(r, 0, parent);
            const TreeNode *n = m.node(i);
            QStringList cells{QString::number(depth), QString::number(int(n->kind)), n->key};
            for (int col = 0; col < TokenTreeModel::ColumnCount; ++col)
                cells << i.siblingAtColumn(col).data().toString();
            if (const auto *o = n->object())
                cells << QString::number(o->object.handle) << QString::number(int(o->pairing.state)) << o->pairing.partnerKey;
            out << cells.join(QLatin1Char('|'));
            out += treeRows(m, i, depth + 1);
        }
        return out;
    }
    // The tree the old all-at-once merge built (no row limit per turn).
    QStringList treeAllAtOnce(const TokenContents &c) const
    {
        TokenTreeModel model;
        model.setClock([] { return kNow; });
        model.setRowsPerTurn(0);
        model.updateModule(m_module);
        bool merged = false;
        model.updateTokenContents(m_module.path, c, [&merged] { merged = true; });
        [&] { QVERIFY(merged && !model.isMerging()); }();
        return treeRows(model);
    }

    void bigTokenMergesOverManyTurns()
    {
        const TokenContents big = bigContents();
        TokenTreeModel model;
        model.setClock([] { return kNow; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.updateModule(m_module);
        const int batch = model.rowsPerTurn();
        QVERIFY(batch > 0 && batch < 1000);
        // Event-loop turns as the window's stall probe sees them: a zero timer ticks once per turn.
        int turn = 0;
        QTimer tick;
        tick.setInterval(0);
        connect(&tick, &QTimer::timeout, this, [&turn] { ++turn; });
        tick.start();
        std::map<int, int> rowsInTurn;
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&](const QModelIndex &parent, int first, int last) {
            if (model.node(parent)->kind == TreeNode::Kind::Group)
                rowsInTurn[turn] += last - first + 1;
        });
        bool merged = false;
        model.updateTokenContents(m_module.path, big, [&merged] { merged = true; });
        ++turn; // the caller's turn ends here
        // The call itself merged one batch and left the rest to later turns.
        QVERIFY(!merged);
        QVERIFY(model.isMerging());
        QCOMPARE(objectRows(model), batch);
        QTRY_VERIFY(merged);
        QVERIFY(!model.isMerging());
        QCOMPARE(objectRows(model), 5000);
        for (const auto &[t, rows] : rowsInTurn)
            QVERIFY2(rows <= batch, qPrintable(QStringLiteral("turn %1 merged %2 rows").arg(t).arg(rows)));
        QVERIFY(int(rowsInTurn.size()) >= (5000 + batch - 1) / batch);

        // The same tree as all at once: rows, order, texts, pairing.
        QCOMPARE(treeRows(model), treeAllAtOnce(big));
        // And as core says, independently of the model: ObjectOrder within each group, computePairing's pairs.
        TokenContents sorted = big;
        ObjectOrder::sort(sorted.objects);
        const std::vector<PairInfo> pairing = computePairing(sorted);
        const QModelIndex token = model.indexOfToken(m_ref.modulePath, m_ref.id);
        std::size_t next = 0;
        for (CK_OBJECT_CLASS cls : {CKO_PRIVATE_KEY, CKO_PUBLIC_KEY, CKO_CERTIFICATE, CKO_SECRET_KEY, CKO_DATA}) {
            std::vector<std::size_t> expected;
            for (std::size_t k = 0; k < sorted.objects.size(); ++k)
                if (sorted.objects[k].cls == cls)
                    expected.push_back(k);
            if (expected.empty())
                continue;
            const QModelIndex group = model.index(int(next++), 0, token);
            QCOMPARE(model.node(group)->group()->cls, cls);
            QCOMPARE(std::size_t(model.rowCount(group)), expected.size());
            for (int r = 0; r < model.rowCount(group); ++r) {
                const TreeNode::ObjectEntry &e = *model.node(model.index(r, 0, group))->object();
                const std::size_t k = expected[std::size_t(r)];
                QCOMPARE(e.object.handle, sorted.objects[k].handle);
                QCOMPARE(int(e.pairing.state), int(pairing[k].state));
                QCOMPARE(e.pairing.partnerKey, pairing[k].partnerKey);
            }
        }
        QCOMPARE(std::size_t(model.rowCount(token)), next);
    }

    void newerSnapshotReplacesAMergeInProgress()
    {
        const TokenContents first = bigContents();
        // A later read: 1,000 objects gone, 300 new ones, new handles, another order.
        TokenContents second = first;
        second.objects.erase(second.objects.begin() + 1000, second.objects.begin() + 2000);
        for (int i = 0; i < 300; ++i)
            second.objects.push_back(syntheticObject(CKO_DATA, "new" + QByteArray::number(i), "new " + QByteArray::number(i), "v",
                                                     CK_OBJECT_HANDLE(2000000 + i)));
        for (ObjectInfo &o : second.objects)
            o.handle += 5000000;
        std::shuffle(second.objects.begin(), second.objects.end(), std::mt19937(2));

        TokenTreeModel model;
        model.setClock([] { return kNow; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.updateModule(m_module);
        int firstMerged = 0;
        int secondMerged = 0;
        model.updateTokenContents(m_module.path, first, [&firstMerged] { ++firstMerged; });
        while (objectRows(model) < 3 * model.rowsPerTurn())
            QCoreApplication::processEvents();
        QVERIFY(model.isMerging());
        model.updateTokenContents(m_module.path, second, [&secondMerged] { ++secondMerged; });
        QCOMPARE(firstMerged, 0);
        QTRY_COMPARE(secondMerged, 1);
        QCOMPARE(firstMerged, 1); // the older snapshot's waiter hears with the newer one
        QCOMPARE(treeRows(model), treeAllAtOnce(second));

        // The token goes while its rows are merged: no merge is left, its waiter hears.
        model.updateTokenContents(m_module.path, first, [&firstMerged] { ++firstMerged; });
        QVERIFY(model.isMerging());
        ModuleSnapshot without = m_module;
        for (SlotSnapshot &sl : without.slots)
            if (sl.token && sl.token->id == m_ref.id)
                sl.token.reset();
        model.updateModule(without);
        QVERIFY(!model.isMerging());
        QVERIFY(!model.indexOfToken(m_ref.modulePath, m_ref.id).isValid());
        QTRY_COMPARE(firstMerged, 2);
    }

    void rowsStayUnderThePointer()
    {
        // Two tokens full of objects; the pointer rests on an object of the second.
        TokenTreeModel model;
        ModuleSnapshot m = syntheticModule({{1, QStringLiteral("A")}, {2, QStringLiteral("B")}});
        model.updateModule(m);
        for (const SlotSnapshot &sl : m.slots) {
            TokenContents c;
            c.id = sl.token->id;
            for (int i = 0; i < 40; ++i)
                c.objects.push_back(syntheticObject(CKO_DATA, QByteArray::number(i), sl.token->id.serial.toLatin1() + "-"
                                                        + QByteArray::number(i).rightJustified(2, '0'), "v", CK_OBJECT_HANDLE(i + 1)));
            model.updateTokenContents(m.path, c);
        }
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QTreeView view;
        view.setModel(&model);
        view.setUniformRowHeights(true);
        new ScrollAnchor(&view);
        view.resize(500, 300);
        view.expandAll();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QModelIndex target = findObject(model, QStringLiteral("B-20"), CKO_DATA);
        QVERIFY(target.isValid());
        view.scrollTo(target, QAbstractItemView::PositionAtCenter);
        view.setCurrentIndex(target);
        const QPoint point = view.visualRect(target).center();
        QTest::mouseMove(view.viewport(), point);
        const TreeNode *under = model.node(view.indexAt(point));
        QCOMPARE(under, model.node(target));

        struct Step {
            const char *what;
            QList<std::pair<CK_SLOT_ID, QString>> tokens;
        };
        // A token appears in a slot the module lists first; then the first token vanishes
        // (its slot stays, empty), then its slot goes too.
        for (const Step &step : {Step{"token appears before", {{0, QStringLiteral("C")}, {1, QStringLiteral("A")}, {2, QStringLiteral("B")}}},
                                 Step{"token above vanishes", {{0, QStringLiteral("C")}, {1, QString()}, {2, QStringLiteral("B")}}},
                                 Step{"slot above vanishes", {{0, QStringLiteral("C")}, {2, QStringLiteral("B")}}}}) {
            model.updateModule(syntheticModule(step.tokens));
            QVERIFY2(model.node(view.currentIndex()) == under, step.what);
            QVERIFY2(model.node(view.indexAt(point)) == under, step.what);
        }
    }

    void cleanupTestCase() { m_inventory.reset(); }
};

QTEST_MAIN(TestTreeModel)
#include "test_treemodel.moc"
