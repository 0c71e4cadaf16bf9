// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QWizardPage>

class CsrRequestPage;
class QLabel;
class SecretEdit;

// The PIN for one signature, asked only for a key with CKA_ALWAYS_AUTHENTICATE
// (the token wants it again for every use). A page of the wizard, not a modal
// prompt: nothing waits in a nested event loop, and the PIN never becomes a
// QString (SecretEdit). Its Next signs on the token (a commit page).
class CsrPinPage : public QWizardPage {
    Q_OBJECT
public:
    explicit CsrPinPage(CsrRequestPage *request, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    // The PIN as typed; the field is emptied.
    SecureBytes takePin();
    SecretEdit *pinEdit() const { return m_pin; }

private:
    CsrRequestPage *m_request;
    QLabel *m_text;
    SecretEdit *m_pin;
};
