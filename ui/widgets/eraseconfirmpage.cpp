// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/eraseconfirmpage.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

EraseConfirmPage::EraseConfirmPage(const QString &subTitle, QWidget *parent)
    : QWizardPage(parent), m_summary(new QLabel(this)), m_warning(new QLabel(this)), m_ask(new QLabel(this)),
      m_confirm(new QLineEdit(this))
{
    setTitle(tr("Erase and Initialize"));
    setSubTitle(subTitle);
    setCommitPage(true);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_warning->setObjectName(QStringLiteral("eraseWarning"));
    m_ask->setObjectName(QStringLiteral("confirmationLabel"));
    m_confirm->setObjectName(QStringLiteral("confirmation"));
    for (QLabel *l : {m_summary, m_warning, m_ask}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
    }
    m_ask->setBuddy(m_confirm);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setStyleSheet(QStringLiteral("color: #b02020"));
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_summary);
    v->addSpacing(8);
    v->addWidget(m_warning);
    v->addSpacing(8);
    v->addWidget(m_ask);
    v->addWidget(m_confirm);
    v->addStretch();
}

void EraseConfirmPage::setCommitText(bool erases)
{
    setButtonText(QWizard::CommitButton, erases ? tr("&Erase and Initialize") : tr("&Initialize"));
}

void EraseConfirmPage::keepConfirmationIfIn(const QStringList &targets)
{
    if (!targets.contains(typedConfirmation()))
        m_confirm->clear();
}

QString EraseConfirmPage::typedConfirmation() const { return m_confirm->text().trimmed(); }
