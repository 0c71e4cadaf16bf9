// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/inittoken/labelpage.h"

#include "lifecycle/inittokenvalidator.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

LabelPage::LabelPage(InitTokenWizard *wizard)
    : m_wizard(wizard), m_label(new QLineEdit(this)), m_preview(new QLabel(this)), m_bytes(new QLabel(this)),
      m_message(new QLabel(this))
{
    setTitle(tr("Token Label"));
    setSubTitle(tr("The label is how people and programs (browsers, pkcs11-tool, Java) tell this token apart."));
    m_label->setObjectName(QStringLiteral("label"));
    m_preview->setObjectName(QStringLiteral("labelPreview"));
    m_bytes->setObjectName(QStringLiteral("labelBytes"));
    m_message->setObjectName(QStringLiteral("labelMessage"));
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(4);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b02020"));
    m_bytes->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("New label:"), m_label);
    form->addRow(tr("Stored as:"), m_preview);
    form->addRow(QString(), m_bytes);
    auto *v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(m_message);
    v->addStretch();
    connect(m_label, &QLineEdit::textChanged, this, &LabelPage::bind);
}

void LabelPage::initializePage()
{
    const InitTokenState &s = m_wizard->state();
    const QString key = s.chosen ? s.chosen->ref.id.key() + QString::number(s.chosen->ref.slot) : QString();
    if (key != m_proposedFor) {
        // Propose the current label for an initialized token; a blank one has none.
        m_proposedFor = key;
        const bool initialized = s.params.token.flags & CKF_TOKEN_INITIALIZED;
        m_label->setText(initialized && s.chosen ? s.chosen->token.label : QString());
    }
    m_label->setFocus();
    m_label->selectAll();
    bind();
}

void LabelPage::bind()
{
    InitTokenParams &p = m_wizard->state().params;
    p.label = m_label->text();
    const QByteArray utf8 = p.label.trimmed().toUtf8();
    const QString problem = InitTokenValidator::checkLabel(p.label);
    // The 32 bytes as the token gets them; padding shown as middle dots so it can be seen.
    if (utf8.size() <= InitTokenValidator::kLabelBytes) {
        m_preview->setText(QLatin1Char('[') + QString::fromUtf8(utf8)
                           + QString(InitTokenValidator::kLabelBytes - utf8.size(), QChar(0x00B7)) + QLatin1Char(']'));
    } else {
        m_preview->setText(tr("(too long)"));
    }
    m_bytes->setText(tr("%1 of %2 bytes used (UTF-8); the rest is padded with spaces, shown as “·”. Spaces at either "
                        "end are dropped.")
                         .arg(utf8.size())
                         .arg(InitTokenValidator::kLabelBytes));
    m_message->setText(m_label->text().isEmpty() ? QString() : problem);
    Q_EMIT completeChanged();
}

bool LabelPage::isComplete() const
{
    return InitTokenValidator::checkLabel(m_wizard->state().params.label).isEmpty();
}
