// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "readers/readerstatus.h"

#include <QWidget>

class QLabel;
class QPushButton;

// Shown instead of an empty tree when no token is found: what to do next. Insert a
// card or token (with what PC/SC says about pcscd and the readers, asked off the GUI
// thread), add a vendor's PKCS#11 module, or open the demo token.
class FirstStartPanel : public QWidget {
    Q_OBJECT
public:
    explicit FirstStartPanel(QWidget *parent = nullptr);

    // Asks PC/SC again (on a worker) and shows the answer.
    void probeReaders();
    QString readerText() const;
    QPushButton *addModuleButton() const { return m_addModule; }
    QPushButton *demoButton() const { return m_demo; }
    QPushButton *checkAgainButton() const { return m_checkAgain; }

Q_SIGNALS:
    void addModuleRequested();
    void demoRequested();
    // "Check again": the window scans its modules again.
    void rescanRequested();
    void showModulesRequested();
    void readersProbed();

private:
    void showReaders(const ReaderStatus &status);

    QLabel *m_readers;
    QPushButton *m_checkAgain;
    QPushButton *m_addModule;
    QPushButton *m_demo;
};
