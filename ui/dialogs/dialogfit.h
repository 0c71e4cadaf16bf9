// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

// Sizing of dialogs and wizards so their content fits a small screen (1366×768):
// never wider or taller than the screen's available area, and never shorter than
// what their word-wrapped labels need at the width they have. Qt's layouts only
// enforce minimumSizeHint, which ignores heightForWidth, so a label that grows
// after a job (a result, an error) is otherwise clipped at the bottom.
namespace DialogFit {
// The space a top-level window may take on the screen it is (or will be) shown on.
int availableWidth(const QWidget *w);
int availableHeight(const QWidget *w);
// Resizes w to preferredWidth (capped to the screen) and the height its layout needs there.
void initial(QWidget *w, int preferredWidth);
// Grows w (never shrinks) so its layout fits at its current width; call after content changed.
void grow(QWidget *w);
} // namespace DialogFit
