// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/inittoken/userpinpage.h"

#include "widgets/secretedit.h"
#include "lifecycle/inittokenvalidator.h"
#include "lifecycle/pinrules.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

UserPinPage::UserPinPage(InitTokenWizard *wizard)
    : m_wizard(wizard), m_intro(new QLabel(this)), m_pinLabel(new QLabel(tr("New user PIN:"), this)),
      m_pin(new SecretEdit(this)), m_repeatLabel(new QLabel(tr("Repeat the user PIN:"), this)),
      m_repeat(new SecretEdit(this)), m_hint(new QLabel(this)), m_message(new QLabel(this))
{
    setTitle(tr("User PIN"));
    setSubTitle(tr("The PIN the token's user logs in with. It is set right after initialization, so the token is "
                   "ready to use."));
    m_pin->setObjectName(QStringLiteral("userPin"));
    m_repeat->setObjectName(QStringLiteral("userPinRepeat"));
    m_hint->setObjectName(QStringLiteral("userPinHint"));
    m_message->setObjectName(QStringLiteral("userPinMessage"));
    for (QLabel *l : {m_intro, m_hint, m_message})
        l->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b02020"));

    auto *form = new QFormLayout;
    form->addRow(m_pinLabel, m_pin);
    form->addRow(m_repeatLabel, m_repeat);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_intro);
    v->addLayout(form);
    v->addWidget(m_hint);
    v->addWidget(m_message);
    v->addStretch();
    connect(m_pin, &QLineEdit::textChanged, this, &UserPinPage::bind);
    connect(m_repeat, &QLineEdit::textChanged, this, &UserPinPage::bind);
}

void UserPinPage::initializePage()
{
    const CK_TOKEN_INFO &ti = m_wizard->state().params.token;
    const bool pinPad = ti.flags & CKF_PROTECTED_AUTHENTICATION_PATH;
    const PinRules rules = PinRules::forToken(ti, PinRole::User);
    m_intro->setText(pinPad ? tr("This reader has a PIN pad: after the initialization, enter the new SO-PIN and "
                                 "then the new user PIN on the reader when it asks.")
                            : QString());
    m_intro->setVisible(pinPad);
    for (QWidget *w : std::initializer_list<QWidget *>{m_pinLabel, m_pin, m_repeatLabel, m_repeat, m_hint})
        w->setVisible(!pinPad);
    m_hint->setText(tr("User PINs on this token have %1. Avoid PINs that are easy to guess, such as 123456 or a "
                       "birth date.")
                        .arg(rules.lengthText()));
    if (!pinPad)
        m_pin->setFocus();
    bind();
}

void UserPinPage::bind()
{
    InitTokenParams &p = m_wizard->state().params;
    p.userPin = m_pin->peek();
    p.userPinConfirmation = m_repeat->peek();
    const bool typed = !m_pin->text().isEmpty() || !m_repeat->text().isEmpty();
    m_message->setText(typed ? InitTokenValidator::checkUserPin(p) : QString());
    Q_EMIT completeChanged();
}

bool UserPinPage::isComplete() const
{
    return InitTokenValidator::checkUserPin(m_wizard->state().params).isEmpty();
}
