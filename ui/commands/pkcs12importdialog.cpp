// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/pkcs12importdialog.h"
#include "widgets/secretedit.h"

#include "dialogs/dialogfit.h"
#include "inventory/inventory.h"
#include "keys/hexid.h"
#include "keys/tokenobjects.h"
#include "operations/tokenoperations.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace {
// PKCS#12 files hold a key and a few certificates; anything far larger is not one.
constexpr qint64 kMaxFileSize = 4 * 1024 * 1024;
} // namespace

Pkcs12ImportDialog::Pkcs12ImportDialog(Inventory &inventory, TokenRef token, TokenContents contents,
                                       const QString &file, QWidget *parent)
    : TokenCommandDialog(inventory, std::move(token), parent), m_contents(std::move(contents)),
      m_file(new QLineEdit(file, this)), m_password(new SecretEdit(this)), m_label(new QLineEdit(this)),
      m_id(new QLineEdit(this)), m_import(new QPushButton(tr("&Import"), this))
{
    setWindowTitle(tr("Import PKCS#12 file"));
    auto *v = new QVBoxLayout(this);
    auto *note = new QLabel(tr("<b>The key in a PKCS#12 file was made outside the token.</b> Copies of it may exist "
                               "wherever the file has been, and the token records that it did not generate the key. "
                               "For a key that never leaves the token, generate one on the token and request a "
                               "certificate for it instead."),
                            this);
    note->setWordWrap(true);
    note->setFrameShape(QFrame::StyledPanel);
    note->setMargin(6);
    v->addWidget(note);
    auto *form = new QFormLayout;
    auto *fileRow = new QHBoxLayout;
    m_file->setAccessibleName(tr("PKCS#12 file"));
    fileRow->addWidget(m_file, 1);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAutoDefault(false); // Enter in a field never opens the file dialog
    fileRow->addWidget(browse);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file); // a row holding a layout gets no buddy by itself
    form->addRow(fileLabel, fileRow);
    m_password->setAccessibleName(tr("Password of the file"));
    form->addRow(tr("&Password:"), m_password);
    m_label->setAccessibleName(tr("Label"));
    m_label->setPlaceholderText(tr("optional: the file's name for the key, else the certificate's CN"));
    form->addRow(tr("&Label:"), m_label);
    m_id->setAccessibleName(tr("ID"));
    m_id->setPlaceholderText(tr("optional, hex: derived from the public key"));
    form->addRow(tr("&ID (CKA_ID):"), m_id);
    v->addLayout(form);
    addFormEnd(v, m_import);
    connect(browse, &QPushButton::clicked, this, &Pkcs12ImportDialog::browse);
    connect(m_import, &QPushButton::clicked, this, &Pkcs12ImportDialog::run);
    connect(m_file, &QLineEdit::textChanged, this, &Pkcs12ImportDialog::revalidate);
    connect(m_label, &QLineEdit::textChanged, this, &Pkcs12ImportDialog::revalidate);
    connect(m_id, &QLineEdit::textChanged, this, &Pkcs12ImportDialog::revalidate);
    DialogFit::initial(this, 560);
    revalidate();
}

QString Pkcs12ImportDialog::validationMessage() const
{
    const QString path = m_file->text().trimmed();
    if (path.isEmpty())
        return tr("Choose the PKCS#12 file (.p12, .pfx).");
    const QFileInfo fi(path);
    if (!fi.isFile() || !fi.isReadable())
        return tr("%1 is not a readable file.").arg(QDir::toNativeSeparators(path));
    if (fi.size() > kMaxFileSize)
        return tr("%1 is too large to be a PKCS#12 file.").arg(QDir::toNativeSeparators(path));
    const QString label = m_label->text();
    if (label != label.trimmed())
        return tr("The label starts or ends with a space; remove it, some programs trim it and then cannot find the key.");
    if (!m_id->text().trimmed().isEmpty()) {
        const std::optional<QByteArray> id = HexId::parse(m_id->text());
        if (!id || id->isEmpty())
            return tr("The ID must be hex digits, two per byte (e.g. 01ab).");
        for (const ObjectInfo &o : m_contents.objects)
            if (o.id == *id)
                return tr("The ID %1 is already used on this token by %2.")
                    .arg(HexId::format(*id), TokenObjects::describe(o));
    }
    return {};
}

void Pkcs12ImportDialog::revalidate()
{
    const QString message = m_result ? QString() : validationMessage();
    setValidation(message);
    m_import->setEnabled(!m_result && message.isEmpty() && !isBusy());
}

void Pkcs12ImportDialog::browse()
{
    auto *d = new QFileDialog(this, tr("Choose a PKCS#12 file"), QFileInfo(m_file->text()).absolutePath(),
                              tr("PKCS#12 (*.p12 *.pfx);;All files (*)"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setFileMode(QFileDialog::ExistingFile);
    connect(d, &QFileDialog::fileSelected, m_file, &QLineEdit::setText);
    d->open();
}

void Pkcs12ImportDialog::run()
{
    if (m_result || isBusy() || !validationMessage().isEmpty())
        return;
    QFile f(m_file->text().trimmed());
    if (!f.open(QIODevice::ReadOnly)) {
        setError(tr("%1 could not be read: %2").arg(QDir::toNativeSeparators(f.fileName()), f.errorString()));
        return;
    }
    TokenOperations::Pkcs12ImportRequest request;
    request.fileContents = f.read(kMaxFileSize + 1);
    request.options.label = m_label->text();
    request.options.idHex = m_id->text().trimmed();
    // The operation wipes the password after the import.
    request.password = m_password->take();
    beginJob(tr("Waiting for the token to store the key and certificates…"));
    m_import->setEnabled(false);
    TokenOperations::importPkcs12(m_inventory, m_token, std::move(request))
        .then(this,
              [this](const Pkcs12ImportResult &r) {
                  m_result = r;
                  endJob(true);
                  QList<QPair<QString, QString>> fields{{tr("Key URI:"), r.privateKeyUri}};
                  for (const PlannedCertificate &c : r.certificates.certificates) {
                      if (c.written)
                          fields.append({c.role == PlannedCertificate::Role::EndEntity ? tr("Its certificate:")
                                                                                     : tr("Chain certificate:"),
                                         c.info.subject});
                      else if (c.skipped())
                          fields.append({tr("Already on the token:"), c.info.subject});
                  }
                  setStatus(tr("Imported the key “%1” with the ID %2.<br><i>%3</i>")
                                .arg(r.label.toHtmlEscaped(), HexId::format(r.id), r.outsideTokenNote.toHtmlEscaped()));
                  setResultFields(fields);
                  offerClose();
                  revalidate();
              })
        .onCanceled(this, [this] {
            endJob(false);
            setError(tr("The import was cancelled before it reached the token; nothing was written."));
            revalidate();
        })
        .onFailed(this, [this](const std::exception &) {
            // importPkcs12 writes in one transaction: a refusal or failure leaves nothing behind.
            showFailure(tr("Import"), std::current_exception());
            endJob(false);
            revalidate();
            m_password->setFocus();
        });
}

void Pkcs12ImportDialog::done(int r)
{
    m_password->wipe();
    TokenCommandDialog::done(r);
}
