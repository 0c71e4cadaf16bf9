// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/certimport/certimportfilepage.h"

#include "inventory/objectfacts.h"
#include "x509/certificatefile.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

CertImportFilePage::CertImportFilePage(TokenContents contents, const QString &file, QWidget *parent)
    : QWizardPage(parent), m_contents(std::move(contents)), m_path(new QLineEdit(this)),
      m_unmatched(new QCheckBox(tr("Also import certificates that belong to no key here, as CA or other certificates"), this)),
      m_table(new QTreeWidget(this)), m_message(new QLabel(this))
{
    setTitle(tr("Import certificates"));
    setSubTitle(tr("PEM, DER or PKCS#7 (.p7b/.p7c), one certificate or a whole chain."));
    auto *v = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_path->setPlaceholderText(tr("Certificate file"));
    m_path->setAccessibleName(tr("Certificate file"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    v->addLayout(row);
    v->addWidget(m_unmatched);
    m_table->setHeaderLabels({tr("Certificate"), tr("Goes in as"), tr("CKA_ID / label")});
    m_table->setRootIsDecorated(false);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    v->addWidget(m_table, 1);
    m_message->setWordWrap(true);
    v->addWidget(m_message);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Certificate file"), QString(),
                                                       tr("Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c);;All files (*)"));
        if (!f.isEmpty())
            m_path->setText(f);
    });
    connect(m_path, &QLineEdit::textChanged, this, &CertImportFilePage::reload);
    connect(m_unmatched, &QCheckBox::toggled, this, &CertImportFilePage::reload);
    m_path->setText(file);
    reload();
}

CertificateImportOptions CertImportFilePage::options() const
{
    CertificateImportOptions o;
    o.importUnmatched = m_unmatched->isChecked();
    return o;
}

QString CertImportFilePage::message() const { return m_message->text(); }

bool CertImportFilePage::isComplete() const { return m_plan && m_plan->toWrite() > 0; }

void CertImportFilePage::reload()
{
    m_table->clear();
    m_plan.reset();
    m_certificates.clear();
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        m_message->setText(tr("Choose a file, or drop one on the token in the main window."));
        Q_EMIT completeChanged();
        return;
    }
    try {
        m_certificates = readCertificateFile(path);
        m_plan = planCertificateImport(m_contents, m_certificates, options());
    } catch (const std::exception &e) {
        m_message->setText(QStringLiteral("<span style='color:#b02020'>%1</span>").arg(QString::fromUtf8(e.what()).toHtmlEscaped()));
        Q_EMIT completeChanged();
        return;
    }
    for (const PlannedCertificate &c : m_plan->certificates) {
        QString role;
        switch (c.role) {
        case PlannedCertificate::Role::EndEntity: role = tr("paired with key “%1”").arg(c.keyLabel); break;
        case PlannedCertificate::Role::Authority: role = tr("CA certificate"); break;
        case PlannedCertificate::Role::Other: role = tr("other certificate (no key)"); break;
        }
        if (c.skipped())
            role = tr("already on the token as “%1”: skipped").arg(c.alreadyPresentAs);
        new QTreeWidgetItem(m_table, {c.info.subject, role, ObjectFacts::idHex(c.id) + QStringLiteral(" / ") + c.label});
    }
    QStringList notes = m_plan->notes;
    notes.prepend(tr("%n certificate(s) will be written.", nullptr, m_plan->toWrite()));
    m_message->setText(notes.join(QStringLiteral("<br>")));
    Q_EMIT completeChanged();
}
