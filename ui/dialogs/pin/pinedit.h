// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QLineEdit>

// A password field whose text leaves it only as SecureBytes: UTF-8 into
// SecureBytes, the temporary QByteArray cleansed, and the field reset with
// setText() (which, unlike clear(), also drops the undo history that would
// otherwise keep the PIN). Wipes itself when its window closes or it is
// destroyed, so a dialog that closes leaves no PIN in its widgets. Never registerField() it: QWizard
// would keep the text in a QVariant.
class PinEdit : public QLineEdit {
    Q_OBJECT
public:
    explicit PinEdit(QWidget *parent = nullptr);
    ~PinEdit() override;

    // The text as UTF-8; the field keeps it (validation while typing).
    SecureBytes peek() const;
    // The text as UTF-8; the field is emptied.
    SecureBytes take();
    // Empties the field, overwriting the text where we hold the last reference.
    void wipe();

protected:
    void hideEvent(QHideEvent *e) override;
};
