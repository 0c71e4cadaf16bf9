// SPDX-License-Identifier: GPL-3.0-or-later
// `tokendesk --list --format csv`: one row per listed object, for spreadsheets.
#include "inventory/certificatesummary.h"
#include "inventory/objectfacts.h"
#include "inventory/pairing.h"
#include "inventory/report.h"

#include <QStringList>

#include <iterator>

namespace {
// Column names are fixed identifiers (like the JSON keys), not translated, so scripts can rely on them.
const char *const kHeader[] = {"module",   "slotId", "tokenLabel", "tokenSerial", "tokenUri", "class",     "label",
                               "id",       "uri",    "key",        "name",        "subject",  "issuer",    "serial",
                               "notBefore", "notAfter", "daysLeft", "validity",   "pairing",  "error"};
constexpr int kColumns = int(std::size(kHeader));

// A spreadsheet runs a cell that starts with = + - @ (or TAB/CR before them) as a
// formula (OWASP "CSV injection"): labels and subjects come from the token, so such a
// cell gets a leading apostrophe, which spreadsheets show as text.
QString guarded(const QString &s)
{
    static const QString starters = QStringLiteral("=+-@\t\r");
    return !s.isEmpty() && starters.contains(s.front()) ? QLatin1Char('\'') + s : s;
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
QByteArray field(const QString &s)
{
    QByteArray b = s.toUtf8();
    if (b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r')) {
        b.replace("\"", "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

void writeRow(const std::function<void(QByteArrayView)> &write, const QStringList &cells)
{
    QByteArray line;
    for (int i = 0; i < cells.size(); ++i)
        line += (i ? "," : "") + field(cells[i]);
    line += "\r\n";
    write(line);
}

struct Row {
    QStringList cells = QStringList(kColumns, QString());
    void set(const char *column, const QString &value) { put(column, guarded(value)); } // untrusted text
    void setNumber(const char *column, qint64 n) { put(column, QString::number(n)); }  // "-3" is no formula
    void put(const char *column, const QString &cell)
    {
        for (int i = 0; i < kColumns; ++i)
            if (qstrcmp(kHeader[i], column) == 0)
                cells[i] = cell;
    }
};

void objectRow(Row &row, const ObjectInfo &o, const PairInfo &pairing, const ReportOptions &options)
{
    row.set("class", ObjectFacts::className(o.cls));
    row.set("label", o.labelKnown() ? o.labelText() : QString());
    row.set("id", o.idKnown() ? ObjectFacts::idHex(o.id) : QString());
    row.set("uri", o.uri);
    if (o.cls == CKO_PRIVATE_KEY || o.cls == CKO_PUBLIC_KEY || o.cls == CKO_SECRET_KEY)
        row.set("key", ObjectFacts::keyDescription(o));
    if (pairing.state != PairState::NotApplicable)
        row.set("pairing", pairing.code());
    if (o.cls != CKO_CERTIFICATE)
        return;
    QString err;
    const auto c = ObjectFacts::certificate(o, &err);
    if (!c) {
        row.set("error", err);
        return;
    }
    const CertificateSummary s = CertificateSummary::of(*c, options.now, options.warningDays);
    row.set("key", c->publicKeyDescription);
    row.set("name", s.name);
    row.set("subject", c->subject);
    row.set("issuer", c->issuer);
    row.set("serial", c->serialHex);
    row.set("notBefore", c->notBefore.toString(Qt::ISODate));
    row.set("notAfter", c->notAfter.toString(Qt::ISODate));
    row.setNumber("daysLeft", s.daysLeft());
    row.set("validity", s.validityCode());
}
} // namespace

void writeReportCsv(const InventoryReport &r, const ReportOptions &options,
                    const std::function<void(QByteArrayView)> &write)
{
    QStringList header;
    for (const char *h : kHeader)
        header << QString::fromLatin1(h);
    writeRow(write, header);
    for (const ModuleSnapshot &m : r.modules) {
        for (const SlotSnapshot &s : m.slots) {
            if (!s.token)
                continue;
            const auto it = r.contents.find(InventoryReport::key(m, *s.token));
            if (it == r.contents.end())
                continue;
            const auto pairing = computePairing(it->second);
            for (const std::size_t i : InventoryReport::listed(it->second, options)) {
                Row row;
                row.set("module", m.name);
                row.set("slotId", QString::number(s.id));
                row.set("tokenLabel", s.token->label);
                row.set("tokenSerial", s.token->id.serial);
                row.set("tokenUri", s.token->uri);
                objectRow(row, it->second.objects[i], pairing[i], options);
                writeRow(write, row.cells);
            }
        }
    }
}
