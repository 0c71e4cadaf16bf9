// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;

// Help → About TokenDesk: the version, the libraries it runs with (Qt, OpenSSL,
// p11-kit's PKCS#11 headers), the licence, and where the manual is.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    // The facts shown, as plain text (also what "Copy" puts on the clipboard for a bug report).
    static QString versionsText();
};
