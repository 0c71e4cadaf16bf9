// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/workstation/usekeydialog.h"

#include "dialogs/copybutton.h"
#include "dialogs/dialogfit.h"
#include "widgets/secretedit.h"
#include "workstation/setupdiff.h"
#include "workstation/setupjournal.h"
#include "workstation/setupwriter.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QPlainTextEdit *textView(QWidget *parent, const QString &accessibleName)
{
    auto *t = new QPlainTextEdit(parent);
    t->setReadOnly(true);
    t->setLineWrapMode(QPlainTextEdit::NoWrap);
    t->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    t->setAccessibleName(accessibleName);
    return t;
}
} // namespace

UseKeyDialog::UseKeyDialog(KeyFacts key, ProofExpectation expected, SetupPaths paths, QWidget *parent)
    : QDialog(parent), m_key(std::move(key)), m_expected(std::move(expected)), m_paths(std::move(paths)),
      m_proof(new ConsumerProof(this))
{
    setWindowTitle(tr("Use this key in…"));
    auto *v = new QVBoxLayout(this);
    v->addWidget(wrapped(tr("Key “%1” on the token “%2” (serial %3)").arg(m_key.objectLabel, m_key.tokenLabel, m_key.tokenSerial),
                         this));
    v->addWidget(CopyButton::field(m_key.uri, tr("PKCS#11 URI"), this));

    auto *form = new QFormLayout;
    m_targets = new QComboBox(this);
    // In SetupTarget's order.
    m_targets->addItem(tr("Java (keytool, JSSE)"), int(SetupTarget::Java));
    m_targets->addItem(tr("OpenSSL (pkcs11 engine)"), int(SetupTarget::Openssl));
    m_targets->addItem(tr("OpenSSH"), int(SetupTarget::Ssh));
    m_targets->addItem(tr("p11-kit (every p11-kit-aware program)"), int(SetupTarget::P11Kit));
    m_targets->addItem(tr("Browsers (NSS: Chromium, Firefox)"), int(SetupTarget::Nss));
    m_targets->addItem(tr("IBM MQ / GSKit"), int(SetupTarget::Gskit));
    form->addRow(tr("&Program:"), m_targets);
    v->addLayout(form);

    m_tabs = new QTabWidget(this);
    // Files: what is written where, the diff, Write and Undo.
    auto *filesPage = new QWidget(m_tabs);
    auto *fv = new QVBoxLayout(filesPage);
    m_files = wrapped(QString(), filesPage);
    fv->addWidget(m_files);
    m_diff = textView(filesPage, tr("Changes to the files"));
    fv->addWidget(m_diff, 1);
    m_pinStatement = wrapped(tr("No file TokenDesk writes holds a PIN, and TokenDesk never writes one: the programs ask "
                                "for it. New files and folders can be read by you only (mode 600 and 700); a file that "
                                "is changed keeps its permissions, and its previous version is kept next to it with "
                                "the date in its name."),
                             filesPage);
    fv->addWidget(m_pinStatement);
    auto *buttons = new QHBoxLayout;
    m_write = new QPushButton(tr("&Write"), filesPage);
    m_undo = new QPushButton(tr("&Undo last write"), filesPage);
    m_undo->setToolTip(tr("Puts back the files of TokenDesk's last write byte for byte, whichever program it was for."));
    buttons->addWidget(m_write);
    buttons->addWidget(m_undo);
    buttons->addStretch();
    fv->addLayout(buttons);
    m_writeStatus = wrapped(QString(), filesPage);
    fv->addWidget(m_writeStatus);
    m_tabs->addTab(filesPage, tr("&Files"));

    // Commands: what the user runs, each with a Copy button, and the notes.
    m_commandsBox = new QWidget(m_tabs);
    auto *cv = new QVBoxLayout(m_commandsBox);
    m_commands = new QVBoxLayout;
    cv->addLayout(m_commands);
    m_notes = wrapped(QString(), m_commandsBox);
    cv->addWidget(m_notes);
    cv->addStretch();
    m_tabs->addTab(m_commandsBox, tr("&Commands"));

    // Test it: the real consumer against the token.
    auto *testPage = new QWidget(m_tabs);
    auto *tv = new QVBoxLayout(testPage);
    m_testIntro = wrapped(QString(), testPage);
    tv->addWidget(m_testIntro);
    auto *pinRow = new QHBoxLayout;
    auto *pinLabel = new QLabel(tr("Token P&IN:"), testPage);
    m_pin = new SecretEdit(testPage);
    m_pin->setAccessibleName(tr("Token PIN"));
    pinLabel->setBuddy(m_pin);
    m_test = new QPushButton(tr("&Test it"), testPage);
    m_cancelTest = new QPushButton(tr("Cancel test"), testPage);
    m_cancelTest->setEnabled(false);
    pinRow->addWidget(pinLabel);
    pinRow->addWidget(m_pin, 1);
    pinRow->addWidget(m_test);
    pinRow->addWidget(m_cancelTest);
    tv->addLayout(pinRow);
    m_result = wrapped(QString(), testPage);
    QFont bold = m_result->font();
    bold.setBold(true);
    m_result->setFont(bold);
    tv->addWidget(m_result);
    m_output = textView(testPage, tr("The program's output"));
    tv->addWidget(m_output, 1);
    m_tabs->addTab(testPage, tr("Te&st it"));
    v->addWidget(m_tabs, 1);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(box, &QDialogButtonBox::rejected, this, &UseKeyDialog::reject);
    v->addWidget(box);

    connect(m_targets, &QComboBox::currentIndexChanged, this, [this] {
        m_writeStatus->clear();
        m_result->clear();
        m_output->clear();
        refresh();
    });
    connect(m_write, &QPushButton::clicked, this, &UseKeyDialog::writeSetup);
    connect(m_undo, &QPushButton::clicked, this, &UseKeyDialog::undoSetup);
    connect(m_test, &QPushButton::clicked, this, &UseKeyDialog::startTest);
    connect(m_pin, &QLineEdit::returnPressed, this, &UseKeyDialog::startTest);
    connect(m_cancelTest, &QPushButton::clicked, m_proof, &ConsumerProof::cancel);
    connect(m_proof, &ConsumerProof::stepStarted, this, [this](const QString &line) {
        m_output->appendPlainText(QStringLiteral("$ ") + line);
    });
    connect(m_proof, &ConsumerProof::finished, this, &UseKeyDialog::testEnded);
    refresh();
    DialogFit::initial(this, 820);
}

