// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

class QLineEdit;

// Moves what the user typed into a password field into SecureBytes. Qt keeps
// typed text in QStrings we cannot fully control; these helpers keep our own
// copies short-lived, overwrite the buffers we own, and reset the field with
// setText() (which also drops the edit's undo history, unlike clear()).
class SecretInput {
public:
    // UTF-8 of the field's text; the field is left as it is (validation while typing).
    static SecureBytes peek(const QLineEdit *edit);
    // UTF-8 of the field's text; the field is emptied.
    static SecureBytes take(QLineEdit *edit);
    // Empties the field, overwriting its text where we hold the last reference.
    static void wipe(QLineEdit *edit);
};
