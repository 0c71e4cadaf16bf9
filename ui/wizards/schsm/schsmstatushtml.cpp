// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmstatushtml.h"

#include "dkek/keycheckvalue.h"
#include "schsm/schsmstatus.h"

QString SchsmStatusHtml::table(const std::vector<std::pair<QString, QString>> &rows)
{
    QString html = QStringLiteral("<table>");
    for (const auto &[key, value] : rows)
        html += QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
                    .arg(key.toHtmlEscaped(), value.toHtmlEscaped());
    return html + QStringLiteral("</table>");
}

QString SchsmStatusHtml::status(const SchsmStatus &s)
{
    const auto yesNo = [](bool b) { return b ? tr("yes") : tr("no"); };
    std::vector<std::pair<QString, QString>> rows{
        {tr("Device serial"), s.serial.isEmpty() ? tr("unknown") : s.serial},
        {tr("Firmware"), s.firmwareText()},
        {tr("User PIN"), s.userPin.text()},
        {tr("SO-PIN"), s.soPin.text()},
        {tr("SO-PIN may reset the user PIN"), yesNo(s.options & SchsmOption::ResetRetryCounter)},
        {tr("Transport PIN"), yesNo(s.options & SchsmOption::TransportPin)},
    };
    if (!s.dkek.known) {
        rows.emplace_back(tr("DKEK"), s.dkek.unavailableText());
    } else if (s.dkek.total == 0) {
        rows.emplace_back(tr("DKEK"), tr("none: keys cannot be backed up"));
    } else {
        rows.emplace_back(tr("DKEK shares"), tr("%1 of %2 imported").arg(s.dkek.imported()).arg(s.dkek.total));
        rows.emplace_back(tr("DKEK key check value"),
                          s.dkek.outstanding == 0 ? formatKeyCheckValue(s.dkek.kcv)
                                                  : tr("pending (%n share(s) missing)", nullptr, s.dkek.outstanding));
    }
    return table(rows);
}
