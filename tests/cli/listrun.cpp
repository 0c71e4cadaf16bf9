// SPDX-License-Identifier: GPL-3.0-or-later
#include "listrun.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryFile>
#include <QTest>

ListRun ListRun::run(const QStringList &args, bool json, const QMap<QString, QString> &env, int timeoutMs)
{
    ListRun r;
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    QStringList all{QStringLiteral("--list")};
    if (json)
        all << QStringLiteral("--json");
    p.start(QStringLiteral(TOKENDESK_EXE), all + args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        QTest::qFail("tokendesk --list did not finish in time", __FILE__, __LINE__);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : 128 + 6;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (!json)
        return r;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
    if (pe.error != QJsonParseError::NoError) {
        QTest::qFail(qPrintable(QStringLiteral("not JSON: %1\n%2\n%3")
                                    .arg(pe.errorString(), QString::fromUtf8(r.out.left(2000)), QString::fromUtf8(r.err))),
                     __FILE__, __LINE__);
        return r;
    }
    const QString errors = schemaErrors(r.out);
    if (!errors.isEmpty())
        QTest::qFail(qPrintable(QStringLiteral("output does not match the schema: ") + errors), __FILE__, __LINE__);
    r.json = doc.object();
    return r;
}

QString ListRun::schemaErrors(const QByteArray &jsonText)
{
    QTemporaryFile doc;
    if (!doc.open() || doc.write(jsonText) != jsonText.size() || !doc.flush())
        return QStringLiteral("cannot write a temporary file");
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import json, sys, jsonschema\n"
                            "schema = json.load(open(sys.argv[1]))\n"
                            "jsonschema.Draft202012Validator.check_schema(schema)\n"
                            "v = jsonschema.Draft202012Validator(schema)\n"
                            "errors = sorted(v.iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))\n"
                            "for e in errors[:5]: print(list(e.absolute_path), e.message[:300])\n"
                            "sys.exit(1 if errors else 0)\n"),
             QStringLiteral(TOKENDESK_LIST_SCHEMA), doc.fileName()});
    if (!p.waitForFinished(60000))
        return QStringLiteral("python3-jsonschema did not finish");
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    return {};
}

QList<QJsonObject> ListRun::slots() const
{
    QList<QJsonObject> out;
    for (const auto &m : json.value(QStringLiteral("modules")).toArray())
        for (const auto &s : m.toObject().value(QStringLiteral("slots")).toArray())
            out << s.toObject();
    return out;
}

QList<QJsonObject> ListRun::tokens() const
{
    QList<QJsonObject> out;
    for (const QJsonObject &s : slots())
        if (s.contains(QStringLiteral("token")))
            out << s.value(QStringLiteral("token")).toObject();
    return out;
}

QJsonObject ListRun::token(const QString &label) const
{
    for (const QJsonObject &t : tokens())
        if (t.value(QStringLiteral("label")).toString() == label)
            return t;
    return {};
}

QList<QJsonObject> ListRun::objects(const QJsonObject &token, const QString &label)
{
    QList<QJsonObject> out;
    for (const auto &o : token.value(QStringLiteral("objects")).toArray())
        if (o.toObject().value(QStringLiteral("label")).toString() == label)
            out << o.toObject();
    return out;
}
