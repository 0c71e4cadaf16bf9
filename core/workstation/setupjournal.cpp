// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/setupjournal.h"

#include "workstation/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SetupJournal)
};

constexpr int kVersion = 1;
constexpr qint64 kMaxJournalSize = 64 * 1024 * 1024;
constexpr qsizetype kMaxEntries = 50; // older writes cannot be undone any more

QJsonObject toJson(const JournalEntry &e)
{
    QJsonArray files;
    for (const JournalFile &f : e.files) {
        QJsonObject o{{QStringLiteral("path"), f.path},
                      {QStringLiteral("existed"), f.existed},
                      {QStringLiteral("afterSha256"), QString::fromLatin1(f.afterSha256.toHex())}};
        if (f.existed) {
            o.insert(QStringLiteral("before"), QString::fromLatin1(f.before.toBase64()));
            o.insert(QStringLiteral("permissions"), int(f.permissions.toInt()));
        }
        if (!f.backup.isEmpty())
            o.insert(QStringLiteral("backup"), f.backup);
        files << o;
    }
    QJsonArray nss;
    for (const JournalNss &n : e.nss) {
        QJsonObject o{{QStringLiteral("dbDir"), n.dbDir},
                      {QStringLiteral("moduleName"), n.moduleName},
                      {QStringLiteral("library"), n.library}};
        if (n.previousLibrary)
            o.insert(QStringLiteral("previousLibrary"), *n.previousLibrary);
        nss << o;
    }
    return {{QStringLiteral("time"), e.time.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("nss"), nss},
            {QStringLiteral("target"), e.target},
            {QStringLiteral("files"), files},
            {QStringLiteral("createdDirs"), QJsonArray::fromStringList(e.createdDirs)}};
}

JournalEntry fromJson(const QJsonObject &o)
{
    JournalEntry e;
    e.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODate);
    e.target = o.value(QStringLiteral("target")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        JournalFile j;
        j.path = f.value(QStringLiteral("path")).toString();
        j.existed = f.value(QStringLiteral("existed")).toBool();
        j.before = QByteArray::fromBase64(f.value(QStringLiteral("before")).toString().toLatin1());
        j.permissions = QFileDevice::Permissions::fromInt(f.value(QStringLiteral("permissions")).toInt() & 0x7777);
        j.afterSha256 = QByteArray::fromHex(f.value(QStringLiteral("afterSha256")).toString().toLatin1());
        j.backup = f.value(QStringLiteral("backup")).toString();
        e.files << j;
    }
    for (const QJsonValue &v : o.value(QStringLiteral("nss")).toArray()) {
        const QJsonObject n = v.toObject();
        JournalNss j{n.value(QStringLiteral("dbDir")).toString(), n.value(QStringLiteral("moduleName")).toString(),
                     n.value(QStringLiteral("library")).toString(), std::nullopt};
        if (n.contains(QStringLiteral("previousLibrary")))
            j.previousLibrary = n.value(QStringLiteral("previousLibrary")).toString();
        e.nss << j;
    }
    for (const QJsonValue &v : o.value(QStringLiteral("createdDirs")).toArray())
        e.createdDirs << v.toString();
    return e;
}
} // namespace

QString SetupJournal::defaultPath(const QString &stateHome)
{
    return QDir(stateHome).filePath(QStringLiteral("tokendesk/setup-journal.json"));
}

QList<JournalEntry> SetupJournal::entries(QString *error) const
{
    QFile f(m_path);
    if (!f.exists())
        return {};
    if (f.size() > kMaxJournalSize || !f.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("TokenDesk cannot read its setup journal %1.").arg(m_path);
        return {};
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parse);
    const QJsonObject root = doc.object();
    if (parse.error != QJsonParseError::NoError || root.value(QStringLiteral("version")).toInt() != kVersion) {
        *error = Tr::tr("TokenDesk's setup journal %1 is damaged or from another version; it was left as it is.")
                     .arg(m_path);
        return {};
    }
    QList<JournalEntry> out;
    for (const QJsonValue &v : root.value(QStringLiteral("entries")).toArray())
        out << fromJson(v.toObject());
    return out;
}

bool SetupJournal::save(const QList<JournalEntry> &entries, QString *error)
{
    QJsonArray array;
    for (const JournalEntry &e : entries)
        array << toJson(e);
    const QJsonObject root{{QStringLiteral("version"), kVersion}, {QStringLiteral("entries"), array}};
    QStringList created;
    return AtomicFile::makeDirs(QFileInfo(m_path).path(), &created, error)
        && AtomicFile::save(m_path, QJsonDocument(root).toJson(), AtomicFile::kOwnerOnly, error);
}

bool SetupJournal::append(const JournalEntry &entry, QString *error)
{
    QString readError;
    QList<JournalEntry> all = entries(&readError);
    if (!readError.isEmpty()) {
        *error = readError;
        return false;
    }
    all << entry;
    while (all.size() > kMaxEntries)
        all.removeFirst();
    return save(all, error);
}

bool SetupJournal::dropLast(QString *error)
{
    QString readError;
    QList<JournalEntry> all = entries(&readError);
    if (!readError.isEmpty()) {
        *error = readError;
        return false;
    }
    if (!all.isEmpty())
        all.removeLast();
    return save(all, error);
}
