// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/backupkeysdialog.h"

#include "dialogs/dialogfit.h"
#include "inventory/objectfacts.h"
#include "p11/errortext.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmjobs.h"
#include "schsm/schsmtokenlink.h"
#include "widgets/secretedit.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {
enum Column { LabelColumn, IdColumn, AlgorithmColumn, FileColumn };

QString defaultFolder()
{
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(docs).isDir() ? docs : QDir::homePath();
}
} // namespace

BackUpKeysDialog::BackUpKeysDialog(Inventory &inventory, TokenRef token, SchsmJobs &jobs, QString reader,
                                   QString slotDescription, std::vector<ObjectInfo> keys, const QByteArray &checkedId,
                                   QWidget *parent)
    : TokenCommandDialog(inventory, std::move(token), parent), m_jobs(jobs), m_reader(std::move(reader)),
      m_slotDescription(std::move(slotDescription)), m_keyObjects(std::move(keys)), m_date(QDate::currentDate()),
      m_keys(new QTreeWidget(this)), m_folder(new QLineEdit(defaultFolder(), this)), m_pin(new SecretEdit(this)),
      m_backUp(new QPushButton(tr("&Back up"), this))
{
    setWindowTitle(tr("Back up keys"));
    auto *v = new QVBoxLayout(this);
    auto *head = new QLabel(tr("Back up private keys of the SmartCard-HSM with serial number %1 (reader %2). The device "
                               "exports each key encrypted under its DKEK; the file can be restored only into a device "
                               "that has the same DKEK.")
                                .arg(m_token.id.serial.toHtmlEscaped(), m_reader.toHtmlEscaped()),
                            this);
    head->setWordWrap(true);
    v->addWidget(head);

    m_keys->setColumnCount(4);
    m_keys->setHeaderLabels({tr("Key"), tr("CKA_ID"), tr("Algorithm"), tr("File")});
    m_keys->setRootIsDecorated(false);
    m_keys->setSelectionMode(QAbstractItemView::NoSelection);
    m_keys->setAccessibleName(tr("Keys to back up"));
    for (const ObjectInfo &k : m_keyObjects) {
        auto *item = new QTreeWidgetItem(m_keys);
        item->setText(LabelColumn, k.labelText());
        item->setText(IdColumn, ObjectFacts::idHex(k.id));
        const QString algorithm = ObjectFacts::keyDescription(k);
        item->setText(AlgorithmColumn, algorithm.isEmpty() ? tr("unknown") : algorithm);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(LabelColumn, !checkedId.isEmpty() && k.id == checkedId ? Qt::Checked : Qt::Unchecked);
    }
    m_keys->header()->setStretchLastSection(true);
    // As tall as its keys (up to 8, then it scrolls), not a blank page under three rows.
    const auto *view = static_cast<const QAbstractItemView *>(m_keys); // public there, protected in QTreeView
    const int row = m_keys->topLevelItemCount() ? view->sizeHintForRow(0) : m_keys->fontMetrics().height() + 4;
    m_keys->setFixedHeight(m_keys->header()->sizeHint().height() + std::clamp(m_keys->topLevelItemCount(), 1, 8) * row
                           + 2 * m_keys->frameWidth() + 4);
    v->addWidget(new QLabel(tr("Keys (one file for each key):"), this));
    v->addWidget(m_keys);

    auto *form = new QFormLayout;
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    auto *browse = new QPushButton(tr("Choose…"), this);
    browse->setAutoDefault(false);
    folderRow->addWidget(browse);
    m_folder->setAccessibleName(tr("Folder"));
    form->addRow(tr("&Folder:"), folderRow);
    qobject_cast<QLabel *>(form->labelForField(folderRow))->setBuddy(m_folder);
    m_pin->setAccessibleName(tr("User PIN"));
    form->addRow(tr("User &PIN:"), m_pin);
    v->addLayout(form);
    auto *note = new QLabel(tr("The PIN is sent once for each key. After a wrong PIN nothing more is sent: correct it and "
                               "press Back up again. Next to each file a note (.txt) records label, CKA_ID, algorithm, "
                               "key reference and DKEK check value."),
                            this);
    note->setWordWrap(true);
    v->addWidget(note);
    m_backUp->setDefault(true);
    addFormEnd(v, m_backUp);

    connect(browse, &QPushButton::clicked, this, &BackUpKeysDialog::chooseFolder);
    connect(m_folder, &QLineEdit::textChanged, this, &BackUpKeysDialog::updateButton);
    connect(m_pin, &QLineEdit::textChanged, this, &BackUpKeysDialog::updateButton);
    connect(m_keys, &QTreeWidget::itemChanged, this, &BackUpKeysDialog::updateButton);
    connect(m_backUp, &QPushButton::clicked, this, &BackUpKeysDialog::start);
    updateNames();
    m_pin->setFocus();
    DialogFit::initial(this, 720);
}

