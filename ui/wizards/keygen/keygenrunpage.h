// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/tokenref.h"
#include "keys/keygenerator.h"

#include <QWizardPage>

#include <functional>

class Inventory;
class QLabel;
class QProgressBar;

// Runs the generation on the token's worker when entered; shows the waiting,
// then the result (ID, URIs) or the error sentence.
class KeyGenRunPage : public QWizardPage {
    Q_OBJECT
public:
    KeyGenRunPage(Inventory &inventory, TokenRef token, std::function<KeyGenSpec()> spec, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override { return m_done; }
    bool succeeded() const { return m_ok; }
    QString resultText() const;

Q_SIGNALS:
    void generated();

private:
    Inventory &m_inventory;
    TokenRef m_token;
    std::function<KeyGenSpec()> m_spec;
    QLabel *m_status;
    QProgressBar *m_busy;
    QLabel *m_result;
    bool m_done = false;
    bool m_ok = false;
};
