// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/dialogfit.h"

#include <QGuiApplication>
#include <QLayout>
#include <QScreen>
#include <QWidget>

#include <algorithm>

namespace {
// Room for the window frame and a panel, which availableGeometry may not subtract.
constexpr int kFrameReserve = 48;

QRect available(const QWidget *w)
{
    const QScreen *s = w->screen() ? w->screen() : QGuiApplication::primaryScreen();
    return s ? s->availableGeometry() : QRect(0, 0, 1366, 768);
}

int neededHeight(QWidget *w, int width)
{
    QLayout *l = w->layout();
    if (!l)
        return w->sizeHint().height();
    l->activate();
    const int hfw = l->hasHeightForWidth() ? l->totalHeightForWidth(width) : -1;
    return std::max({hfw, l->totalMinimumSize().height(), w->minimumSizeHint().height()});
}
} // namespace

int DialogFit::availableWidth(const QWidget *w) { return available(w).width() - kFrameReserve / 2; }

int DialogFit::availableHeight(const QWidget *w) { return available(w).height() - kFrameReserve; }

void DialogFit::initial(QWidget *w, int preferredWidth)
{
    const int width = std::min({std::max(preferredWidth, w->minimumSizeHint().width()), availableWidth(w)});
    w->resize(width, std::min(neededHeight(w, width), availableHeight(w)));
}

void DialogFit::grow(QWidget *w)
{
    const int width = std::min(w->width(), availableWidth(w));
    const int height = std::min(std::max(w->height(), neededHeight(w, width)), availableHeight(w));
    if (width != w->width() || height != w->height())
        w->resize(width, height);
}
