// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/tokenref.h"
#include "keys/keygenerator.h"

#include "widgets/resultheadlinepage.h"

#include <functional>

class Inventory;
class QLabel;
class QPushButton;
class ResultFields;

// Runs the generation on the token's worker when entered; shows the waiting,
// then the result (ID, URIs) or the error sentence. Lives in a TokenJobWizard:
// while the token works the wizard cannot be closed or stepped back from.
class KeyGenRunPage : public ResultHeadlinePage {
    Q_OBJECT
public:
    KeyGenRunPage(Inventory &inventory, TokenRef token, std::function<KeyGenSpec()> spec, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override { return m_done; }
    bool succeeded() const { return m_ok; }
    QString resultText() const;
    // The URIs of the generated keys, shown in copyable fields.
    QStringList resultUris() const;
    // After a failure that left nothing on the token: back to the form to change it.
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void generated();

private:
    void finish(bool ok, const QString &status);

    Inventory &m_inventory;
    TokenRef m_token;
    std::function<KeyGenSpec()> m_spec;
    QLabel *m_result;
    ResultFields *m_uris;
    QPushButton *m_retry;
    bool m_done = false;
    bool m_ok = false;
};
