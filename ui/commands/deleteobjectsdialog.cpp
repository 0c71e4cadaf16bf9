// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/deleteobjectsdialog.h"

#include "dialogs/dialogfit.h"
#include "inventory/inventory.h"
#include "keys/tokenobjects.h"
#include "operations/tokenoperations.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// The word to type. Not the label: labels can be empty, long or alike across keys,
// and one fixed word reads the same in every confirmation.
QString confirmationWord() { return DeleteObjectsDialog::tr("delete"); }
} // namespace

DeleteObjectsDialog::DeleteObjectsDialog(Inventory &inventory, TokenRef token, TokenContents contents,
                                         ObjectInfo target, QWidget *parent)
    : TokenCommandDialog(inventory, std::move(token), parent), m_contents(std::move(contents)),
      m_target(std::move(target)),
      m_partners(new QCheckBox(tr("Also delete its public key and certificates (they are of no use without the key)"), this)),
      m_list(new QListWidget(this)), m_notes(new QLabel(this)), m_confirm(new QLineEdit(this)),
      m_delete(new QPushButton(this))
{
    setWindowTitle(tr("Delete from token"));
    auto *v = new QVBoxLayout(this);
    auto *head = new QLabel(tr("Delete <b>%1</b> from the token with serial number %2?")
                                .arg(TokenObjects::describe(m_target).toHtmlEscaped(), m_token.id.serial.toHtmlEscaped()),
                            this);
    head->setWordWrap(true);
    v->addWidget(head);
    m_partners->setChecked(true);
    m_partners->setVisible(m_target.cls == CKO_PRIVATE_KEY);
    v->addWidget(m_partners);
    v->addWidget(new QLabel(tr("These objects will be deleted:"), this));
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    v->addWidget(m_list);
    m_notes->setWordWrap(true);
    v->addWidget(m_notes);
    auto *warning = new QLabel(tr("Deleting cannot be undone. A deleted private key is gone for good, and so is "
                                  "everything that only it could decrypt or sign."),
                               this);
    warning->setWordWrap(true);
    v->addWidget(warning);
    auto *typeLabel = new QLabel(tr("Type <b>%1</b> to confirm:").arg(confirmationWord()), this);
    typeLabel->setBuddy(m_confirm);
    v->addWidget(typeLabel);
    m_confirm->setAccessibleName(tr("Confirmation"));
    v->addWidget(m_confirm);
    addStatusArea(v);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_delete, QDialogButtonBox::DestructiveRole);
    m_delete->setAutoDefault(false);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeleteObjectsDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, &DeleteObjectsDialog::runDeletion);
    connect(m_partners, &QCheckBox::toggled, this, &DeleteObjectsDialog::replan);
    connect(m_confirm, &QLineEdit::textChanged, this, &DeleteObjectsDialog::updateButton);
    replan();
    DialogFit::initial(this, 560);
}

void DeleteObjectsDialog::replan()
{
    m_plan = planDeletion(m_contents, m_target, m_partners->isChecked());
    m_list->clear();
    for (const QString &d : m_plan.descriptions())
        m_list->addItem(d);
    m_notes->setText(m_plan.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!m_plan.notes.isEmpty());
    // As tall as the list (a key, its public key and a few certificates), not a blank page.
    const int row = m_list->count() ? m_list->sizeHintForRow(0) : m_list->fontMetrics().height() + 2;
    m_list->setFixedHeight(std::clamp(m_list->count(), 1, 8) * row + 2 * m_list->frameWidth() + 4);
    const int n = int(m_plan.objects.size());
    m_delete->setText(tr("Delete %n object(s)", nullptr, n));
    updateButton();
}

void DeleteObjectsDialog::updateButton()
{
    const bool confirmed = m_confirm->text().trimmed().compare(confirmationWord(), Qt::CaseInsensitive) == 0;
    m_delete->setEnabled(confirmed && !isBusy() && !m_plan.objects.empty());
}

void DeleteObjectsDialog::runDeletion()
{
    if (!m_delete->isEnabled())
        return;
    const DeletionPlan plan = m_plan;
    const int n = int(plan.objects.size());
    beginJob(tr("Waiting for the token to delete %n object(s)…", nullptr, n));
    m_delete->setEnabled(false);
    m_partners->setEnabled(false);
    m_confirm->setEnabled(false);
    TokenOperations::deleteObjects(m_inventory, m_token, plan)
        .then(this,
              [this](int count) {
                  Q_EMIT deleted(m_token, count);
                  endJob(true);
                  setStatus(tr("Deleted %n object(s).", nullptr, count));
                  accept();
              })
        .onCanceled(this, [this] {
            endJob(false);
            setError(tr("The deletion was cancelled before it reached the token; nothing was deleted."));
            m_partners->setEnabled(true);
            m_confirm->setEnabled(true);
            updateButton();
        })
        .onFailed(this, [this](const std::exception &) {
            showFailure(tr("Deleting"), std::current_exception());
            // The token may have changed under us (TokenChanged, or a failure part-way):
            // the tree must show what is there now (endJob refreshes it); this dialog's
            // list is stale, so it offers no second try.
            endJob(false);
            m_confirm->clear();
            m_confirm->setEnabled(false);
            m_partners->setEnabled(false);
            updateButton();
        });
}