UseKeyDialog::~UseKeyDialog() = default; // m_proof, a child, kills a running consumer

SetupTarget UseKeyDialog::target() const
{
    return SetupTarget(m_targets->currentData().toInt());
}

void UseKeyDialog::setTarget(SetupTarget target)
{
    m_targets->setCurrentIndex(m_targets->findData(int(target)));
}

QString UseKeyDialog::journalPath() const
{
    return SetupJournal::defaultPath(m_paths.stateHome);
}

void UseKeyDialog::refresh()
{
    m_text = SetupTargets::generate(target(), m_key, m_paths);
    m_plan = SetupPlan::of(m_text);
    QStringList where;
    for (const FileChange &f : m_plan.files) {
        where << (!f.existed    ? tr("%1 (a new file)").arg(f.path)
                  : f.changes() ? (f.markedBlock ? tr("%1 (TokenDesk's lines in it change)").arg(f.path)
                                                 : tr("%1 (it changes)").arg(f.path))
                                : tr("%1 (it holds this setup already)").arg(f.path));
    }
    for (const NssChange &n : m_plan.nss)
        where << (n.changes() ? tr("The NSS database %1: the module “%2” is registered in it").arg(n.registration.dbDir, n.registration.moduleName)
                              : tr("The NSS database %1 (the module is registered in it already)").arg(n.registration.dbDir));
    QString error = m_plan.error;
    QByteArray diff;
    if (error.isEmpty())
        diff = SetupDiff::dryRun(m_plan, &error);
    if (!error.isEmpty())
        m_files->setText(error);
    else if (where.isEmpty())
        m_files->setText(tr("Nothing is written for this program: run the commands it needs yourself (Commands)."));
    else
        m_files->setText(tr("What Write changes:") + QLatin1Char('\n') + where.join(QLatin1Char('\n')));
    m_diff->setPlainText(QString::fromUtf8(diff));
    m_diff->setVisible(!m_plan.files.isEmpty() || !m_plan.nss.isEmpty());
    m_write->setEnabled(error.isEmpty() && m_plan.hasChanges());
    showCommands();

    const SetupTarget t = target();
    if (!ConsumerProof::testable(t))
        m_testIntro->setText(tr("IBM MQ's GSKit cannot be installed here, so TokenDesk cannot run it: the commands "
                                "shown use the token label exactly as the module reports it."));
    else if (ConsumerProof::needsPin(t))
        m_testIntro->setText(tr("TokenDesk runs the program against the token. The PIN goes to it in a file only you "
                                "can read, removed afterwards, never on a command line."));
    else
        m_testIntro->setText(tr("TokenDesk runs the program against the token; it needs no PIN."));
    m_pin->setEnabled(ConsumerProof::needsPin(t) && !m_proof->isRunning());
    m_test->setEnabled(ConsumerProof::testable(t) && !m_proof->isRunning());
}

