// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmsecretpair.h"

#include "widgets/secretedit.h"

#include <QFormLayout>
#include <QLabel>

SchsmSecretPair::SchsmSecretPair(const QString &name, const QString &label, const QString &repeatLabel,
                                 QWidget *parent)
    : QWidget(parent), m_first(new SecretEdit(this)), m_repeat(new SecretEdit(this))
{
    m_first->setObjectName(name);
    m_repeat->setObjectName(name + QStringLiteral("Repeat"));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    auto *firstLabel = new QLabel(label, this);
    firstLabel->setBuddy(m_first);
    auto *secondLabel = new QLabel(repeatLabel, this);
    secondLabel->setBuddy(m_repeat);
    form->addRow(firstLabel, m_first);
    form->addRow(secondLabel, m_repeat);
    connect(m_first, &QLineEdit::textChanged, this, &SchsmSecretPair::changed);
    connect(m_repeat, &QLineEdit::textChanged, this, &SchsmSecretPair::changed);
}

SecureBytes SchsmSecretPair::peek() const { return m_first->peek(); }

bool SchsmSecretPair::typed() const { return !m_first->text().isEmpty() || !m_repeat->text().isEmpty(); }

bool SchsmSecretPair::matches() const { return m_first->peek() == m_repeat->peek(); }

void SchsmSecretPair::wipe()
{
    m_first->wipe();
    m_repeat->wipe();
}

void SchsmSecretPair::setMaxLength(int n)
{
    m_first->setMaxLength(n);
    m_repeat->setMaxLength(n);
}

void SchsmSecretPair::focusFirst() { m_first->setFocus(); }
