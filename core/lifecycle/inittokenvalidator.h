// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/inittokenparams.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// Pure checks behind the Initialize Token wizard's pages, one per page. Each
// returns an empty string when the input is fine, otherwise one sentence.
class InitTokenValidator {
public:
    static constexpr int kLabelBytes = 32; // CK_TOKEN_INFO.label, blank-padded UTF-8

    // The chosen token itself (write-protected, SO-PIN locked).
    static QString checkToken(const InitTokenParams &p);
    // The current SO-PIN (initialized token) or the new one typed twice.
    static QString checkSoPin(const InitTokenParams &p);
    static QString checkLabel(const QString &label);
    static QString checkUserPin(const InitTokenParams &p);
    // The commit page: the user typed the token's current label or serial.
    static QString checkConfirmation(const InitTokenParams &p);
    // All of the above, in page order.
    static QString check(const InitTokenParams &p);

    // The label exactly as C_InitToken receives it: UTF-8, blank-padded to 32 bytes.
    // Spaces at either end are dropped (trailing ones would vanish in the padding anyway).
    static QByteArray storedLabel(const QString &label);
    // What the commit page accepts: the current label and serial, or, for a token
    // that has neither (SoftHSM's free slot) or only untypeable ones (NUL bytes,
    // control characters: see DisplayField), the new label.
    static QStringList confirmationTargets(const InitTokenParams &p);
};
