// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/restorekeysdialog.h"

#include "dialogs/dialogfit.h"
#include "dkek/keycheckvalue.h"
#include "inventory/objectfacts.h"
#include "p11/errortext.h"
#include "schsm/keybackuperror.h"
#include "schsm/schsmjobs.h"
#include "widgets/secretedit.h"

#include <QColor>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column { FileColumn, LabelColumn, IdColumn, AlgorithmColumn, CertificateColumn, CheckColumn };

QString certificateText(KeyBackupFile::Certificate c)
{
    switch (c) {
    case KeyBackupFile::Certificate::X509:
        return RestoreKeysDialog::tr("X.509 certificate");
    case KeyBackupFile::Certificate::CvRequest:
        return RestoreKeysDialog::tr("the device's CV request");
    case KeyBackupFile::Certificate::Other:
        return RestoreKeysDialog::tr("a certificate file");
    case KeyBackupFile::Certificate::None:
        break;
    }
    return RestoreKeysDialog::tr("none");
}
} // namespace

RestoreKeysDialog::RestoreKeysDialog(Inventory &inventory, TokenRef token, SchsmJobs &jobs, QString reader,
                                     QString slotDescription, QWidget *parent)
    : TokenCommandDialog(inventory, std::move(token), parent), m_jobs(jobs), m_reader(std::move(reader)),
      m_slotDescription(std::move(slotDescription)), m_files(new QTreeWidget(this)), m_replaceText(new QLabel(this)),
      m_confirm(new QLineEdit(this)), m_pin(new SecretEdit(this)), m_restore(new QPushButton(tr("&Restore"), this))
{
    setWindowTitle(tr("Restore keys"));
    auto *v = new QVBoxLayout(this);
    auto *head = new QLabel(tr("Restore key backups (files of sc-hsm-tool --wrap-key or TokenDesk's Back up key) into "
                               "the SmartCard-HSM with serial number %1 (reader %2). Only a device initialized with "
                               "the DKEK shares a backup was made under can take its key.")
                                .arg(m_token.id.serial.toHtmlEscaped(), m_reader.toHtmlEscaped()),
                            this);
    head->setWordWrap(true);
    v->addWidget(head);

    auto *filesRow = new QHBoxLayout;
    filesRow->addWidget(new QLabel(tr("Backup files:"), this), 1);
    auto *choose = new QPushButton(tr("&Choose files…"), this);
    choose->setAutoDefault(false);
    filesRow->addWidget(choose);
    v->addLayout(filesRow);
    m_files->setColumnCount(6);
    m_files->setHeaderLabels({tr("File"), tr("Key"), tr("CKA_ID"), tr("Algorithm"), tr("Certificate"), tr("Check")});
    m_files->setRootIsDecorated(false);
    m_files->setSelectionMode(QAbstractItemView::NoSelection);
    m_files->setAccessibleName(tr("Backup files to restore"));
    m_files->header()->setStretchLastSection(true);
    m_files->setWordWrap(true);
    v->addWidget(m_files);

    m_replaceText->setWordWrap(true);
    m_replaceText->setStyleSheet(QStringLiteral("color: #b02020"));
    m_replaceText->hide();
    v->addWidget(m_replaceText);
    auto *form = m_form = new QFormLayout;
    m_confirm->setAccessibleName(tr("Name of what is replaced"));
    form->addRow(tr("&Name to confirm:"), m_confirm);
    m_pin->setAccessibleName(tr("User PIN"));
    form->addRow(tr("User &PIN:"), m_pin);
    v->addLayout(form);
    form->setRowVisible(m_confirm, false);
    connect(choose, &QPushButton::clicked, this, &RestoreKeysDialog::chooseFiles);
    for (QLineEdit *field : {m_confirm, static_cast<QLineEdit *>(m_pin)})
        connect(field, &QLineEdit::textChanged, this, &RestoreKeysDialog::updateButton);
    connect(m_restore, &QPushButton::clicked, this, &RestoreKeysDialog::start);
    m_restore->setDefault(true);
    auto *note = new QLabel(
        tr("The PIN is sent once. After a wrong PIN nothing more is sent: correct it and press Restore again."), this);
    note->setWordWrap(true);
    v->addWidget(note);
    addFormEnd(v, m_restore);
    updateButton();
    choose->setFocus();
    DialogFit::initial(this, 860);
}

RestoreKeysDialog::~RestoreKeysDialog() = default; // m_userPin wipes itself

