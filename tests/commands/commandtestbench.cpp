// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtestbench.h"

#include <QFile>
#include <QRegularExpression>

CommandTestBench::CommandTestBench(QString module)
    : m_inventory(std::make_unique<Inventory>(m_registry)),
      m_module(module.isEmpty() ? SoftHsmFixture::softhsmModule() : std::move(module))
{
}

CommandTestBench::~CommandTestBench() { m_inventory.reset(); }

TokenRef CommandTestBench::open(const QString &label)
{
    if (m_scan.path.isEmpty())
        m_scan = await(m_inventory->scan(ModuleSpec{m_module, QStringLiteral("softhsm2"), false}));
    for (const SlotSnapshot &s : m_scan.slots) {
        if (!s.token || s.token->label != label)
            continue;
        const TokenRef ref{m_scan.path, s.id, s.token->id};
        QFuture<void> login = m_inventory->login(ref, CKU_USER, SecureBytes::fromUtf8(pin().toStdString()));
        if (!QTest::qWaitFor([&] { return login.isFinished(); }, 30000))
            QTest::qFail("login did not finish", __FILE__, __LINE__);
        login.waitForFinished(); // finished already; rethrows a failed login
        return ref;
    }
    QTest::qFail(qPrintable(QStringLiteral("token %1 not found").arg(label)), __FILE__, __LINE__);
    return {};
}

TokenContents CommandTestBench::contents(const TokenRef &token) { return await(m_inventory->readObjects(token)); }

QList<ToolEntry> CommandTestBench::toolObjects(const QString &label)
{
    const QByteArray out = tool(label, {QStringLiteral("-O")});
    QList<ToolEntry> objects;
    const QRegularExpression field(QStringLiteral("^\\s+(\\w[\\w ]*):\\s*(.*)$"));
    for (const QString &line : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
        if (line.isEmpty())
            continue;
        if (!line.front().isSpace()) {
            if (!line.startsWith(QLatin1String("Using slot")))
                objects.append(ToolEntry{line.trimmed(), {}, {}});
            continue;
        }
        const auto m = field.match(line);
        if (objects.isEmpty() || !m.hasMatch())
            continue;
        const QString key = m.captured(1).trimmed();
        QString value = m.captured(2).trimmed();
        if (key == QLatin1String("label")) {
            if (value.size() >= 2 && value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\'')))
                value = value.mid(1, value.size() - 2);
            objects.last().label = value;
        } else if (key == QLatin1String("ID")) {
            objects.last().id = value.toLower();
        }
    }
    return objects;
}

const ToolEntry *CommandTestBench::findTool(const QList<ToolEntry> &objects, const QString &headerStart,
                                            const QString &label)
{
    for (const ToolEntry &o : objects)
        if (o.header.startsWith(headerStart) && o.label == label)
            return &o;
    return nullptr;
}

QByteArray CommandTestBench::openssl(const QStringList &args)
{
    return SoftHsmFixture::run(QStringLiteral("openssl"), args);
}

void CommandTestBench::writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        QTest::qFail(qPrintable(QStringLiteral("cannot write %1").arg(path)), __FILE__, __LINE__);
}

QByteArray CommandTestBench::readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        QTest::qFail(qPrintable(QStringLiteral("cannot read %1").arg(path)), __FILE__, __LINE__);
    return f.readAll();
}

const ObjectInfo *CommandTestBench::find(const TokenContents &c, CK_OBJECT_CLASS cls, const QString &label)
{
    for (const ObjectInfo &o : c.objects)
        if (o.cls == cls && o.labelText() == label)
            return &o;
    return nullptr;
}

QString CommandTestBench::certificateFor(const QString &tokenLabel, const QString &idHex, const QString &cn)
{
    if (m_caKey.isEmpty()) {
        m_caKey = path(QStringLiteral("ca.key"));
        m_caPem = path(QStringLiteral("ca.pem"));
        openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"), m_caKey, QStringLiteral("-out"), m_caPem, QStringLiteral("-subj"),
                 QStringLiteral("/CN=Command Test CA"), QStringLiteral("-days"), QStringLiteral("30")});
    }
    const QString stem = tokenLabel + QLatin1Char('-') + idHex;
    const QString pubDer = path(stem + QStringLiteral(".pub.der"));
    const QString pubPem = path(stem + QStringLiteral(".pub.pem"));
    const QString csr = path(stem + QStringLiteral(".csr"));
    const QString cert = path(stem + QStringLiteral(".crt.der"));
    tool(tokenLabel, {QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("pubkey"),
                      QStringLiteral("--id"), idHex, QStringLiteral("-o"), pubDer});
    openssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-inform"), QStringLiteral("DER"),
             QStringLiteral("-in"), pubDer, QStringLiteral("-out"), pubPem});
    // The request's own key is thrown away: -force_pubkey puts the token key's in.
    openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), path(QStringLiteral("throwaway.key")), QStringLiteral("-subj"),
             QStringLiteral("/CN=") + cn, QStringLiteral("-out"), csr});
    openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr, QStringLiteral("-force_pubkey"),
             pubPem, QStringLiteral("-CA"), m_caPem, QStringLiteral("-CAkey"), m_caKey, QStringLiteral("-set_serial"),
             QString::number(qHash(stem) & 0xffffff), QStringLiteral("-days"), QStringLiteral("30"),
             QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), cert});
    return cert;
}

QStringList CommandTestBench::keytoolPrivateKeyEntries(const TokenRef &token)
{
    // slot = the slot id (decimal), not an index: slotListIndex would silently pick
    // another token once a second one exists.
    const QString cfg = path(QStringLiteral("sunpkcs11-%1.cfg").arg(token.slot));
    writeFile(cfg, "name = T\nlibrary = " + QFile::encodeName(SoftHsmFixture::softhsmModule()) + "\nslot = "
                       + QByteArray::number(qulonglong(token.slot)) + "\n");
    // keytool inherits SOFTHSM2_CONF from this process (set by SoftHsmFixture).
    const QByteArray out = SoftHsmFixture::run(
        QStringLiteral("keytool"),
        {QStringLiteral("-list"), QStringLiteral("-storetype"), QStringLiteral("PKCS11"), QStringLiteral("-providerClass"),
         QStringLiteral("sun.security.pkcs11.SunPKCS11"), QStringLiteral("-providerArg"), cfg, QStringLiteral("-storepass"),
         pin()});
    QStringList aliases;
    for (const QString &l : QString::fromUtf8(out).split(QLatin1Char('\n')))
        if (l.trimmed().endsWith(QLatin1String(", PrivateKeyEntry,")))
            aliases << l.trimmed().section(QLatin1Char(','), 0, 0);
    return aliases;
}
