// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/tokencommanddialog.h"
#include "inventory/snapshot.h"
#include "keys/keyrename.h"

#include <QHash>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// A new label and/or CKA_ID for a key pair: the private key, its public-key
// objects and its certificate change together, so Java (alias = the certificate's
// label), NSS and OpenSSL keep pairing them. The validator's sentence shows inline
// and the list says which objects change and how.
class RenameKeyDialog : public TokenCommandDialog {
    Q_OBJECT
public:
    // object: the private key, or its certificate or public key (the key with the same
    // CKA_ID is renamed). contents: the token as the tree has it, logged in.
    RenameKeyDialog(Inventory &inventory, TokenRef token, TokenContents contents, const ObjectInfo &object,
                    QWidget *parent = nullptr);

    KeyRename rename() const;
    QString validationMessage() const;
    QLineEdit *labelEdit() const { return m_label; }
    QLineEdit *idEdit() const { return m_id; }
    QPushButton *renameButton() const { return m_apply; }
    QListWidget *planList() const { return m_plan; }

Q_SIGNALS:
    // The rename was written: ObjectInfo::key() of each renamed object before → after,
    // so the tree can keep the selection on the same object. Emitted before tokenChanged.
    void objectsRenamed(const TokenRef &token, const QHash<QString, QString> &newKeys);

protected:
    void resizeEvent(QResizeEvent *e) override;

private:
    void fitPlanHeight();
    void revalidate();
    void run();
    void setFieldsEnabled(bool enabled);
    QHash<QString, QString> newKeys(const KeyRename &r, const std::vector<ObjectInfo> &now) const;

    TokenContents m_contents;
    QByteArray m_keyId;
    QString m_currentLabel;
    QLineEdit *m_label;
    QLineEdit *m_id;
    QListWidget *m_plan;
    QLabel *m_notes;
    QPushButton *m_apply;
};
