// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/pairingbadge.h"

#include <QPainter>
#include <QPixmap>

namespace {
QPixmap draw(int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    p.setPen(QPen(QColor(0x3c, 0x1f, 0x7a), s * 0.05));
    p.setBrush(QColor(0x6a, 0x3d, 0xc8));
    p.drawRoundedRect(QRectF(s * 0.04, s * 0.04, s * 0.92, s * 0.92), s * 0.18, s * 0.18);
    // Two chain links, pulled apart along the diagonal.
    p.setPen(QPen(Qt::white, s * 0.1, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(Qt::NoBrush);
    p.translate(s / 2, s / 2);
    p.rotate(-45);
    const QRectF link(-s * 0.17, -s * 0.11, s * 0.34, s * 0.22);
    p.drawRoundedRect(link.translated(-s * 0.2, 0), s * 0.1, s * 0.1);
    p.drawRoundedRect(link.translated(s * 0.2, 0), s * 0.1, s * 0.1);
    p.resetTransform();
    // The break between them.
    p.setPen(QPen(QColor(0xff, 0xd5, 0x4f), s * 0.07, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(s * 0.58, s * 0.3), QPointF(s * 0.66, s * 0.22));
    p.drawLine(QPointF(s * 0.34, s * 0.78), QPointF(s * 0.42, s * 0.7));
    return pm;
}
} // namespace

QIcon PairingBadge::icon()
{
    static const QIcon icon = [] {
        QIcon i;
        for (int size : {16, 24, 32, 48})
            i.addPixmap(draw(size));
        return i;
    }();
    return icon;
}
