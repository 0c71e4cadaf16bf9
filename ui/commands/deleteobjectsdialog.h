// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/tokencommanddialog.h"
#include "inventory/snapshot.h"
#include "keys/objectdeletion.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Deletes an object from the token. For a private key it offers to take its
// public key and certificates along (a certificate without its key is of no
// use) and lists exactly what goes — class, label and ID of each object — and
// what stays. Deleting needs a deliberate confirmation: the word "delete" typed,
// then a button that names the number of objects.
class DeleteObjectsDialog : public TokenCommandDialog {
    Q_OBJECT
public:
    // contents: the token as the tree has it (logged in, so private keys are listed);
    // target: one of its objects.
    DeleteObjectsDialog(Inventory &inventory, TokenRef token, TokenContents contents, ObjectInfo target,
                        QWidget *parent = nullptr);

    const DeletionPlan &plan() const { return m_plan; }
    QCheckBox *partnersBox() const { return m_partners; }
    QLineEdit *confirmEdit() const { return m_confirm; }
    QPushButton *deleteButton() const { return m_delete; }
    QListWidget *objectList() const { return m_list; }

Q_SIGNALS:
    void deleted(const TokenRef &token, int count);

private:
    void replan();
    void updateButton();
    void runDeletion();

    TokenContents m_contents;
    ObjectInfo m_target;
    DeletionPlan m_plan;
    QCheckBox *m_partners;
    QListWidget *m_list;
    QLabel *m_notes;
    QLineEdit *m_confirm;
    QPushButton *m_delete;
};
