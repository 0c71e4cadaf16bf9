// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/readbackresultpage.h"

#include <QLabel>
#include <QVBoxLayout>

ReadBackResultPage::ReadBackResultPage(const QString &title, const QString &subTitle, QWidget *parent)
    : QWizardPage(parent), m_headline(new QLabel(this)), m_details(new QLabel(this))
{
    setTitle(title);
    setSubTitle(subTitle);
    setFinalPage(true);
    m_headline->setObjectName(QStringLiteral("resultHeadline"));
    m_details->setObjectName(QStringLiteral("resultDetails"));
    for (QLabel *l : {m_headline, m_details}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_headline->setFont(big);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_headline);
    v->addSpacing(8);
    v->addWidget(m_details);
    v->addStretch();
}

void ReadBackResultPage::setHeadline(const QString &html) { m_headline->setText(html); }

void ReadBackResultPage::setDetails(const QString &html) { m_details->setText(html); }
