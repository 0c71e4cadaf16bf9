// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/healthcheckdialog.h"

#include "commands/healthfindingwidget.h"
#include "dialogs/dialogfit.h"
#include "inventory/inventory.h"
#include "keys/healthcheck.h"
#include "operations/tokenoperations.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <utility>

namespace {
// The same finding after a re-read: same kind, about the same object. Handles stay
// valid in the token's session, while the repair may have changed label and ID.
bool sameFinding(const HealthFinding &a, const HealthFinding &b)
{
    return a.kind == b.kind && !a.objects.empty() && !b.objects.empty()
        && a.objects.front().handle == b.objects.front().handle;
}
} // namespace

HealthCheckDialog::HealthCheckDialog(Inventory &inventory, TokenRef token, TokenContents contents, QWidget *parent)
    : TokenCommandDialog(inventory, std::move(token), parent), m_contents(std::move(contents)),
      m_summary(new QLabel(this)), m_recheck(new QPushButton(tr("Check &again"), this))
{
    setWindowTitle(tr("Token health check"));
    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Java, NSS and OpenSSL pair a key and its certificate by their ID (CKA_ID) alone. "
                                "The check lists what they will get wrong on this token."),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_summary->setWordWrap(true);
    v->addWidget(m_summary);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    // Findings wrap to the dialog's width; only the list of findings scrolls, downwards.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *inner = new QWidget(scroll);
    m_list = new QVBoxLayout(inner);
    m_list->addStretch(1);
    scroll->setWidget(inner);
    v->addWidget(scroll, 1);
    addStatusArea(v);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_recheck, QDialogButtonBox::ActionRole);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &HealthCheckDialog::reject);
    connect(m_recheck, &QPushButton::clicked, this, &HealthCheckDialog::recheck);
    m_findings = HealthCheck::run(m_contents);
    showFindings();
    DialogFit::initial(this, 640);
}

void HealthCheckDialog::showFindings()
{
    for (HealthFindingWidget *w : std::as_const(m_widgets)) {
        // Out of the layout now; deleted once the signal that may have led here has returned.
        w->hide();
        m_list->removeWidget(w);
        w->deleteLater();
    }
    m_widgets.clear();
    int repairable = 0;
    for (const HealthFinding &f : m_findings) {
        auto *w = new HealthFindingWidget(f, m_list->parentWidget());
        m_list->insertWidget(m_list->count() - 1, w); // above the stretch
        connect(w, &HealthFindingWidget::repairConfirmed, this, [this, w] { repair(w); });
        m_widgets << w;
        repairable += f.repairable;
    }
    if (m_contents.privateObjectsHidden)
        m_summary->setText(tr("<b>Not logged in:</b> private keys are hidden, so most problems cannot be seen. "
                              "Log in and check again."));
    else if (m_findings.empty())
        m_summary->setText(tr("<b>No problems found.</b> Every key and certificate pairs as it should."));
    else
        m_summary->setText(tr("<b>%1</b> (%2 with an automatic repair).")
                               .arg(tr("%n problem(s) found", nullptr, int(m_findings.size())))
                               .arg(repairable));
}

void HealthCheckDialog::setControlsEnabled(bool enabled)
{
    m_recheck->setEnabled(enabled);
    for (HealthFindingWidget *w : std::as_const(m_widgets))
        w->setRepairEnabled(enabled);
}

void HealthCheckDialog::repair(HealthFindingWidget *widget)
{
    if (isBusy())
        return;
    const HealthFinding finding = widget->finding();
    TokenOperations::HealthRepairRequest request{finding, widget->takeContextPin()};
    setBusy(true, tr("Waiting for the token to repair: %1").arg(finding.repair));
    setControlsEnabled(false);
    TokenOperations::repairHealthFinding(m_inventory, m_token, std::move(request))
        .then(this, [this, finding](const std::vector<HealthFinding> &) { reread(finding); })
        .onCanceled(this, [this] {
            endJob(false);
            setControlsEnabled(true);
        })
        .onFailed(this, [this](const std::exception &) {
            // Repairs run in one transaction and are restored on failure.
            showFailure(tr("Repair"), std::current_exception());
            endJob(false);
            setControlsEnabled(true);
        });
}

void HealthCheckDialog::recheck()
{
    if (isBusy())
        return;
    setBusy(true, tr("Waiting for the token: reading its objects…"));
    setControlsEnabled(false);
    reread(std::nullopt);
}

void HealthCheckDialog::reread(std::optional<HealthFinding> repaired)
{
    if (repaired) {
        // Written: the tree must show it even if the re-read below fails.
        Q_EMIT tokenChanged(m_token);
        setStatus(tr("Repaired. Reading the token again to check…"));
    }
    m_inventory.readObjects(m_token)
        .then(this,
              [this, repaired](const TokenContents &c) {
                  setBusy(false);
                  m_contents = c;
                  m_findings = HealthCheck::run(m_contents);
                  showFindings();
                  setControlsEnabled(true);
                  if (!repaired) {
                      setStatus(tr("Checked again."));
                      Q_EMIT jobFinished(true);
                      return;
                  }
                  const bool gone = std::none_of(m_findings.begin(), m_findings.end(),
                                                 [&](const HealthFinding &f) { return sameFinding(f, *repaired); });
                  if (gone) {
                      setStatus(tr("Repaired: %1 The token was read and checked again: this problem is gone.")
                                    .arg(repaired->sentence));
                  } else {
                      setStatus({});
                      setError(tr("The repair was written, but the check still finds: %1").arg(repaired->sentence));
                  }
                  Q_EMIT jobFinished(gone);
              })
        .onCanceled(this, [this] {
            setBusy(false);
            setControlsEnabled(true);
            Q_EMIT jobFinished(false);
        })
        .onFailed(this, [this](const std::exception &) {
            setBusy(false);
            setControlsEnabled(true);
            showFailure(tr("Reading objects"), std::current_exception());
            Q_EMIT jobFinished(false);
        });
}
