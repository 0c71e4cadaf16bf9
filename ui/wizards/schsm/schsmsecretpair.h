// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QWidget>

class QLabel;
class SecretEdit;

// A secret typed twice (new SO-PIN, user PIN): two SecretEdits in a form, named
// <name> and <name>Repeat for tests and accessibility.
class SchsmSecretPair : public QWidget {
    Q_OBJECT
public:
    SchsmSecretPair(const QString &name, const QString &label, const QString &repeatLabel, QWidget *parent = nullptr);

    SecureBytes peek() const;
    bool typed() const;
    bool matches() const;
    void wipe();
    void setMaxLength(int n);
    void focusFirst();

Q_SIGNALS:
    void changed();

private:
    SecretEdit *m_first;
    SecretEdit *m_repeat;
};
