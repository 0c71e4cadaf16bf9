// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/resultheadlinepage.h"

#include "widgets/tokenjobwizard.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

ResultHeadlinePage::ResultHeadlinePage(QWidget *parent)
    : QWizardPage(parent), m_layout(new QVBoxLayout(this)), m_status(new QLabel(this)), m_busy(new QProgressBar(this)),
      m_note(new QLabel(this))
{
    m_status->setObjectName(QStringLiteral("resultStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy->setRange(0, 0);
    m_note->setWordWrap(true);
    m_layout->addWidget(m_status);
    m_layout->addWidget(m_busy);
    m_layout->addWidget(m_note);
}

QString ResultHeadlinePage::statusText() const { return m_status->text(); }

void ResultHeadlinePage::showNote(const QString &text) { m_note->setText(text); }

void ResultHeadlinePage::showWaiting(const QString &status)
{
    m_note->clear();
    m_busy->show();
    m_status->setText(status);
}

void ResultHeadlinePage::showOutcome(const QString &status)
{
    m_busy->hide();
    m_note->clear();
    m_status->setText(status);
}

void ResultHeadlinePage::setStatus(const QString &status) { m_status->setText(status); }

TokenJobWizard *ResultHeadlinePage::jobWizard() const { return qobject_cast<TokenJobWizard *>(wizard()); }