void UseKeyDialog::showCommands()
{
    while (QLayoutItem *item = m_commands->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QString &command : std::as_const(m_text.commands))
        m_commands->addWidget(CopyButton::field(command, tr("Command"), m_commandsBox));
    m_notes->setText(m_text.notes.join(QStringLiteral("\n\n")));
}

void UseKeyDialog::writeSetup()
{
    refresh(); // what is on disk now, not when the dialog opened
    if (!m_write->isEnabled())
        return;
    SetupJournal journal(journalPath());
    const WriteResult r = SetupWriter::write(m_plan, SetupTargets::names().value(int(target())), journal,
                                             QDateTime::currentDateTime());
    QStringList lines;
    if (!r.error.isEmpty()) {
        lines << r.error;
    } else {
        for (const WrittenFile &f : r.files) {
            switch (f.result) {
            case WrittenFile::Result::Created: lines << tr("Created %1").arg(f.path); break;
            case WrittenFile::Result::Replaced:
                lines << tr("Changed %1 (the previous version is in %2)").arg(f.path, f.backup);
                break;
            case WrittenFile::Result::Unchanged: lines << tr("Unchanged %1 (it holds this setup already)").arg(f.path); break;
            }
        }
        for (const NssChange &n : r.nss)
            lines << tr("Registered the module “%1” in the NSS database %2").arg(n.registration.moduleName, n.registration.dbDir);
    }
    refresh();
    m_writeStatus->setText(lines.join(QLatin1Char('\n')));
}

void UseKeyDialog::undoSetup()
{
    SetupJournal journal(journalPath());
    const UndoResult r = SetupWriter::undo(journal);
    QStringList lines;
    if (!r.error.isEmpty())
        lines << r.error;
    else if (r.nothingToUndo)
        lines << tr("There is nothing to undo: TokenDesk's setup journal is empty.");
    for (const QString &f : r.restored)
        lines << tr("Restored %1").arg(f);
    for (const QString &f : r.removed)
        lines << tr("Removed %1").arg(f);
    for (const JournalNss &n : r.nss)
        lines << tr("Removed the module “%1” from the NSS database %2").arg(n.moduleName, n.dbDir);
    refresh();
    m_writeStatus->setText(lines.join(QLatin1Char('\n')));
}

void UseKeyDialog::startTest()
{
    if (m_proof->isRunning() || !ConsumerProof::testable(target()))
        return;
    m_output->clear();
    m_result->clear();
    QString error;
    SecureBytes pin = ConsumerProof::needsPin(target()) ? m_pin->take() : SecureBytes();
    setTesting(true);
    if (!m_proof->start(target(), m_key, m_text, m_expected, std::move(pin), m_paths, &error)) {
        setTesting(false);
        m_result->setText(error);
        return;
    }
    m_result->setText(tr("Running…"));
}

void UseKeyDialog::testEnded(const ProofResult &result)
{
    setTesting(false);
    m_output->setPlainText(QString::fromUtf8(result.output));
    m_result->setText(result.canceled ? result.verdict
                      : result.passed ? tr("Passed: %1").arg(result.verdict)
                                      : tr("Failed: %1").arg(result.verdict));
    // Not retried: a wrong PIN counts against the token's tries.
    if (!result.passed && ConsumerProof::needsPin(target()))
        m_pin->setFocus();
    if (!result.canceled)
        Q_EMIT testFinished(result.passed);
}

void UseKeyDialog::setTesting(bool testing)
{
    m_targets->setEnabled(!testing);
    m_test->setEnabled(!testing && ConsumerProof::testable(target()));
    m_pin->setEnabled(!testing && ConsumerProof::needsPin(target()));
    m_cancelTest->setEnabled(testing);
    m_write->setEnabled(!testing && m_plan.error.isEmpty() && m_plan.hasChanges());
    m_undo->setEnabled(!testing);
}

void UseKeyDialog::reject()
{
    // Esc, the Close button and the window's close button: a running consumer is killed.
    m_proof->cancel();
    QDialog::reject();
}
