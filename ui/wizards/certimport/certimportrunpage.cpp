// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/certimport/certimportrunpage.h"

#include "inventory/inventory.h"
#include "keys/certificateimport.h"
#include "p11/errortext.h"
#include "dialogs/resultfields.h"
#include "widgets/tokenjobwizard.h"
#include "wizards/certimport/certimportfilepage.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

CertImportRunPage::CertImportRunPage(Inventory &inventory, TokenRef token, CertImportFilePage *file, QWidget *parent)
    : QWizardPage(parent), m_inventory(inventory), m_token(std::move(token)), m_file(file), m_status(new QLabel(this)),
      m_busy(new QProgressBar(this)), m_uris(new ResultFields(this))
{
    setTitle(tr("Writing to the token"));
    auto *v = new QVBoxLayout(this);
    m_busy->setRange(0, 0);
    v->addWidget(m_busy);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_status);
    v->addWidget(m_uris);
    v->addStretch(1);
    setFinalPage(true);
}

QString CertImportRunPage::resultText() const { return m_status->text(); }

void CertImportRunPage::finish(bool ok, const QString &text)
{
    m_busy->hide();
    m_status->setText(text);
    m_done = ok;
    setTitle(ok ? tr("Certificates imported") : tr("The import failed"));
    // Whatever happened, the tree reads the token again (jobEnded).
    if (auto *w = qobject_cast<TokenJobWizard *>(wizard())) {
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
    m_busy->show();
    m_status->setText(tr("Waiting for the token…"));
    if (auto *w = qobject_cast<TokenJobWizard *>(wizard()))
        w->beginJob();
    const QList<QByteArray> certs = m_file->certificates();
    const CertificateImportOptions options = m_file->options();
    m_inventory
        .withSession<CertificateImportPlan>(m_token,
                                            [certs, options](QPromise<CertificateImportPlan> &p, Session &s,
                                                             const CK_TOKEN_INFO &ti) {
                                                p.addResult(importCertificates(s, ti, certs, options));
                                            })
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
