// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/workstation/checkworkstationdialog.h"

#include "dialogs/copybutton.h"
#include "dialogs/dialogfit.h"
#include "inventory/inventory.h"
#include "inventory/report.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

CheckWorkstationDialog::CheckWorkstationDialog(Inventory &inventory, SetupPaths paths, QWidget *parent)
    : QDialog(parent), m_inventory(inventory), m_paths(std::move(paths))
{
    setWindowTitle(tr("Check this workstation"));
    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("What Java, OpenSSL, the browsers (NSS), p11-kit and OpenSSH are configured to use for "
                                "PKCS#11, and what is wrong with it. The same check as tokendesk --check-workstation."),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    v->addWidget(m_summary);
    m_view = new QTextBrowser(this);
    m_view->setAccessibleName(tr("Findings"));
    v->addWidget(m_view, 1);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_recheck = box->addButton(tr("Check &again"), QDialogButtonBox::ActionRole);
    box->addButton(new CopyButton(tr("Copy as text"), [this] { return WorkstationCheck::toText(m_findings); }, box),
                   QDialogButtonBox::ActionRole);
    connect(m_recheck, &QPushButton::clicked, this, &CheckWorkstationDialog::recheck);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(box);
    DialogFit::initial(this, 720);
    recheck();
}

void CheckWorkstationDialog::recheck()
{
    if (m_checking)
        return;
    m_checking = true;
    m_recheck->setEnabled(false);
    m_summary->setText(tr("Checking…"));
    scanNext(WorkstationCheck::javaLibraries(m_paths), InventoryReport());
}

// One module after the other: the Java configurations rarely name more than one.
void CheckWorkstationDialog::scanNext(QList<QString> libraries, InventoryReport report)
{
    if (libraries.isEmpty()) {
        showFindings(report);
        return;
    }
    const QString library = libraries.takeFirst();
    auto rest = std::make_shared<std::pair<QList<QString>, InventoryReport>>(std::move(libraries), std::move(report));
    m_inventory.scan(ModuleSpec{library, QFileInfo(library).completeBaseName(), false})
        .then(this,
              [this, rest](const ModuleSnapshot &m) {
                  rest->second.modules.push_back(m);
                  scanNext(rest->first, rest->second);
              })
        .onCanceled(this, [this, rest] { scanNext(rest->first, rest->second); })
        .onFailed(this, [this, rest] { scanNext(rest->first, rest->second); });
}

void CheckWorkstationDialog::showFindings(const InventoryReport &report)
{
    m_findings = WorkstationCheck::check(m_paths, report, qEnvironmentVariable("OPENSSL_CONF"));
    m_summary->setText(m_findings.isEmpty()
                           ? tr("Nothing wrong found in the Java, OpenSSL, NSS, p11-kit and OpenSSH configuration.")
                           : tr("%n problem(s) found.", nullptr, int(m_findings.size())));
    QString html;
    for (const Finding &f : std::as_const(m_findings)) {
        const QString where = f.line > 0 ? tr("%1, line %2").arg(f.file).arg(f.line) : f.file;
        html += QStringLiteral("<p><b>%1</b> (%2)<br>%3<br><i>%4</i></p>")
                    .arg(where.toHtmlEscaped(), f.consumer.toHtmlEscaped(), f.problem.toHtmlEscaped(),
                         tr("Fix: %1").arg(f.fix).toHtmlEscaped());
    }
    m_view->setHtml(html);
    m_checking = false;
    m_recheck->setEnabled(true);
    Q_EMIT checked();
}
