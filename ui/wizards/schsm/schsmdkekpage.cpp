// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmdkekpage.h"

#include "schsm/initializedevicevalidator.h"
#include "wizards/schsm/schsminitializewizard.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

SchsmDkekPage::SchsmDkekPage(SchsmInitializeWizard *wizard)
    : m_wizard(wizard), m_shares(new QSpinBox(this)), m_explain(new QLabel(this)),
      m_acceptNone(new QCheckBox(tr("I understand: keys on this device can &never be backed up or copied to "
                                    "another device."),
                                 this)),
      m_message(new QLabel(this))
{
    setTitle(tr("Device Key Encryption Key (DKEK)"));
    setSubTitle(tr("Keys are backed up and copied to other devices wrapped with the DKEK. The DKEK is made from "
                   "shares: each share file is imported after the initialization (Import DKEK Shares)."));
    m_shares->setObjectName(QStringLiteral("dkekShares"));
    m_acceptNone->setObjectName(QStringLiteral("acceptNoDkek"));
    m_explain->setObjectName(QStringLiteral("dkekExplanation"));
    m_message->setObjectName(QStringLiteral("dkekMessage"));
    m_shares->setRange(0, InitializeDeviceValidator::kMaxDkekShares);
    m_shares->setValue(1);
    for (QLabel *l : {m_explain, m_message})
        l->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b02020"));
    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("Number of DKEK &shares:"), this);
    label->setBuddy(m_shares);
    form->addRow(label, m_shares);
    auto *v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(m_explain);
    v->addWidget(m_acceptNone);
    v->addWidget(m_message);
    v->addStretch();
    connect(m_shares, &QSpinBox::valueChanged, this, &SchsmDkekPage::bind);
    connect(m_acceptNone, &QCheckBox::toggled, this, &SchsmDkekPage::bind);
}

void SchsmDkekPage::initializePage()
{
    m_shares->setFocus();
    bind();
}

void SchsmDkekPage::bind()
{
    InitializeDeviceParams &p = m_wizard->state().params;
    p.dkekShares = m_shares->value();
    const bool none = p.dkekShares == 0;
    if (!none)
        m_acceptNone->setChecked(false); // choosing 0 again needs a new tick
    p.acceptNoDkek = none && m_acceptNone->isChecked();
    m_acceptNone->setVisible(none);
    if (none)
        m_explain->setText(tr("<b>No DKEK: the keys generated on this device can never be backed up, restored or "
                              "copied to another device.</b> If the device breaks or is lost, they are gone."));
    else
        m_explain->setText(tr("The device will wait for %n share(s). Until all of them are imported, keys cannot "
                              "be backed up. Each key custodian keeps one share file and its password: make them "
                              "with Tools ▸ Create DKEK share…, one per custodian, before or after this.",
                              nullptr, p.dkekShares));
    const QString problem = InitializeDeviceValidator::dkek(p);
    // For 0 the explanation and the tick say it; the message is for anything else.
    m_message->setText(none ? QString() : problem);
    Q_EMIT completeChanged();
}

bool SchsmDkekPage::isComplete() const { return InitializeDeviceValidator::dkek(m_wizard->state().params).isEmpty(); }
