// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmlabelpage.h"

#include "schsm/initializedevicevalidator.h"
#include "schsm/schsmobjects.h"
#include "wizards/schsm/schsminitializewizard.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

SchsmLabelPage::SchsmLabelPage(SchsmInitializeWizard *wizard)
    : m_wizard(wizard), m_label(new QLineEdit(this)), m_preview(new QLabel(this)), m_message(new QLabel(this))
{
    setTitle(tr("Label"));
    setSubTitle(tr("A name for the device, so it can be told apart from others. Up to %1 bytes; it may be left "
                   "empty.")
                    .arg(InitializeDeviceValidator::kMaxLabelBytes));
    m_label->setObjectName(QStringLiteral("label"));
    m_preview->setObjectName(QStringLiteral("labelPreview"));
    m_message->setObjectName(QStringLiteral("labelMessage"));
    for (QLabel *l : {m_preview, m_message})
        l->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b02020"));
    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Label:"), this);
    label->setBuddy(m_label);
    form->addRow(label, m_label);
    auto *v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(m_preview);
    v->addWidget(m_message);
    v->addStretch();
    connect(m_label, &QLineEdit::textChanged, this, &SchsmLabelPage::bind);
}

void SchsmLabelPage::initializePage()
{
    m_label->setFocus();
    bind();
}

void SchsmLabelPage::bind()
{
    InitializeDeviceParams &p = m_wizard->state().params;
    p.label = m_label->text().trimmed();
    m_preview->setText(p.label.isEmpty()
                           ? tr("Without a label, OpenSC and the programs using it show the device as “%1”.")
                                 .arg(SchsmObjects::openScTokenLabel(p.label))
                           : tr("OpenSC and the programs using it will show the device as “%1”.")
                                 .arg(SchsmObjects::openScTokenLabel(p.label)));
    m_message->setText(InitializeDeviceValidator::label(p));
    Q_EMIT completeChanged();
}

bool SchsmLabelPage::isComplete() const { return InitializeDeviceValidator::label(m_wizard->state().params).isEmpty(); }
