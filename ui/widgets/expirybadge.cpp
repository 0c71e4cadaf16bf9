// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/expirybadge.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {
QPixmap draw(CertificateValidity v, int size)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QRectF box(s * 0.06, s * 0.06, s * 0.88, s * 0.88);
    QPen glyph(Qt::white, s * 0.14, Qt::SolidLine, Qt::RoundCap);
    switch (v) {
    case CertificateValidity::Expired:
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xc6, 0x28, 0x28));
        p.drawEllipse(box);
        p.setPen(glyph);
        p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
        p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
        break;
    case CertificateValidity::ExpiringSoon: {
        QPainterPath tri;
        tri.moveTo(s * 0.5, s * 0.04);
        tri.lineTo(s * 0.97, s * 0.93);
        tri.lineTo(s * 0.03, s * 0.93);
        tri.closeSubpath();
        p.setPen(QPen(QColor(0x8a, 0x5a, 0x00), s * 0.05));
        p.setBrush(QColor(0xf5, 0xa6, 0x23));
        p.drawPath(tri);
        glyph.setColor(QColor(0x30, 0x20, 0x00));
        glyph.setWidthF(s * 0.12);
        p.setPen(glyph);
        p.drawLine(QPointF(s * 0.5, s * 0.36), QPointF(s * 0.5, s * 0.62));
        p.drawPoint(QPointF(s * 0.5, s * 0.78));
        break;
    }
    case CertificateValidity::NotYetValid:
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x60, 0x70, 0x80));
        p.drawEllipse(box);
        p.setPen(glyph);
        p.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5));
        break;
    case CertificateValidity::Valid: break;
    }
    return pm;
}

QIcon make(CertificateValidity v)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48})
        icon.addPixmap(draw(v, size));
    return icon;
}
} // namespace

QIcon ExpiryBadge::icon(CertificateValidity v)
{
    if (v == CertificateValidity::Valid)
        return {};
    static const QIcon expired = make(CertificateValidity::Expired);
    static const QIcon soon = make(CertificateValidity::ExpiringSoon);
    static const QIcon notYet = make(CertificateValidity::NotYetValid);
    return v == CertificateValidity::Expired ? expired : v == CertificateValidity::ExpiringSoon ? soon : notYet;
}

QColor ExpiryBadge::textColor(CertificateValidity v)
{
    switch (v) {
    case CertificateValidity::Expired: return QColor(0xb0, 0x20, 0x20);
    case CertificateValidity::ExpiringSoon: return QColor(0x8a, 0x4b, 0x00);
    case CertificateValidity::NotYetValid: return QColor(0x50, 0x5a, 0x66);
    case CertificateValidity::Valid: break;
    }
    return {};
}
