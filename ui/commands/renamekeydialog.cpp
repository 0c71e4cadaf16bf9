// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/renamekeydialog.h"

#include "dialogs/dialogfit.h"
#include "inventory/inventory.h"
#include "keys/hexid.h"
#include "keys/tokenobjects.h"
#include "operations/tokenoperations.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>

RenameKeyDialog::RenameKeyDialog(Inventory &inventory, TokenRef token, TokenContents contents, const ObjectInfo &object,
                                 QWidget *parent)
    : TokenCommandDialog(inventory, std::move(token), parent), m_contents(std::move(contents)), m_keyId(object.id),
      m_label(new QLineEdit(this)), m_id(new QLineEdit(this)), m_plan(new QListWidget(this)), m_notes(new QLabel(this)),
      m_apply(new QPushButton(tr("&Rename"), this))
{
    setWindowTitle(tr("Rename key pair"));
    // The private key's label is the one the pair should share; a certificate
    // selected in the tree may carry a drifted one.
    m_currentLabel = object.labelText();
    for (const ObjectInfo &o : m_contents.objects)
        if (o.cls == CKO_PRIVATE_KEY && o.id == m_keyId)
            m_currentLabel = o.labelText();

    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The private key, its public key and its certificate get the new label and ID "
                                "together, so programs keep pairing them. Java shows the certificate's label as "
                                "the alias."),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    auto *form = new QFormLayout;
    m_label->setText(m_currentLabel);
    m_label->setAccessibleName(tr("New label"));
    form->addRow(tr("New &label:"), m_label);
    m_id->setText(HexId::format(m_keyId));
    m_id->setAccessibleName(tr("New ID"));
    m_id->setPlaceholderText(tr("hex, e.g. 01ab"));
    form->addRow(tr("New &ID (CKA_ID, hex):"), m_id);
    v->addLayout(form);
    v->addWidget(new QLabel(tr("Objects that change:"), this));
    m_plan->setSelectionMode(QAbstractItemView::NoSelection);
    m_plan->setFocusPolicy(Qt::NoFocus);
    // Long labels wrap instead of hiding the last row behind a horizontal scrollbar.
    m_plan->setWordWrap(true);
    m_plan->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    v->addWidget(m_plan);
    m_notes->setWordWrap(true);
    v->addWidget(m_notes);
    addFormEnd(v, m_apply);
    connect(m_apply, &QPushButton::clicked, this, &RenameKeyDialog::run);
    connect(m_label, &QLineEdit::textChanged, this, &RenameKeyDialog::revalidate);
    connect(m_id, &QLineEdit::textChanged, this, &RenameKeyDialog::revalidate);
    revalidate();
    DialogFit::initial(this, 560);
}

KeyRename RenameKeyDialog::rename() const
{
    // Unchanged fields mean "keep": the validator then asks for at least one change.
    KeyRename r;
    r.keyId = m_keyId;
    if (m_label->text() != m_currentLabel)
        r.newLabel = m_label->text();
    const std::optional<QByteArray> id = HexId::parse(m_id->text());
    if (!id || *id != m_keyId)
        r.newIdHex = m_id->text();
    return r;
}

QString RenameKeyDialog::validationMessage() const
{
    if (m_label->text().isEmpty())
        return tr("Give the key a label: Java shows it as the alias, and you will look for it by name.");
    if (m_id->text().trimmed().isEmpty())
        return tr("Give the key an ID: programs pair a key and its certificate by it.");
    return KeyRenameValidator::check(m_contents, rename());
}

