// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPushButton>

#include <functional>

class QLineEdit;

// A "Copy" button that puts text on the clipboard and says "Copied" for a moment,
// so the user sees that the click did something; then it shows its own text again.
class CopyButton : public QPushButton {
    Q_OBJECT
public:
    // text: what the button says ("Copy", "Copy URI", "Copy all"); source: what it copies, asked on click.
    CopyButton(const QString &text, std::function<QString()> source, QWidget *parent = nullptr);
    // How long "Copied" stays (milliseconds).
    static constexpr int kFeedbackMs = 1500;
    // Gives any button the same click behaviour (e.g. one built elsewhere).
    static void attach(QAbstractButton *button, std::function<QString()> source);
    // A read-only field with a Copy button beside it, for URIs and IDs that must not be clipped:
    // the field scrolls and selects, the button copies all of it. Returns the row (parent owns it).
    static QWidget *field(const QString &text, const QString &accessibleName, QWidget *parent);
};
