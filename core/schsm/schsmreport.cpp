// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmreport.h"

#include "schsm/schsmdevice.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmlog.h"

#include <QCoreApplication>
#include <QJsonObject>

SchsmReport collectSchsmReport()
{
    SchsmReport report;
    QStringList readers;
    try {
        readers = SchsmDevice::findReaders();
    } catch (const SchsmError &e) {
        qCInfo(lcSchsm) << "no SmartCard-HSM search:" << e.message();
        return report;
    }
    for (const QString &reader : readers) {
        try {
            report.devices.push_back(SchsmDevice::readStatus(reader));
        } catch (const SchsmError &e) {
            report.errors.emplace_back(reader, e.message());
        }
    }
    return report;
}

QString schsmReportText(const SchsmReport &report)
{
    if (report.empty())
        return {};
    QString out = QLatin1Char('\n') + QCoreApplication::translate("SchsmReport", "SmartCard-HSM devices")
                  + QLatin1Char('\n');
    for (const SchsmStatus &s : report.devices) {
        for (const QString &line : s.text().split(QLatin1Char('\n')))
            out += QStringLiteral("  ") + line + QLatin1Char('\n');
        out += QLatin1Char('\n');
    }
    for (const auto &[reader, sentence] : report.errors)
        out += QStringLiteral("  ") + QCoreApplication::translate("SchsmReport", "%1: %2").arg(reader, sentence)
               + QLatin1Char('\n');
    return out;
}

QJsonArray schsmReportJson(const SchsmReport &report)
{
    QJsonArray out;
    for (const SchsmStatus &s : report.devices)
        out.append(s.json());
    for (const auto &[reader, sentence] : report.errors)
        out.append(QJsonObject{{QStringLiteral("reader"), reader}, {QStringLiteral("error"), sentence}});
    return out;
}
