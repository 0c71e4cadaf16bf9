// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmuserpinpage.h"

#include "schsm/initializedevicevalidator.h"
#include "wizards/schsm/schsminitializewizard.h"
#include "wizards/schsm/schsmsecretpair.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

SchsmUserPinPage::SchsmUserPinPage(SchsmInitializeWizard *wizard)
    : m_wizard(wizard),
      m_pins(new SchsmSecretPair(QStringLiteral("userPin"), tr("&User PIN:"), tr("R&epeat the user PIN:"), this)),
      m_retry(new QSpinBox(this)), m_soMayReset(new QCheckBox(tr("The &SO-PIN may reset the user PIN"), this)),
      m_transport(new QCheckBox(tr("&Transport PIN: the user must change the PIN before the device can be used"),
                                this)),
      m_message(new QLabel(this))
{
    setTitle(tr("User PIN"));
    setSubTitle(tr("The PIN the device's user logs in with: %1 to %2 characters.")
                    .arg(InitializeDeviceValidator::kMinUserPin)
                    .arg(InitializeDeviceValidator::kMaxUserPin));
    m_retry->setObjectName(QStringLiteral("retryCounter"));
    m_soMayReset->setObjectName(QStringLiteral("soMayReset"));
    m_transport->setObjectName(QStringLiteral("transportPin"));
    m_message->setObjectName(QStringLiteral("userPinMessage"));
    m_pins->setMaxLength(InitializeDeviceValidator::kMaxUserPin);
    m_retry->setRange(1, InitializeDeviceValidator::kMaxRetryCounter);
    m_retry->setValue(3);
    m_soMayReset->setChecked(true);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b02020"));
    auto *retryHint = new QLabel(tr("Wrong PINs in a row before the user PIN locks. A 6-character PIN allows at most "
                                    "3, a 7-character PIN at most 5."),
                                 this);
    retryHint->setWordWrap(true);
    auto *resetHint = new QLabel(tr("Without this option a locked user PIN can only be cured by initializing the "
                                    "device again, which erases its keys."),
                                 this);
    resetHint->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *retryLabel = new QLabel(tr("Retry &counter:"), this);
    retryLabel->setBuddy(m_retry);
    form->addRow(retryLabel, m_retry);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_pins);
    v->addLayout(form);
    v->addWidget(retryHint);
    v->addSpacing(6);
    v->addWidget(m_soMayReset);
    v->addWidget(resetHint);
    v->addWidget(m_transport);
    v->addWidget(m_message);
    v->addStretch();
    connect(m_pins, &SchsmSecretPair::changed, this, &SchsmUserPinPage::bind);
    connect(m_retry, &QSpinBox::valueChanged, this, &SchsmUserPinPage::bind);
    connect(m_soMayReset, &QCheckBox::toggled, this, &SchsmUserPinPage::bind);
    connect(m_transport, &QCheckBox::toggled, this, &SchsmUserPinPage::bind);
}

void SchsmUserPinPage::initializePage()
{
    m_pins->focusFirst();
    bind();
}

// withMismatch false: the repeat field is still being typed, so a mismatch is no problem to show yet.
QString SchsmUserPinPage::problem(bool withMismatch) const
{
    const InitializeDeviceParams &p = m_wizard->state().params;
    QString problem = InitializeDeviceValidator::userPin(p);
    if (problem.isEmpty() && withMismatch && !m_pins->matches())
        problem = tr("The two user PINs differ.");
    if (problem.isEmpty())
        problem = InitializeDeviceValidator::retryCounter(p);
    return problem;
}

void SchsmUserPinPage::bind()
{
    InitializeDeviceParams &p = m_wizard->state().params;
    p.userPin = m_pins->peek();
    p.retryCounter = m_retry->value();
    p.soMayResetUserPin = m_soMayReset->isChecked();
    p.transportPin = m_transport->isChecked();
    m_message->setText(m_pins->typed() ? problem(m_pins->mismatchShown()) : QString());
    Q_EMIT completeChanged();
}

bool SchsmUserPinPage::isComplete() const { return problem(true).isEmpty(); }
