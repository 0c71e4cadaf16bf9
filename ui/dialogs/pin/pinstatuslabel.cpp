// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/pin/pinstatuslabel.h"

#include "lifecycle/pinstatus.h"

#include <QStringList>

PinStatusLabel::PinStatusLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

QString PinStatusLabel::html(const CK_TOKEN_INFO &token, PinRole role)
{
    const PinStatus s = PinStatus::of(token, role);
    QString colour;
    switch (s.state) {
    case PinStatus::State::Locked:
    case PinStatus::State::FinalTry: colour = QStringLiteral("#b02020"); break;
    case PinStatus::State::CountLow: colour = QStringLiteral("#a06000"); break;
    case PinStatus::State::Ok:
    case PinStatus::State::NotSet: break;
    }
    QString out = QStringLiteral("<b>%1</b>").arg(s.summary(role).toHtmlEscaped());
    if (!colour.isEmpty())
        out = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour, out);
    const QString advice = s.advice(role);
    if (!advice.isEmpty())
        out += QStringLiteral("<br>") + advice.toHtmlEscaped();
    return out;
}

void PinStatusLabel::setPins(const CK_TOKEN_INFO &token, const QList<PinRole> &roles)
{
    QStringList parts;
    for (PinRole r : roles)
        parts << html(token, r);
    setText(parts.join(QStringLiteral("<br>")));
}
