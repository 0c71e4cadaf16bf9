// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QLineEdit>

// The one field for every PIN, SO-PIN, password and key share typed by a user.
// Its text leaves it only as SecureBytes: UTF-8 into SecureBytes, the temporary
// QByteArray cleansed. Undo, redo, copy, cut, drag and the context menu are off, so no
// edit history or clipboard keeps what was typed, and emptying goes through setText()
// (which, unlike QLineEdit::clear(), drops the undo history). Wipes itself when its
// window closes and when it is destroyed, so a dialog that closes leaves no secret in
// its widgets. Never registerField() it: QWizard would keep the text in a QVariant.
class SecretEdit : public QLineEdit {
    Q_OBJECT
public:
    explicit SecretEdit(QWidget *parent = nullptr);
    ~SecretEdit() override;

    // The text as UTF-8; the field keeps it (validation while typing).
    SecureBytes peek() const;
    // The text as UTF-8; the field is emptied.
    SecureBytes take();
    // Empties the field, overwriting the text where we hold the last reference.
    void wipe();
    // The length of the text in UTF-8 bytes (what a token counts), without a UTF-8 copy.
    qsizetype utf8Length() const;
    // Shows the characters (for a share read aloud from paper) or hides them again.
    void setRevealed(bool revealed);

protected:
    bool event(QEvent *e) override;
    void keyPressEvent(QKeyEvent *e) override;
    void hideEvent(QHideEvent *e) override;
    void showEvent(QShowEvent *e) override;

private:
    // wipe() without textChanged: for a closing window and the destructor, where the
    // window that listens may already be half destroyed (~QDialog hides its children
    // after the derived dialog's destructor has run).
    void wipeSilently();
    // Set when the field was emptied silently while the window was closed; the next
    // show reports the empty text, so a dialog opened again sees its field empty.
    bool m_unreportedWipe = false;
};
