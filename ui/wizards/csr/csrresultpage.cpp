// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/csr/csrresultpage.h"

#include "operations/tokenoperations.h"
#include "p11/errortext.h"
#include "widgets/tokenjobwizard.h"
#include "wizards/csr/csrpinpage.h"
#include "wizards/csr/csrrequestpage.h"

#include <QAbstractButton>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

CsrResultPage::CsrResultPage(Inventory &inventory, TokenRef token, CsrRequestPage *request, CsrPinPage *pin,
                             QWidget *parent)
    : ResultHeadlinePage(parent), m_inventory(inventory), m_token(std::move(token)), m_request(request), m_pin(pin),
      m_details(new QPlainTextEdit(this)), m_savePem(new QPushButton(tr("Save as &PEM…"), this)),
      m_saveDer(new QPushButton(tr("Save as &DER…"), this)),
      m_retry(new QPushButton(tr("&Change and try again"), this))
{
    setTitle(tr("Signing the request on the token"));
    QVBoxLayout *v = body();
    m_details->setReadOnly(true);
    v->addWidget(m_details, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_savePem);
    buttons->addWidget(m_saveDer);
    buttons->addWidget(m_retry);
    buttons->addStretch(1);
    v->addLayout(buttons);
    setFinalPage(true);
    auto saveAs = [this](bool der) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save certificate signing request"),
                                                          der ? QStringLiteral("request.der") : QStringLiteral("request.csr"),
                                                          der ? tr("DER (*.der)") : tr("PEM (*.csr *.pem)"));
        if (path.isEmpty())
            return;
        const QString error = save(path, der);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Save request"), error);
        else
            setStatus(tr("Saved to %1. Send it to your certificate authority.").arg(path));
    };
    connect(m_savePem, &QPushButton::clicked, this, [saveAs] { saveAs(false); });
    connect(m_saveDer, &QPushButton::clicked, this, [saveAs] { saveAs(true); });
    // The page before this one is a commit page (the wizard's Back stays off): after a
    // failure (a wrong PIN, a refused key) this is the way back to change the entry.
    connect(m_retry, &QPushButton::clicked, this, [this] { wizard()->back(); });
}

void CsrResultPage::finish(bool ok, const QString &status)
{
    showOutcome(status);
    m_retry->setVisible(!ok);
    m_savePem->setEnabled(ok);
    m_saveDer->setEnabled(ok);
    // Signing writes nothing to the token.
    if (TokenJobWizard *w = jobWizard())
        w->endJob(false);
    Q_EMIT completeChanged();
    Q_EMIT finishedSigning(ok);
}

QString CsrResultPage::save(const QString &path, bool der) const
{
    if (!m_result)
        return tr("There is no request to save.");
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(der ? m_result->der : m_result->pem) < 0 || !f.commit())
        return tr("%1 could not be written: %2").arg(path, f.errorString());
    return {};
}

void CsrResultPage::initializePage()
{
    m_result.reset();
    m_details->clear();
    m_retry->hide();
    m_savePem->setEnabled(false);
    m_saveDer->setEnabled(false);
    const CsrKeyChoice *key = m_request->key();
    if (!key)
        return;
    TokenOperations::CsrRequest request;
    request.keyId = key->id;
    request.spec = m_request->spec();
    // CKA_ALWAYS_AUTHENTICATE: the PIN page asked for the PIN for this one signature.
    if (key->alwaysAuthenticate)
        request.contextPin.emplace(m_pin->takePin());
    showWaiting(tr("Waiting for the token to sign the request with “%1”…").arg(key->label));
    if (TokenJobWizard *w = jobWizard())
        w->beginJob();
    TokenOperations::createCsr(m_inventory, m_token, std::move(request))
        .then(this,
              [this](const CsrResult &r) {
                  m_result = r;
                  m_details->setPlainText(tr("Subject: %1\nOpenSSL form: %2\nKey: %3\n\nThe same with openssl:\n%4\n\n%5")
                                              .arg(r.subjectRfc4514, r.subjectOpenssl, r.keyUri, r.opensslCommand,
                                                   QString::fromLatin1(r.pem)));
                  finish(true, tr("The request is signed and its signature checked against the key. Save it:"));
              })
        .onCanceled(this, [this] { finish(false, tr("Signing the request was cancelled.")); })
        .onFailed(this, [this](const std::exception &) {
            finish(false, describeFailure(tr("Signing the request"), userError(std::current_exception())));
        });
}
