// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/healthfindingwidget.h"
#include "widgets/secretedit.h"

#include "commands/tokencommanddialog.h"
#include "keys/tokenobjects.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
bool needsContextPin(const HealthFinding &f)
{
    // Only a missing public key taken from a certificate is proven with a test
    // signature; other repairs change attributes and sign nothing.
    if (f.kind != HealthFinding::Kind::MissingPublicKey)
        return false;
    for (const ObjectInfo &o : f.objects)
        if (o.cls == CKO_PRIVATE_KEY && o.attrs.boolean(CKA_ALWAYS_AUTHENTICATE).value_or(false))
            return true;
    return false;
}
} // namespace

QString HealthFindingWidget::title(HealthFinding::Kind kind)
{
    switch (kind) {
    case HealthFinding::Kind::CertificateIdMismatch: return tr("Certificate under another ID than its key");
    case HealthFinding::Kind::WrongCertificate: return tr("Certificate of another key under this key's ID");
    case HealthFinding::Kind::DuplicateId: return tr("Several keys share one ID");
    case HealthFinding::Kind::MissingPublicKey: return tr("Private key without a public-key object");
    case HealthFinding::Kind::LabelDrift: return tr("Labels differ within a key pair");
    }
    return {};
}

HealthFindingWidget::HealthFindingWidget(HealthFinding finding, QWidget *parent)
    : QFrame(parent), m_finding(std::move(finding))
{
    setFrameShape(QFrame::StyledPanel);
    auto *v = new QVBoxLayout(this);
    auto *head = new QLabel(QStringLiteral("<b>%1</b>").arg(title(m_finding.kind).toHtmlEscaped()), this);
    head->setWordWrap(true);
    v->addWidget(head);
    auto *sentence = new QLabel(m_finding.sentence, this);
    sentence->setTextFormat(Qt::PlainText);
    sentence->setWordWrap(true);
    sentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(sentence);
    QStringList objects;
    for (const ObjectInfo &o : m_finding.objects)
        objects << QStringLiteral("• ") + TokenObjects::describe(o);
    auto *list = new QLabel(objects.join(QLatin1Char('\n')), this);
    list->setTextFormat(Qt::PlainText);
    // Long labels and IDs wrap: unwrapped, they widened the list past the dialog and
    // pushed Repair (right-aligned) behind the horizontal scrollbar.
    list->setWordWrap(true);
    list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(list);
    if (!m_finding.repairable) {
        auto *none = new QLabel(tr("No automatic repair. %1").arg(m_finding.repair), this);
        none->setTextFormat(Qt::PlainText);
        none->setWordWrap(true);
        none->setEnabled(false); // greyed: information, not an action
        v->addWidget(none);
        return;
    }
    m_repair = new QPushButton(tr("&Repair…"), this);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_repair);
    v->addLayout(row);

    // The confirmation says what the repair does before anything is written.
    m_confirmation = new QWidget(this);
    auto *cv = new QVBoxLayout(m_confirmation);
    cv->setContentsMargins(0, 0, 0, 0);
    auto *what = new QLabel(tr("The repair will: %1").arg(m_finding.repair), m_confirmation);
    what->setTextFormat(Qt::PlainText);
    what->setWordWrap(true);
    cv->addWidget(what);
    if (needsContextPin(m_finding)) {
        auto *form = new QFormLayout;
        m_pin = new SecretEdit(m_confirmation);
        m_pin->setAccessibleName(tr("PIN for the test signature"));
        form->addRow(tr("PIN for the test signature:"), m_pin);
        cv->addLayout(form);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *cancel = new QPushButton(tr("Cancel"), m_confirmation);
    m_confirm = new QPushButton(tr("Carry out the repair"), m_confirmation);
    buttons->addWidget(cancel);
    buttons->addWidget(m_confirm);
    cv->addLayout(buttons);
    m_confirmation->hide();
    v->addWidget(m_confirmation);

    connect(m_repair, &QPushButton::clicked, this, [this] {
        m_repair->hide();
        m_confirmation->show();
        m_confirm->setFocus();
    });
    connect(cancel, &QPushButton::clicked, this, [this] {
        if (m_pin)
            m_pin->wipe();
        m_confirmation->hide();
        m_repair->show();
    });
    connect(m_confirm, &QPushButton::clicked, this, &HealthFindingWidget::repairConfirmed);
}

std::optional<SecureBytes> HealthFindingWidget::takeContextPin()
{
    if (!m_pin || m_pin->text().isEmpty())
        return std::nullopt;
    return m_pin->take();
}

void HealthFindingWidget::setRepairEnabled(bool enabled)
{
    if (m_repair)
        m_repair->setEnabled(enabled);
    if (m_confirm)
        m_confirm->setEnabled(enabled);
}
