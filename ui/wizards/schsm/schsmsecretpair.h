// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QWidget>

class QFormLayout;
class SecretEdit;

// A secret typed twice (SO-PIN, user PIN): two SecretEdits in a form, named
// <name> and <name>Repeat for tests and accessibility. The repeat row can be hidden
// where typing once is right (a secret the device checks); then it always matches.
class SchsmSecretPair : public QWidget {
    Q_OBJECT
public:
    SchsmSecretPair(const QString &name, const QString &label, const QString &repeatLabel, QWidget *parent = nullptr);

    SecureBytes peek() const;
    bool typed() const;
    // The first field's length in UTF-8 bytes (what a device counts).
    qsizetype utf8Length() const;
    bool matches() const;
    // A mismatch worth saying: only once the repeat field has content or was left, not
    // while the first field is still being typed.
    bool mismatchShown() const;
    bool containsFocus() const;
    void wipe();
    void setMaxLength(int n);
    void setPlaceholderText(const QString &text);
    void setRepeatShown(bool shown);
    void focusFirst();
    // focusFirst() once the wizard has placed its own focus (it gives the focus to the
    // page's first focusable child after initializePage()); only if still visible.
    void focusFirstLater();

Q_SIGNALS:
    void changed();
    void edited(); // typed by the user (not wiped or set by the program)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    SecretEdit *m_first;
    SecretEdit *m_repeat;
    QFormLayout *m_form;
    bool m_repeatShown = true;
    bool m_repeatLeft = false; // the repeat field had the focus and lost it
};
