// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QListWidget;

// "Add module…": the modules p11-kit knows (including those not shown by
// default), and a file chooser for any other PKCS#11 library.
class AddModuleDialog : public QDialog {
    Q_OBJECT
public:
    explicit AddModuleDialog(const QStringList &alreadyShown, QWidget *parent = nullptr);
    QString selectedPath() const { return m_path; }

private:
    QListWidget *m_list;
    QString m_path;
};
