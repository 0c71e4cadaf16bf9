// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/healthfinding.h"
#include "p11/securebytes.h"

#include <QFrame>

#include <optional>

class QLabel;
class SecretEdit;
class QPushButton;
class QWidget;

// One finding of the health check: what is wrong, the objects it names, and —
// when there is a repair — a Repair button that first shows, in place, what the
// repair will do and asks for a second click (plus the PIN for one signature when
// the repair must prove a key with CKA_ALWAYS_AUTHENTICATE).
class HealthFindingWidget : public QFrame {
    Q_OBJECT
public:
    explicit HealthFindingWidget(HealthFinding finding, QWidget *parent = nullptr);

    const HealthFinding &finding() const { return m_finding; }
    static QString title(HealthFinding::Kind kind);
    // The context PIN typed for this repair (nullopt when none was asked or typed);
    // the field is cleared.
    std::optional<SecureBytes> takeContextPin();
    void setRepairEnabled(bool enabled);

    QPushButton *repairButton() const { return m_repair; }
    QPushButton *confirmButton() const { return m_confirm; }
    QWidget *confirmation() const { return m_confirmation; }

Q_SIGNALS:
    // The user confirmed the repair; the dialog runs it.
    void repairConfirmed();

private:
    HealthFinding m_finding;
    QPushButton *m_repair = nullptr;
    QWidget *m_confirmation = nullptr;
    QPushButton *m_confirm = nullptr;
    SecretEdit *m_pin = nullptr;
};