void RestoreKeysDialog::chooseFiles()
{
    auto *d = new QFileDialog(this, tr("Key backups to restore"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setFileMode(QFileDialog::ExistingFiles);
    d->setNameFilters({tr("Key backups (*.wrap *.bin *.der)"), tr("All files (*)")});
    connect(d, &QFileDialog::filesSelected, this, &RestoreKeysDialog::setFiles);
    d->open();
}

void RestoreKeysDialog::setFiles(const QStringList &paths)
{
    if (isBusy())
        return;
    m_entries.clear();
    for (const QString &path : paths) {
        Entry e;
        e.path = QFileInfo(path).absoluteFilePath();
        try {
            // Read once: the bytes checked here are the bytes sent.
            QFile f(e.path);
            if (!f.open(QIODevice::ReadOnly))
                throw KeyBackupError::readFailed(e.path, f.errorString());
            e.bytes = f.read(KeyBackupFile::kMaxSize + 1);
            e.file = KeyBackupFile::parse(e.bytes);
        } catch (const KeyBackupError &error) {
            e.problem = error.message();
        }
        m_entries.push_back(std::move(e));
    }
    setError(QString());
    setStatus(QString());
    readDevice();
}

void RestoreKeysDialog::readDevice()
{
    m_view.reset();
    m_readError.clear();
    updateChecks();
    if (m_entries.empty())
        return;
    const int read = ++m_reads;
    setStatus(tr("Reading the device…"));
    m_jobs.readForRestore(m_reader)
        .then(this,
              [this, read](const SchsmRestoreView &view) {
                  if (read != m_reads)
                      return;
                  m_view = view;
                  setStatus(QString());
                  updateChecks();
                  Q_EMIT checked();
              })
        .onCanceled(this, [] {})
        .onFailed(this, [this, read](const std::exception &) {
            if (read != m_reads)
                return;
            m_readError = tr("The device could not be read, so the files were not checked against it: %1")
                              .arg(userError(std::current_exception()).text());
            setStatus(QString());
            updateChecks();
            Q_EMIT checked();
        });
}

void RestoreKeysDialog::updateChecks()
{
    m_files->clear();
    QMap<QByteArray, int> ids;
    for (const Entry &e : m_entries)
        if (e.file)
            ++ids[e.file->description().id];
    for (Entry &e : m_entries) {
        auto *item = new QTreeWidgetItem(m_files);
        item->setText(FileColumn, QFileInfo(e.path).fileName());
        item->setToolTip(FileColumn, e.path);
        e.present.clear();
        QString check = e.problem;
        if (e.file) {
            const PrivateKeyDescription &d = e.file->description();
            item->setText(LabelColumn, d.label);
            item->setText(IdColumn, ObjectFacts::idHex(d.id));
            item->setText(AlgorithmColumn, SchsmKeyRestore::keyText(*e.file));
            QString certificate = certificateText(e.file->certificateKind());
            if (!e.file->certificateSubject().isEmpty())
                certificate = tr("%1 “%2”").arg(certificate, e.file->certificateSubject());
            item->setText(CertificateColumn, certificate);
            e.problem.clear();
            if (d.id.isEmpty())
                e.problem = tr("The backup's private key description has no CKA_ID.");
            else if (ids.value(d.id) > 1)
                e.problem = tr("Another chosen file holds a key with this CKA_ID; choose one of them.");
            else if (m_view)
                e.problem = SchsmKeyRestore::dkekRefusal(*e.file, m_view->status.dkek);
            if (m_view && e.problem.isEmpty())
                e.present = m_view->withId(d.id);
            check = e.problem;
            if (check.isEmpty() && !m_view)
                check = m_readError.isEmpty() ? tr("waiting for the device…") : m_readError;
            else if (check.isEmpty())
                check = e.present.empty()
                    ? tr("can be restored (DKEK check value %1)").arg(formatKeyCheckValue(e.file->blob().checkValue()))
                    : tr("replaces what the device holds under this CKA_ID (see below)");
        }
        item->setText(CheckColumn, check);
        item->setToolTip(CheckColumn, check);
        if (!e.problem.isEmpty())
            item->setForeground(CheckColumn, QColor(0xb0, 0x20, 0x20));
    }
    for (int c = FileColumn; c < CheckColumn; ++c)
        m_files->resizeColumnToContents(c);

    // What a replacement deletes, named exactly; the user types its name to agree.
    QStringList lost;
    QStringList names;
    for (const Entry &e : m_entries)
        for (const SchsmDeviceObject &o : e.present) {
            lost << o.text();
            names << o.name();
        }
    const bool replacing = !lost.isEmpty();
    m_replaceText->setVisible(replacing);
    if (names.size() == 1)
        m_replaceText->setText(tr("Restoring deletes from the device: %1. What is deleted cannot be recovered unless "
                                  "you have a backup of it. To replace it, type its name “%2” below.")
                                   .arg(lost.first(), names.first()));
    else if (replacing)
        m_replaceText->setText(tr("Restoring deletes from the device: %1. What is deleted cannot be recovered unless "
                                  "you have a backup of it. To replace them, type their names below, separated by "
                                  "commas: %2.")
                                   .arg(lost.join(QStringLiteral("; ")), names.join(QStringLiteral(", "))));
    // What was typed stays while the device is read again: it confirms only names that match.
    m_form->setRowVisible(m_confirm, replacing);
    m_restore->setText(replacing ? tr("&Replace and restore") : tr("&Restore"));
    updateButton();
}

QString RestoreKeysDialog::confirmProblem() const
{
    QStringList names;
    for (const Entry &e : m_entries)
        for (const SchsmDeviceObject &o : e.present)
            names << o.name();
    if (names.isEmpty())
        return {};
    QStringList typed;
    for (const QString &t : m_confirm->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        typed << t.trimmed();
    if (typed == names)
        return {};
    return names.size() == 1 ? tr("Type “%1” to confirm that it is replaced, or choose other files.").arg(names.first())
                             : tr("Type “%1” to confirm that they are replaced, or choose other files.")
                                   .arg(names.join(QStringLiteral(", ")));
}

void RestoreKeysDialog::updateButton()
{
    QString problem;
    bool anyProblem = false;
    for (const Entry &e : m_entries)
        anyProblem = anyProblem || !e.problem.isEmpty();
    if (m_entries.empty())
        problem = tr("Choose the backup files to restore.");
    else if (anyProblem)
        problem = tr("A file cannot be restored (see its row): nothing is written while one does not pass. Choose the "
                     "files again without it.");
    else if (!m_view)
        problem = m_readError.isEmpty() ? tr("Reading the device…") : m_readError;
    else if (const QString confirm = confirmProblem(); !confirm.isEmpty())
        problem = confirm;
    else if (m_pin->utf8Length() == 0)
        problem = tr("Enter the user PIN.");
    setValidation(m_entries.empty() ? QString() : problem);
    m_restore->setEnabled(problem.isEmpty() && !isBusy());
}

void RestoreKeysDialog::start()
{
    if (!m_restore->isEnabled() || isBusy())
        return;
    m_userPin = m_pin->take();
    m_restore->setEnabled(false);
    m_files->setEnabled(false);
    m_confirm->setEnabled(false);
    m_pin->setEnabled(false);
    setResultFields({});
    beginJob(tr("Waiting for the device: restoring %n key(s)…", nullptr, int(m_entries.size())));
    restore();
}

void RestoreKeysDialog::restore()
{
    std::vector<SchsmRestoreRequest> requests;
    for (const Entry &e : m_entries) {
        SchsmRestoreRequest r;
        r.name = QFileInfo(e.path).fileName();
        r.file = e.bytes;
        for (const SchsmDeviceObject &o : e.present)
            r.replace += o.files;
        requests.push_back(std::move(r));
    }
    const int total = int(requests.size());
    // The job checks that the card in the reader is this token's device before the PIN goes to it.
    QFuture<std::vector<SchsmRestoredKey>> job =
        m_jobs.restoreKeys(m_reader, {m_slotDescription, m_token.id.serial}, std::move(requests), m_userPin.clone());
    m_userPin.wipe();
    auto *watcher = new QFutureWatcher<std::vector<SchsmRestoredKey>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, total](int i) {
        if (isBusy() && i < total) // a late report must not cover the outcome
            setStatus(tr("Waiting for the device: restoring file %1 of %2 (%3)…")
                          .arg(i + 1)
                          .arg(total)
                          .arg(QFileInfo(m_entries[std::size_t(i)].path).fileName()));
    });
    connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(job);
    job.then(this,
             [this](const std::vector<SchsmRestoredKey> &keys) {
                 finish(true);
                 QList<QPair<QString, QString>> fields;
                 for (const SchsmRestoredKey &k : keys)
                     fields << qMakePair(k.name, tr("“%1”, CKA_ID %2, key reference %3, certificate: %4")
                                                     .arg(k.label, ObjectFacts::idHex(k.id),
                                                          QString::number(k.keyReference),
                                                          certificateText(k.certificate)));
                 setResultFields(fields);
                 setStatus(tr("Restored %n key(s). The tree reads the device again.", nullptr, int(keys.size())));
             })
        .onCanceled(this, [this] { finish(false); })
        .onFailed(this, [this](const std::exception &) {
            setError(userError(std::current_exception()).text());
            finish(false);
        });
}

void RestoreKeysDialog::finish(bool ok)
{
    m_userPin.wipe();
    endJob(ok);
    if (ok) {
        offerClose();
    } else {
        m_files->setEnabled(true);
        m_confirm->setEnabled(true);
        m_pin->setEnabled(true);
        m_pin->setFocus();
    }
    updateButton();
    if (ok)
        m_restore->setEnabled(false);
    // The device was reset (and the PIN may have lost a try): re-read it, and the tree too.
    Q_EMIT deviceChanged(m_reader);
    if (!ok)
        readDevice();
}
