// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QFrame>

// Shows a secret (a custodian's share) as monospaced ASCII lines without ever keeping
// it in a QString: the bytes live in SecureBytes, and each paint makes one short-lived
// QString per line that is overwritten right after drawing. No selection, no clipboard,
// no accessible text. clearSecret() (and hiding the window, and destruction) wipe it.
class SecretLabel : public QFrame {
    Q_OBJECT
public:
    explicit SecretLabel(QWidget *parent = nullptr);
    ~SecretLabel() override;

    void setSecret(SecureBytes text); // ASCII, lines separated by '\n'
    void clearSecret();
    bool hasSecret() const { return !m_text.empty(); }
    // For tests and the paper sheet: the lines as shown (a copy that wipes itself).
    SecureBytes secretCopy() const { return m_text.clone(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *e) override;
    void hideEvent(QHideEvent *e) override;

private:
    SecureBytes m_text;
    int m_lines = 0;     // counted when set, so that sizeHint() needs no copy
    int m_longest = 0;
};
