// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/certimport/certimportrunpage.h"

#include "operations/tokenoperations.h"
#include "keys/certificateimport.h"
#include "p11/errortext.h"
#include "dialogs/resultfields.h"
#include "widgets/tokenjobwizard.h"
#include "wizards/certimport/certimportfilepage.h"

#include <QVBoxLayout>

CertImportRunPage::CertImportRunPage(Inventory &inventory, TokenRef token, CertImportFilePage *file, QWidget *parent)
    : ResultHeadlinePage(parent), m_inventory(inventory), m_token(std::move(token)), m_file(file),
      m_uris(new ResultFields(this))
{
    setTitle(tr("Writing to the token"));
    body()->addWidget(m_uris);
    body()->addStretch(1);
    setFinalPage(true);
}

QString CertImportRunPage::resultText() const { return statusText(); }

void CertImportRunPage::finish(bool ok, const QString &text)
{
    showOutcome(text);
    m_done = ok;
    setTitle(ok ? tr("Certificates imported") : tr("The import failed"));
    // Whatever happened, the tree reads the token again (jobEnded).
    if (TokenJobWizard *w = jobWizard()) {
        w->endJob(ok);
        w->setOption(QWizard::NoCancelButton, ok); // written: only Finish is left
    }
    Q_EMIT completeChanged();
    Q_EMIT finishedImport(ok);
}

void CertImportRunPage::initializePage()
{
    m_done = false;
    setTitle(tr("Writing to the token"));
    m_uris->setFields({});
    showWaiting(tr("Waiting for the token…"));
    if (TokenJobWizard *w = jobWizard())
        w->beginJob();
    TokenOperations::importCertificates(m_inventory, m_token, {m_file->certificates(), m_file->options()})
        .then(this,
              [this](const CertificateImportPlan &plan) {
                  QStringList lines;
                  QList<QPair<QString, QString>> uris;
                  for (const PlannedCertificate &c : plan.certificates)
                      if (c.written) {
                          lines << tr("Written: %1").arg(c.info.subject.toHtmlEscaped());
                          uris.append({tr("URI of “%1”:").arg(c.label), c.uri});
                      } else if (c.skipped())
                          lines << tr("Already on the token: %1").arg(c.info.subject.toHtmlEscaped());
                      else if (c.leftOut)
                          lines << tr("Left out (belongs to no key here): %1").arg(c.info.subject.toHtmlEscaped());
                  m_uris->setFields(uris);
                  finish(true, lines.join(QStringLiteral("<br>")));
              })
        .onCanceled(this, [this] { finish(false, tr("The import was cancelled before it reached the token; nothing was written.")); })
        .onFailed(this, [this](const std::exception &) {
            finish(false, describeFailure(tr("Import"), userError(std::current_exception()))
                              + tr("<br>Nothing was left half-written on the token."));
        });
}