void RenameKeyDialog::revalidate()
{
    const KeyRename r = rename();
    const KeyRenamePlan plan = KeyRenameValidator::plan(m_contents, r);
    const std::optional<QByteArray> newId = HexId::parse(r.newIdHex);
    m_plan->clear();
    for (const ObjectInfo &o : plan.objects) {
        QStringList changes;
        if (!r.newLabel.isEmpty() && o.labelText() != r.newLabel)
            changes << tr("label “%1”").arg(r.newLabel);
        if (!r.newIdHex.isEmpty() && newId && *newId != o.id)
            changes << tr("ID %1").arg(HexId::format(*newId));
        m_plan->addItem(changes.isEmpty() ? tr("%1: unchanged").arg(TokenObjects::describe(o))
                                          : tr("%1 → %2").arg(TokenObjects::describe(o), changes.join(tr(", "))));
    }
    fitPlanHeight();
    m_notes->setText(plan.notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!plan.notes.isEmpty());
    const QString message = validationMessage();
    setValidation(message);
    m_apply->setEnabled(message.isEmpty() && !isBusy());
}

void RenameKeyDialog::fitPlanHeight()
{
    // As tall as the plan (a key, its public key and a few certificates) at the list's
    // width, wrapped lines included: not a blank page, and no row cut off.
    const QFontMetrics fm = m_plan->fontMetrics();
    // The list's own geometry is set by the layout at once, its viewport's only when shown.
    const int width = std::max(100, m_plan->contentsRect().width() - 12);
    int height = 0;
    for (int i = 0; i < m_plan->count(); ++i)
        height += fm.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, m_plan->item(i)->text()).height() + 4;
    height = std::clamp(height, fm.height() + 4, 12 * fm.lineSpacing());
    m_plan->setFixedHeight(height + 2 * m_plan->frameWidth() + 4);
}

void RenameKeyDialog::resizeEvent(QResizeEvent *e)
{
    TokenCommandDialog::resizeEvent(e);
    fitPlanHeight();
}

QHash<QString, QString> RenameKeyDialog::newKeys(const KeyRename &r, const std::vector<ObjectInfo> &now) const
{
    // What each planned object is called now; kept only when the token reports it so.
    QSet<QString> present;
    for (const ObjectInfo &o : now)
        present.insert(o.key());
    const std::optional<QByteArray> newId = HexId::parse(r.newIdHex);
    QHash<QString, QString> out;
    for (const ObjectInfo &o : KeyRenameValidator::plan(m_contents, r).objects) {
        ObjectInfo renamed = o;
        if (!r.newLabel.isEmpty())
            renamed.label = r.newLabel.toUtf8();
        if (!r.newIdHex.trimmed().isEmpty() && newId)
            renamed.id = *newId;
        if (present.contains(renamed.key()))
            out.insert(o.key(), renamed.key());
    }
    return out;
}

void RenameKeyDialog::setFieldsEnabled(bool enabled)
{
    m_label->setEnabled(enabled);
    m_id->setEnabled(enabled);
}

void RenameKeyDialog::run()
{
    if (!validationMessage().isEmpty() || isBusy())
        return;
    const KeyRename r = rename();
    beginJob(tr("Waiting for the token to rename the key pair…"));
    setFieldsEnabled(false);
    TokenOperations::renameKeyPair(m_inventory, m_token, r)
        .then(this,
              [this, r](const std::vector<ObjectInfo> &now) {
                  // Before tokenChanged: the tree's refresh carries the selection over.
                  Q_EMIT objectsRenamed(m_token, newKeys(r, now));
                  endJob(true);
                  QStringList names;
                  for (const ObjectInfo &o : now)
                      names << TokenObjects::describe(o);
                  setStatus(tr("Renamed: %1.").arg(names.join(tr(", "))));
                  accept();
              })
        .onCanceled(this, [this] {
            endJob(false);
            setError(tr("The rename was cancelled before it reached the token; nothing was changed."));
            setFieldsEnabled(true);
            revalidate();
        })
        .onFailed(this, [this](const std::exception &) {
            // renameKeyPair restores the old values on failure: the token is as before.
            showFailure(tr("Renaming"), std::current_exception());
            endJob(false);
            setFieldsEnabled(true);
            revalidate();
            m_id->setFocus();
        });
}
