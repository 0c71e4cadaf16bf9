// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/tokenref.h"
#include "keys/csrbuilder.h"

#include "widgets/resultheadlinepage.h"

#include <functional>
#include <optional>

class Inventory;
class CsrPinPage;
class CsrRequestPage;
class QPlainTextEdit;
class QPushButton;

// Signs the request on the token's worker when entered, then offers saving
// it as PEM or DER and shows the equivalent openssl command for the record.
// Lives in a TokenJobWizard: while the token signs, the wizard cannot be closed
// or stepped back from.
class CsrResultPage : public ResultHeadlinePage {
    Q_OBJECT
public:
    CsrResultPage(Inventory &inventory, TokenRef token, CsrRequestPage *request, CsrPinPage *pin,
                  QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override { return m_result.has_value(); }
    const std::optional<CsrResult> &result() const { return m_result; }
    // Writes the request; der: binary DER, else PEM. Returns an error sentence or empty.
    QString save(const QString &path, bool der) const;
    // After a failure: back to the page before (the PIN, or the request) to change it.
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void finishedSigning(bool ok);

private:
    void finish(bool ok, const QString &status);

    Inventory &m_inventory;
    TokenRef m_token;
    CsrRequestPage *m_request;
    CsrPinPage *m_pin;
    QPlainTextEdit *m_details;
    QPushButton *m_savePem;
    QPushButton *m_saveDer;
    QPushButton *m_retry;
    std::optional<CsrResult> m_result;
};