BackUpKeysDialog::~BackUpKeysDialog() = default; // m_userPin wipes itself

void BackUpKeysDialog::setDate(const QDate &date)
{
    m_date = date;
    updateNames();
}

void BackUpKeysDialog::updateNames()
{
    for (int i = 0; i < m_keys->topLevelItemCount(); ++i) {
        const ObjectInfo &k = m_keyObjects[std::size_t(i)];
        m_keys->topLevelItem(i)->setText(FileColumn, KeyBackupSave::defaultFileName(k.labelText(), k.id, m_date));
    }
    for (int c = LabelColumn; c < FileColumn; ++c)
        m_keys->resizeColumnToContents(c);
    updateButton();
}

std::vector<BackUpKeysDialog::Target> BackUpKeysDialog::targets() const
{
    std::vector<Target> out;
    const QDir folder(m_folder->text().trimmed());
    for (int i = 0; i < m_keys->topLevelItemCount(); ++i)
        if (m_keys->topLevelItem(i)->checkState(LabelColumn) == Qt::Checked)
            out.push_back({m_keyObjects[std::size_t(i)], folder.absoluteFilePath(m_keys->topLevelItem(i)->text(FileColumn))});
    return out;
}

void BackUpKeysDialog::updateButton()
{
    QString problem;
    if (targets().empty())
        problem = tr("Tick at least one key.");
    else if (m_folder->text().trimmed().isEmpty() || !QFileInfo(m_folder->text().trimmed()).isDir())
        problem = tr("Choose an existing folder for the backup files.");
    else if (m_pin->utf8Length() == 0)
        problem = tr("Enter the user PIN.");
    // Said only once the user has typed something: an empty form is no mistake yet.
    setValidation(m_pin->utf8Length() > 0 ? problem : QString());
    m_backUp->setEnabled(problem.isEmpty() && !isBusy());
}

void BackUpKeysDialog::chooseFolder()
{
    auto *d = new QFileDialog(this, tr("Folder for the backup files"), m_folder->text());
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setFileMode(QFileDialog::Directory);
    d->setOption(QFileDialog::ShowDirsOnly);
    connect(d, &QFileDialog::fileSelected, m_folder, &QLineEdit::setText);
    d->open();
}

void BackUpKeysDialog::start()
{
    if (!m_backUp->isEnabled() || isBusy() || m_question)
        return;
    std::vector<Target> chosen = targets();
    QStringList existing;
    for (const Target &t : chosen)
        for (const QString &p : {t.path, KeyBackupSave::notePath(t.path)})
            if (QFileInfo::exists(p) && !m_replaceConfirmed.contains(p))
                existing << p;
    if (!existing.isEmpty()) {
        askToReplace(existing);
        return;
    }
    m_running = std::move(chosen);
    m_written.clear();
    m_results.clear();
    m_userPin = m_pin->take();
    m_backUp->setEnabled(false);
    m_keys->setEnabled(false);
    m_folder->setEnabled(false);
    m_pin->setEnabled(false);
    beginJob(tr("Waiting for the device: backing up %n key(s)…", nullptr, int(m_running.size())));
    // The card in the reader must be this token's device before the PIN goes to it.
    m_jobs.readStatus(m_reader)
        .then(this,
              [this](const SchsmStatus &status) {
                  if (!SchsmTokenLink::isDevice(m_slotDescription, m_token.id.serial, status)) {
                      setError(tr("The card in reader %1 is not this token's device (serial number %2): nothing was "
                                  "sent and nothing was written.")
                                   .arg(m_reader, m_token.id.serial));
                      finish(false);
                      return;
                  }
                  m_deviceSerial = status.serial;
                  backUpNext(0);
              })
        .onCanceled(this, [this] { finish(false); })
        .onFailed(this, [this](const std::exception &) {
            showFailure(tr("Reading the device"), std::current_exception());
            finish(false);
        });
}

