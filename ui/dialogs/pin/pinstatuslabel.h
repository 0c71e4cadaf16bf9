// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/pinrules.h"
#include "p11/pkcs11.h"

#include <QLabel>
#include <QList>

// The state of a token's PINs, shown before anything is typed: "User PIN: 1 try
// left" in red with what it means, "SO-PIN: OK" … Used by the PIN dialogs and
// the initialization wizard.
class PinStatusLabel : public QLabel {
    Q_OBJECT
public:
    explicit PinStatusLabel(QWidget *parent = nullptr);
    void setPins(const CK_TOKEN_INFO &token, const QList<PinRole> &roles);
    // Rich text for one PIN (summary in bold colour, advice below).
    static QString html(const CK_TOKEN_INFO &token, PinRole role);
};
