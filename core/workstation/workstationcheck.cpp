// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/workstationcheck.h"

#include "inventory/p11text.h"
#include "inventory/report.h"
#include "workstation/nsssetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(WorkstationCheck)
};

constexpr qint64 kMaxConfigSize = 4 * 1024 * 1024;

// The lines of a small text file, without line ends; empty when it cannot be read.
QStringList linesOf(const QString &path)
{
    QFile f(path);
    if (!QFileInfo(path).isFile() || f.size() > kMaxConfigSize || !f.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (QString &l : lines)
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    return lines;
}

QStringList filesIn(const QString &dir, const QString &pattern)
{
    QStringList out;
    const QDir d(dir);
    for (const QString &name : d.entryList({pattern}, QDir::Files, QDir::Name))
        out << d.filePath(name);
    return out;
}

QString unquoted(QString v)
{
    v = v.trimmed();
    if (v.size() >= 2 && v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"')))
        v = v.mid(1, v.size() - 2);
    return v;
}

Finding libraryMissing(const QString &consumer, const QString &file, int line, const QString &library)
{
    return {consumer, file, line, Tr::tr("The PKCS#11 module %1 does not exist.").arg(library),
            Tr::tr("Install the module again, or point this line at the module's new place (tokendesk --setup "
                   "%1 --key <URI> --write writes it again).")
                .arg(consumer)};
}

struct JavaConfig {
    QString name;
    QString library;
    int libraryLine = 0;
    std::optional<qulonglong> slot;
    int slotLine = 0;
    std::optional<int> slotListIndex;
    int slotListIndexLine = 0;
};

JavaConfig readJavaConfig(const QString &path)
{
    JavaConfig c;
    const QStringList lines = linesOf(path);
    for (int i = 0; i < lines.size(); ++i) {
        const QString l = lines[i].trimmed();
        if (l.startsWith(QLatin1Char('#')) || !l.contains(QLatin1Char('=')))
            continue;
        const QString key = l.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = unquoted(l.section(QLatin1Char('='), 1));
        if (key == QLatin1String("name")) {
            c.name = value;
        } else if (key == QLatin1String("library")) {
            c.library = value;
            c.libraryLine = i + 1;
        } else if (key == QLatin1String("slot")) {
            bool ok = false;
            const qulonglong v = value.toULongLong(&ok, 0);
            if (ok)
                c.slot = v;
            c.slotLine = i + 1;
        } else if (key == QLatin1String("slotListIndex")) {
            bool ok = false;
            const int v = value.toInt(&ok);
            if (ok)
                c.slotListIndex = v;
            c.slotListIndexLine = i + 1;
        }
    }
    return c;
}

const ModuleSnapshot *moduleFor(const InventoryReport &report, const QString &library)
{
    const QString canonical = QFileInfo(library).canonicalFilePath();
    for (const ModuleSnapshot &m : report.modules)
        if (QFileInfo(m.path).canonicalFilePath() == canonical && m.error.isEmpty())
            return &m;
    return nullptr;
}

void checkJavaConfig(const QString &path, const InventoryReport &report, QList<Finding> *out)
{
    const JavaConfig c = readJavaConfig(path);
    if (c.library.isEmpty())
        return;
    if (!QFileInfo::exists(c.library)) {
        out->append(libraryMissing(QStringLiteral("java"), path, c.libraryLine, c.library));
        return;
    }
    const ModuleSnapshot *m = moduleFor(report, c.library);
    if (!m)
        return; // the module could not be asked; nothing to say about its slots
    if (c.slot) {
        for (const SlotSnapshot &s : m->slots)
            if (s.id == *c.slot && s.token)
                return;
        out->append({QStringLiteral("java"), path, c.slotLine,
                     Tr::tr("The module has no token in slot id %1 any more (SoftHSM gives a token a new slot id "
                            "when it is initialized again).")
                         .arg(*c.slot),
                     Tr::tr("Run tokendesk --setup java --key <URI> --write again for the key; it writes the "
                            "token's current slot id.")});
    } else if (c.slotListIndex) {
        const int i = *c.slotListIndex;
        const bool inRange = i >= 0 && i < int(m->slots.size());
        const SlotSnapshot *s = inRange ? &m->slots[std::size_t(i)] : nullptr;
        // TokenDesk's names are "TokenDesk-<token label as a safe name>"; other names say nothing we can check.
        const QString expected = c.name.startsWith(QLatin1String("TokenDesk-")) ? c.name.mid(10) : QString();
        const QString actual = s && s->token ? SetupTextFormat::safeName(P11Text::padded(s->token->info.label), QString())
                                             : QString();
        if (!s || !s->token || (!expected.isEmpty() && actual != expected))
            out->append({QStringLiteral("java"), path, c.slotListIndexLine,
                         s && s->token ? Tr::tr("slotListIndex %1 opens the token “%2”, not the one the name “%3” "
                                                "stands for.")
                                             .arg(i)
                                             .arg(P11Text::padded(s->token->info.label), c.name)
                                       : Tr::tr("slotListIndex %1 opens no token.").arg(i),
                         Tr::tr("Select the token by slot id instead: run tokendesk --setup java --key <URI> "
                                "--write.")});
    }
}

void checkJava(const SetupPaths &paths, const InventoryReport &report, QList<Finding> *out)
{
    const QString dir = QDir(paths.configHome).filePath(QStringLiteral("tokendesk"));
    for (const QString &cfg : filesIn(dir, QStringLiteral("*.cfg")))
        checkJavaConfig(cfg, report, out);
    // The overrides: each names its configuration file.
    static const QRegularExpression provider(QStringLiteral("^\\s*security\\.provider\\.\\d+\\s*=\\s*SunPKCS11\\s+(.+)$"));
    for (const QString &over : filesIn(dir, QStringLiteral("*.security"))) {
        const QStringList lines = linesOf(over);
        for (int i = 0; i < lines.size(); ++i) {
            const QRegularExpressionMatch m = provider.match(lines[i]);
            if (!m.hasMatch())
                continue;
            QString cfg = m.captured(1).trimmed();
            cfg.replace(QLatin1String("\\\\"), QLatin1String("\\"));
            if (!QFileInfo::exists(cfg))
                out->append({QStringLiteral("java"), over, i + 1,
                             Tr::tr("The SunPKCS11 configuration %1 does not exist.").arg(cfg),
                             Tr::tr("Run tokendesk --setup java --key <URI> --write again, or remove this line.")});
        }
    }
}

void checkOpensslFile(const QString &path, QList<Finding> *out)
{
    static const QRegularExpression line(
        QStringLiteral("^\\s*(MODULE_PATH|dynamic_path|pkcs11-module-path)\\s*=\\s*(.*?)\\s*$"));
    const QStringList lines = linesOf(path);
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = line.match(lines[i]);
        if (!m.hasMatch())
            continue;
        QString value = unquoted(m.captured(2));
        static const QRegularExpression escape(QStringLiteral("\\\\(.)"));
        value.replace(escape, QStringLiteral("\\1"));
        if (!value.isEmpty() && !QFileInfo::exists(value))
            out->append(m.captured(1) == QLatin1String("dynamic_path")
                            ? Finding{QStringLiteral("openssl"), path, i + 1,
                                      Tr::tr("The OpenSSL engine %1 does not exist.").arg(value),
                                      Tr::tr("Install libengine-pkcs11-openssl, or run tokendesk --setup openssl "
                                             "--key <URI> --write again.")}
                            : libraryMissing(QStringLiteral("openssl"), path, i + 1, value));
    }
}

void checkOpenssl(const SetupPaths &paths, const QString &opensslConf, QList<Finding> *out)
{
    QStringList files = filesIn(QDir(paths.configHome).filePath(QStringLiteral("tokendesk")), QStringLiteral("*.cnf"));
    if (!opensslConf.isEmpty()) {
        if (!QFileInfo::exists(opensslConf))
            out->append({QStringLiteral("openssl"), opensslConf, 0,
                         Tr::tr("OPENSSL_CONF names %1, which does not exist.").arg(opensslConf),
                         Tr::tr("Point OPENSSL_CONF at an existing file, or unset it.")});
        else if (!files.contains(opensslConf))
            files << opensslConf;
    }
    for (const QString &f : std::as_const(files))
        checkOpensslFile(f, out);
}

void checkNss(const SetupPaths &paths, QList<Finding> *out)
{
    QStringList dbs{QDir(paths.home).filePath(QStringLiteral(".pki/nssdb"))};
    dbs << NssSetup::firefoxProfiles(paths.home);
    for (const QString &db : std::as_const(dbs)) {
        const QString file = QDir(db).filePath(QStringLiteral("pkcs11.txt"));
        const QStringList lines = linesOf(file);
        for (int i = 0; i < lines.size(); ++i) {
            const QString l = lines[i].trimmed();
            if (!l.startsWith(QLatin1String("library=")))
                continue;
            const QString library = l.mid(8);
            // An empty library is NSS's own internal module; a bare name is found on the loader's path.
            if (library.isEmpty() || !library.contains(QLatin1Char('/')) || QFileInfo::exists(library))
                continue;
            const QString name = i + 1 < lines.size() && lines[i + 1].startsWith(QLatin1String("name="))
                ? lines[i + 1].mid(5).trimmed()
                : QString();
            out->append({QStringLiteral("nss"), file, i + 1,
                         Tr::tr("The module “%1” is registered with %2, which does not exist.").arg(name, library),
                         Tr::tr("Remove it with: modutil -dbdir sql:%1 -delete \"%2\" (close the browser first), "
                                "then run tokendesk --setup nss --key <URI> --write.")
                             .arg(db, name)});
        }
    }
}

void checkP11Kit(const SetupPaths &paths, QList<Finding> *out)
{
    for (const QString &file : filesIn(QDir(paths.configHome).filePath(QStringLiteral("pkcs11/modules")),
                                       QStringLiteral("*.module"))) {
        const QStringList lines = linesOf(file);
        for (int i = 0; i < lines.size(); ++i) {
            const QString l = lines[i].trimmed();
            if (!l.startsWith(QLatin1String("module:")))
                continue;
            const QString library = l.mid(7).trimmed();
            // A relative name is looked up in p11-kit's own module folder.
            if (QDir::isAbsolutePath(library) && !QFileInfo::exists(library))
                out->append(libraryMissing(QStringLiteral("p11kit"), file, i + 1, library));
        }
    }
}

void checkSsh(const SetupPaths &paths, QList<Finding> *out)
{
    const QString file = QDir(paths.home).filePath(QStringLiteral(".ssh/config"));
    static const QRegularExpression line(QStringLiteral("^\\s*PKCS11Provider(?:\\s*=\\s*|\\s+)(.*?)\\s*$"),
                                         QRegularExpression::CaseInsensitiveOption);
    const QStringList lines = linesOf(file);
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = line.match(lines[i]);
        if (!m.hasMatch())
            continue;
        const QString library = unquoted(m.captured(1));
        if (library.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0 && !QFileInfo::exists(library))
            out->append(libraryMissing(QStringLiteral("ssh"), file, i + 1, library));
    }
}
} // namespace

