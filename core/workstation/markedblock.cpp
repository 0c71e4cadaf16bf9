// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/markedblock.h"

#include <QCoreApplication>
#include <QList>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(MarkedBlock)
};

// Marker lines are recognised without their line end, blanks and the BEGIN line's
// explanation, so an editor that adds "\r" does not make TokenDesk add a second block.
bool isBegin(const QByteArray &line)
{
    return line.trimmed().startsWith("# BEGIN TokenDesk");
}
bool isEnd(const QByteArray &line)
{
    return line.trimmed() == "# END TokenDesk";
}
} // namespace

namespace MarkedBlock {

QByteArray beginMarker()
{
    return "# BEGIN TokenDesk (written by tokendesk --setup; it replaces the lines up to END)\n";
}

QByteArray endMarker()
{
    return "# END TokenDesk\n";
}

std::optional<QByteArray> merge(const QByteArray &existing, const QByteArray &block, QString *error)
{
    QByteArray body = block;
    if (!body.isEmpty() && !body.endsWith('\n'))
        body += '\n';
    const QByteArray marked = beginMarker() + body + endMarker();

    // Lines with their line ends, so that joining them gives the file back byte for byte.
    QList<QByteArray> lines;
    for (qsizetype start = 0; start < existing.size();) {
        const qsizetype nl = existing.indexOf('\n', start);
        const qsizetype end = nl < 0 ? existing.size() : nl + 1;
        lines << existing.mid(start, end - start);
        start = end;
    }
    qsizetype begin = -1, end = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (isBegin(lines[i])) {
            if (begin >= 0) {
                *error = Tr::tr("The file has TokenDesk's block twice; remove one of them (the lines from "
                                "“# BEGIN TokenDesk” to “# END TokenDesk”) and try again.");
                return std::nullopt;
            }
            begin = i;
        } else if (isEnd(lines[i])) {
            if (begin < 0 || end >= 0) {
                *error = Tr::tr("The file has a “# END TokenDesk” line without its “# BEGIN TokenDesk” line; "
                                "remove it and try again.");
                return std::nullopt;
            }
            end = i;
        }
    }
    if (begin >= 0 && end < 0) {
        *error = Tr::tr("The file has a “# BEGIN TokenDesk” line without its “# END TokenDesk” line; add the "
                        "END line where TokenDesk's block ends and try again.");
        return std::nullopt;
    }
    if (begin < 0) {
        QByteArray out = existing;
        if (!out.isEmpty() && !out.endsWith('\n'))
            out += '\n';
        return out + marked;
    }
    QByteArray out;
    for (qsizetype i = 0; i < begin; ++i)
        out += lines[i];
    out += marked;
    for (qsizetype i = end + 1; i < lines.size(); ++i)
        out += lines[i];
    return out;
}

} // namespace MarkedBlock
