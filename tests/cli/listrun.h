// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// One run of the real `tokendesk --list`, for the command-line tests. With --json the
// output is parsed and validated against resources/schema/tokendesk-list.schema.json
// by an independent validator (python3-jsonschema): every JSON a test sees has passed.
struct ListRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json; // with --json

    // Runs tokendesk with args (--list and, if json, --json are added) and extra
    // environment variables. Fails the current test if the JSON is not valid.
    static ListRun run(const QStringList &args, bool json, const QMap<QString, QString> &env = {},
                       int timeoutMs = 120000);
    // Validates a document against the schema; empty on success, else the validator's message.
    static QString schemaErrors(const QByteArray &jsonText);

    QString text() const { return QString::fromUtf8(out); }
    // Every token of every module/slot in the JSON.
    QList<QJsonObject> tokens() const;
    QList<QJsonObject> slots() const;
    QJsonObject token(const QString &label) const;
    static QList<QJsonObject> objects(const QJsonObject &token, const QString &label);
};
