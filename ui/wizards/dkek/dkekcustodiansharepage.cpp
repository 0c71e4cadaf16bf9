// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/dkekcustodiansharepage.h"

#include "dkek/keycheckvalue.h"
#include "wizards/dkek/createdkeksharewizard.h"
#include "wizards/dkek/dkekcreatestate.h"
#include "widgets/secretlabel.h"
#include "wizards/dkek/dkekpaperbackup.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

DkekCustodianSharePage::DkekCustodianSharePage(DkekCreateState *state, int index, QWidget *parent)
    : QWizardPage(parent), m_state(state), m_index(index)
{
    m_intro = new QLabel;
    m_intro->setWordWrap(true);

    // The share is painted from wiping memory, never held in a QLabel's QString.
    m_share = new SecretLabel;
    m_share->setObjectName(QStringLiteral("shareText"));
    QFont mono = m_share->font();
    mono.setPointSizeF(mono.pointSizeF() * 1.3);
    m_share->setFont(mono);

    m_show = new QPushButton(tr("&Show Share"));
    m_show->setObjectName(QStringLiteral("showShareButton"));
    m_print = new QPushButton(tr("&Print This Custodian's Page\u2026"));
    m_print->setObjectName(QStringLiteral("printCustodianButton"));
    m_noted = new QCheckBox;
    m_noted->setObjectName(QStringLiteral("notedCheck"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_show);
    buttons->addStretch();
    buttons->addWidget(m_print);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addSpacing(8);
    layout->addWidget(m_share);
    layout->addLayout(buttons);
    layout->addSpacing(8);
    layout->addWidget(m_noted);
    layout->addStretch();

    connect(m_show, &QPushButton::clicked, this, [this] {
        if (!m_share->hasSecret())
            showShare();
        else
            hideShare();
    });
    connect(m_print, &QPushButton::clicked, this, &DkekCustodianSharePage::printSheet);
    connect(m_noted, &QCheckBox::toggled, this, &DkekCustodianSharePage::completeChanged);
}

void DkekCustodianSharePage::initializePage()
{
    const int total = m_state->custodians ? int(m_state->custodians->shares.size()) : 0;
    setTitle(tr("Key Custodian %1 of %2").arg(m_index + 1).arg(total));
    setSubTitle(tr("Only custodian %1 should see the screen now.").arg(m_index + 1));
    m_intro->setText(tr("Custodian %1: click Show Share and write down all three values exactly, or print your "
                        "page. Any %2 of the %3 custodians together can open the share file; keep your share "
                        "secret from the others.")
                         .arg(m_index + 1)
                         .arg(m_state->custodians ? m_state->custodians->threshold : 0)
                         .arg(total));
    m_noted->setText(tr("Custodian %1 has written down or printed this share").arg(m_index + 1));
    hideShare();
}

void DkekCustodianSharePage::showShare()
{
    if (!m_state->custodians || m_index >= int(m_state->custodians->shares.size()))
        return;
    m_share->setSecret(m_state->custodians->shares[std::size_t(m_index)].printedForm());
    m_show->setText(tr("&Hide Share"));
}

void DkekCustodianSharePage::hideShare()
{
    m_share->clearSecret();
    m_show->setText(tr("&Show Share"));
}

void DkekCustodianSharePage::hideEvent(QHideEvent *event)
{
    hideShare(); // leaving the page (Next, Back, closing) takes the share off the screen
    QWizardPage::hideEvent(event);
}

void DkekCustodianSharePage::printSheet()
{
    if (!m_state->custodians || !m_state->result)
        return;
    PaperBackupContent content{QFileInfo(m_state->result->path).fileName(), m_state->result->file,
                               m_state->result->kcv, m_state->createdAt, m_state->custodians->threshold,
                               &m_state->custodians->shares};
    DkekPaperBackup::print(this, content, DkekPaperBackup::Pages::OneCustodian, m_index);
}

bool DkekCustodianSharePage::isComplete() const
{
    return m_noted->isChecked();
}

int DkekCustodianSharePage::nextId() const
{
    const int total = m_state->custodians ? int(m_state->custodians->shares.size()) : 0;
    return m_index + 1 < total ? CreateDkekShareWizard::FirstCustodianPageId + m_index + 1
                               : CreateDkekShareWizard::ResultPageId;
}
