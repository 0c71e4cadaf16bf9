// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class ModuleProbe;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;

// "Add module…": the modules p11-kit knows (including those not shown by
// default), and a file chooser for any other PKCS#11 library. The chosen module
// is tried in a child process first (ModuleProbe); the dialog is accepted only
// when that worked, so a module that crashes or hangs is never saved.
class AddModuleDialog : public QDialog {
    Q_OBJECT
public:
    explicit AddModuleDialog(const QStringList &alreadyShown, QWidget *parent = nullptr);
    QString selectedPath() const { return m_path; }
    // "Run in a separate process (safer, slower)" was ticked.
    bool runIsolated() const;
    // Tries path in a child process; accepts the dialog if it works (also for tests).
    void tryModule(const QString &path);
    bool isTrying() const;
    QString status() const;

    void reject() override; // Cancel while trying: stops the child

private:
    void probeFinished(bool ok, const QString &message);
    QListWidget *m_list;
    QLabel *m_status;
    QCheckBox *m_isolated;
    QDialogButtonBox *m_buttons;
    ModuleProbe *m_probe;
    QString m_trying;
    QString m_path;
};
