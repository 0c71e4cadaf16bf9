// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class SupportTraceStatus;

// Help → Record a support trace…: says what the trace holds and what it never
// holds, lets the user choose the file, and starts or stops the recording
// (SupportTraceStatus in the status bar shows it and can stop it too).
class SupportTraceDialog : public QDialog {
    Q_OBJECT
public:
    SupportTraceDialog(SupportTraceStatus &status, QWidget *parent = nullptr);
    static QString defaultFileName();

private:
    void startOrStop();
    void showState();

    SupportTraceStatus &m_status;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QPushButton *m_toggle;
    QLabel *m_error;
};