void BackUpKeysDialog::askToReplace(const QStringList &existing)
{
    m_question = new QMessageBox(QMessageBox::Warning, tr("Replace files?"),
                                 tr("These files exist already:\n%1\n\nReplace them with the new backup?")
                                     .arg(existing.join(QLatin1Char('\n'))),
                                 QMessageBox::Cancel, this);
    QPushButton *replace = m_question->addButton(tr("&Replace"), QMessageBox::AcceptRole);
    m_question->setDefaultButton(QMessageBox::Cancel);
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_question, &QMessageBox::finished, this, [this, replace, existing] {
        const bool agreed = m_question->clickedButton() == replace;
        m_question = nullptr;
        if (!agreed)
            return;
        for (const QString &p : existing)
            m_replaceConfirmed.insert(p);
        start();
    });
    m_question->open();
}

void BackUpKeysDialog::backUpNext(std::size_t index)
{
    if (index >= m_running.size()) {
        finish(true);
        return;
    }
    const ObjectInfo &key = m_running[index].key;
    setStatus(tr("Waiting for the device: backing up key %1 of %2 (CKA_ID %3)…")
                  .arg(index + 1)
                  .arg(m_running.size())
                  .arg(ObjectFacts::idHex(key.id)));
    m_jobs.backUpKey(m_reader, key.id, m_userPin.clone())
        .then(this, [this, index](const SchsmKeyBackup &backup) { saveBackup(index, backup); })
        .onCanceled(this, [this] { finish(false); })
        .onFailed(this, [this, index](const std::exception &) {
            // The first failure ends the job: after a wrong PIN, the next key would spend another try.
            const ObjectInfo &k = m_running[index].key;
            setError(tr("“%1” (CKA_ID %2) was not backed up and nothing was written for it: %3")
                         .arg(k.labelText(), ObjectFacts::idHex(k.id), userError(std::current_exception()).text()));
            finish(false);
        });
}

void BackUpKeysDialog::saveBackup(std::size_t index, const SchsmKeyBackup &backup)
{
    const Target &t = m_running[index];
    // A file that appeared while the device worked was never confirmed: it stays.
    QString error;
    bool ok = false;
    if ((QFileInfo::exists(t.path) || QFileInfo::exists(KeyBackupSave::notePath(t.path)))
        && !m_replaceConfirmed.contains(t.path)) {
        error = tr("%1 appeared while the device was working; it was not replaced.").arg(t.path);
    } else {
        const KeyBackupSave::NoteFacts facts{t.key.labelText(), t.key.id, ObjectFacts::keyDescription(t.key),
                                             m_deviceSerial, m_date};
        ok = KeyBackupSave::write(t.path, backup, facts, &error);
    }
    if (!ok) {
        setError(error);
        finish(false);
        return;
    }
    m_written << t.path;
    const QString certificate = backup.certificate == KeyBackupFile::Certificate::None ? tr("no certificate")
        : backup.certificate == KeyBackupFile::Certificate::X509                        ? tr("X.509 certificate included")
                                                                                        : tr("the device's CV request included");
    m_results << qMakePair(tr("File"), t.path)
              << qMakePair(tr("Key reference, DKEK check value"),
                           tr("%1, %2 (%3)")
                               .arg(backup.keyReference)
                               .arg(QString::fromLatin1(backup.dkekKcv.toHex()).toUpper(), certificate));
    backUpNext(index + 1);
}

void BackUpKeysDialog::finish(bool ok)
{
    m_userPin.wipe();
    const std::size_t total = m_running.size();
    m_running.clear();
    endJob(ok);
    setResultFields(m_results);
    if (ok) {
        setStatus(tr("Backed up %n key(s). The files are of no use without the DKEK shares: keep them where the "
                     "shares can be found.",
                     nullptr, int(total)));
        offerClose();
    } else if (!m_written.isEmpty()) {
        setStatus(tr("%n file(s) were written before the backup stopped.", nullptr, int(m_written.size())));
    }
    m_keys->setEnabled(!ok);
    m_folder->setEnabled(!ok);
    m_pin->setEnabled(!ok);
    if (!ok)
        m_pin->setFocus();
    updateButton();
    if (ok)
        m_backUp->setEnabled(false);
    // The device was reset after each backup (and the PIN may have lost a try): re-read it.
    Q_EMIT deviceChanged(m_reader);
}
