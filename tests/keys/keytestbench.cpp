// SPDX-License-Identifier: GPL-3.0-or-later
#include "keytestbench.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

KeyTestBench::KeyTestBench() : m_inventory(std::make_unique<Inventory>(m_registry)) {}

KeyTestBench::~KeyTestBench() { m_inventory.reset(); }

std::vector<TokenRef> KeyTestBench::addTokens(const QStringList &labels, const QString &pin)
{
    for (const QString &label : labels)
        m_hsm.initToken(label, pin);
    return openTokens(labels, pin);
}

std::vector<TokenRef> KeyTestBench::openTokens(const QStringList &labels, const QString &pin)
{
    const ModuleSnapshot snap =
        m_inventory->scan(ModuleSpec{module(), QStringLiteral("softhsm2"), false}).result();
    std::vector<TokenRef> refs;
    for (const QString &label : labels) {
        TokenRef ref;
        for (const SlotSnapshot &s : snap.slots)
            if (s.token && s.token->label == label)
                ref = TokenRef{snap.path, s.id, s.token->id};
        if (ref.id.serial.isEmpty()) {
            QTest::qFail(qPrintable(QStringLiteral("token %1 not found after init").arg(label)), __FILE__, __LINE__);
            return {};
        }
        m_inventory->login(ref, CKU_USER, SecureBytes::fromUtf8(pin.toStdString())).waitForFinished();
        refs.push_back(ref);
    }
    return refs;
}

CK_SLOT_ID KeyTestBench::slotOf(const TokenRef &token)
{
    return onToken<CK_SLOT_ID>(token, [](Session &s, const CK_TOKEN_INFO &) { return s.slot(); });
}

QList<ToolObject> KeyTestBench::toolObjects(const QString &label, const QString &pin)
{
    const QByteArray out = m_hsm.pkcs11Tool(label, {QStringLiteral("-O")}, pin);
    QList<ToolObject> objects;
    const QRegularExpression field(QStringLiteral("^\\s+(\\w[\\w ]*):\\s*(.*)$"));
    for (const QString &line : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
        if (line.isEmpty())
            continue;
        if (!line.front().isSpace()) {
            if (line.startsWith(QLatin1String("Using slot")))
                continue;
            objects.append(ToolObject{line.trimmed(), {}, {}, {}, {}, {}});
            continue;
        }
        if (objects.isEmpty())
            continue;
        const auto m = field.match(line);
        if (!m.hasMatch())
            continue;
        const QString key = m.captured(1).trimmed();
        QString value = m.captured(2).trimmed();
        ToolObject &o = objects.last();
        if (key == QLatin1String("label")) {
            if (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\'')))
                value = value.mid(1, value.size() - 2);
            o.label = value;
        } else if (key == QLatin1String("ID")) {
            o.id = value.toLower();
        } else if (key == QLatin1String("Usage")) {
            o.usage = value;
        } else if (key == QLatin1String("Access")) {
            o.access = value;
        } else if (key == QLatin1String("subject")) {
            o.subject = value;
        }
    }
    return objects;
}

const ToolObject *KeyTestBench::findTool(const QList<ToolObject> &objects, const QString &headerStart,
                                         const QString &label)
{
    for (const ToolObject &o : objects)
        if (o.header.startsWith(headerStart) && o.label == label)
            return &o;
    return nullptr;
}

void KeyTestBench::writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        QTest::qFail(qPrintable(QStringLiteral("cannot write %1").arg(path)), __FILE__, __LINE__);
}

QByteArray KeyTestBench::readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        QTest::qFail(qPrintable(QStringLiteral("cannot read %1").arg(path)), __FILE__, __LINE__);
    return f.readAll();
}

QByteArray KeyTestBench::openssl(const QStringList &args, const QByteArray &stdinData)
{
    return SoftHsmFixture::run(QStringLiteral("openssl"), args, 120000, stdinData);
}

QString KeyTestBench::engineConfig(const QString &pin)
{
    const QString path = m_work.filePath(QStringLiteral("openssl-pkcs11.cnf"));
    const QByteArray conf = "openssl_conf = openssl_init\n"
                            "[openssl_init]\nengines = engine_section\n"
                            "[engine_section]\npkcs11 = pkcs11_section\n"
                            "[pkcs11_section]\nengine_id = pkcs11\n"
                            "dynamic_path = /usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so\n"
                            "MODULE_PATH = "
        + QFile::encodeName(module()) + "\nPIN = " + pin.toUtf8() + "\ninit = 0\n";
    writeFile(path, conf);
    return path;
}

int KeyTestBench::runWithEngine(const QString &commandLine, QByteArray *out)
{
    QByteArray o, e;
    const int rc = SoftHsmFixture::runStatus(
        QStringLiteral("env"),
        {QStringLiteral("OPENSSL_CONF=") + engineConfig(), QStringLiteral("sh"), QStringLiteral("-c"), commandLine}, &o,
        &e);
    if (out)
        *out = o + e;
    return rc;
}