namespace WorkstationCheck {

QStringList javaLibraries(const SetupPaths &paths)
{
    QStringList out;
    for (const QString &cfg : filesIn(QDir(paths.configHome).filePath(QStringLiteral("tokendesk")), QStringLiteral("*.cfg"))) {
        const QString library = readJavaConfig(cfg).library;
        if (!library.isEmpty() && QFileInfo::exists(library) && !out.contains(library))
            out << library;
    }
    return out;
}

QList<Finding> check(const SetupPaths &paths, const InventoryReport &report, const QString &opensslConf)
{
    QList<Finding> out;
    checkJava(paths, report, &out);
    checkOpenssl(paths, opensslConf, &out);
    checkNss(paths, &out);
    checkP11Kit(paths, &out);
    checkSsh(paths, &out);
    return out;
}

QString toText(const QList<Finding> &findings)
{
    if (findings.isEmpty())
        return Tr::tr("Nothing wrong found in the Java, OpenSSL, NSS, p11-kit and OpenSSH configuration.")
            + QLatin1Char('\n');
    QString out;
    for (const Finding &f : findings) {
        out += f.line > 0 ? QStringLiteral("%1:%2: %3\n").arg(f.file).arg(f.line).arg(f.problem)
                          : QStringLiteral("%1: %2\n").arg(f.file, f.problem);
        out += QStringLiteral("  ") + Tr::tr("Fix: %1").arg(f.fix) + QLatin1Char('\n');
    }
    return out;
}

QJsonDocument toJson(const QList<Finding> &findings)
{
    QJsonArray array;
    for (const Finding &f : findings)
        array << QJsonObject{{QStringLiteral("consumer"), f.consumer}, {QStringLiteral("file"), f.file},
                             {QStringLiteral("line"), f.line},         {QStringLiteral("problem"), f.problem},
                             {QStringLiteral("fix"), f.fix}};
    return QJsonDocument(QJsonObject{{QStringLiteral("clean"), findings.isEmpty()}, {QStringLiteral("findings"), array}});
}

} // namespace WorkstationCheck
