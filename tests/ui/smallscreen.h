// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The smallest common laptop screen (1366×768) for offscreen UI tests, and the check
// that a dialog's buttons and labels are all inside what the user sees at its size.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLayout>
#include <QScreen>
#include <QTextEdit>
#include <QWidget>

namespace SmallScreen {
constexpr int kWidth = 1366;
constexpr int kHeight = 768;

// Before the QApplication: the offscreen platform then has one 1366×768 screen (its
// default is 800×800). A test run with another platform (xcb) keeps that platform.
inline void useSmallScreen()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && platform != "offscreen")
        return;
    const QString path = QDir::temp().filePath(QStringLiteral("tokendesk-screen-%1.json").arg(QCoreApplication::applicationPid()));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return;
    f.write(QStringLiteral("{\"screens\":[{\"name\":\"laptop\",\"x\":0,\"y\":0,\"width\":%1,\"height\":%2,"
                           "\"logicalDpi\":96,\"logicalBaseDpi\":96,\"dpr\":1}]}")
                .arg(kWidth)
                .arg(kHeight)
                .toUtf8());
    f.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + QFile::encodeName(path));
}

inline QString describe(const QWidget *w)
{
    QString text;
    if (auto *l = qobject_cast<const QLabel *>(w))
        text = l->text();
    else if (auto *b = qobject_cast<const QAbstractButton *>(w))
        text = b->text();
    return QStringLiteral("%1 “%2”").arg(QString::fromLatin1(w->metaObject()->className()), text.left(60));
}

// Widgets inside item views and text views scroll by design (table rows, cell buttons).
inline bool insideScrollingView(const QWidget *w, const QWidget *top)
{
    for (const QWidget *p = w->parentWidget(); p && p != top; p = p->parentWidget())
        if (qobject_cast<const QAbstractItemView *>(p) || qobject_cast<const QTextEdit *>(p))
            return true;
    return false;
}

// What is wrong with `top` at its current size, one sentence per problem; empty when it fits:
// the window fits the screen; every visible button and label lies inside the window, is not
// cut off by a parent (a scroll area's viewport, a frame too small) and is not clipped (a
// wrapped label shorter than its text needs, a button or plain label narrower than its text).
inline QStringList problems(QWidget *top)
{
    QStringList out;
    if (top->layout())
        top->layout()->activate();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    if (top->width() > screen.width() || top->height() > screen.height())
        out << QStringLiteral("the window is %1×%2, larger than the %3×%4 screen")
                   .arg(top->width()).arg(top->height()).arg(screen.width()).arg(screen.height());
    const auto children = top->findChildren<QWidget *>();
    for (QWidget *w : children) {
        auto *label = qobject_cast<QLabel *>(w);
        auto *button = qobject_cast<QAbstractButton *>(w);
        if ((!label && !button) || !w->isVisibleTo(top) || w->window() != top || insideScrollingView(w, top))
            continue;
        if (label && label->text().isEmpty())
            continue;
        const QRect inTop(w->mapTo(top, QPoint(0, 0)), w->size());
        if (!top->rect().contains(inTop))
            out << QStringLiteral("%1 is outside the window (%2,%3 %4×%5)").arg(describe(w)).arg(inTop.x()).arg(inTop.y())
                       .arg(inTop.width()).arg(inTop.height());
        else if (w->visibleRegion().boundingRect() != w->rect())
            out << QStringLiteral("%1 is partly hidden by its parent (a scrollbar or a frame too small)").arg(describe(w));
        if (label && label->wordWrap() && label->height() < label->heightForWidth(label->width()))
            out << QStringLiteral("%1 is clipped: %2 px high, its text needs %3").arg(describe(w)).arg(label->height())
                       .arg(label->heightForWidth(label->width()));
        else if (label && !label->wordWrap() && label->width() < label->sizeHint().width())
            out << QStringLiteral("%1 is clipped: %2 px wide, its text needs %3").arg(describe(w)).arg(label->width())
                       .arg(label->sizeHint().width());
        if (button && button->width() < button->minimumSizeHint().width())
            out << QStringLiteral("%1 is clipped: %2 px wide, needs %3").arg(describe(w)).arg(button->width())
                       .arg(button->minimumSizeHint().width());
    }
    return out;
}
} // namespace SmallScreen
