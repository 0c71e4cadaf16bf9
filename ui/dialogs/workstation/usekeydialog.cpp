// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/workstation/usekeydialog.h"

#include "dialogs/copybutton.h"
#include "dialogs/dialogfit.h"
#include "widgets/secretedit.h"
#include "workstation/setupdiff.h"
#include "workstation/setupjournal.h"
#include "workstation/setupwriter.h"

#include <QComboBox>
#include <QtConcurrent/QtConcurrentRun>
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

// What the dialog shows for one program, read from disk (the files, modutil -list, diff).
struct UseKeyDialog::Preview {
    SetupTarget target = SetupTarget::Java;
    SetupText text;
    SetupPlan plan;
    QByteArray diff;
    QString error;

    static Preview read(SetupTarget target, const KeyFacts &key, const SetupPaths &paths)
    {
        Preview p;
        p.target = target;
        p.text = SetupTargets::generate(target, key, paths);
        p.plan = SetupPlan::of(p.text);
        p.error = p.plan.error;
        if (p.error.isEmpty())
            p.diff = SetupDiff::dryRun(p.plan, &p.error);
        return p;
    }
};

// A worker's result: the preview after the work, and what Write or Undo did.
struct UseKeyDialog::Outcome {
    Preview preview;
    std::optional<QString> status;
};

void UseKeyDialog::refresh()
{
    m_files->setText(tr("Reading what is on disk…"));
    run([target = target(), key = m_key, paths = m_paths] { return Outcome{Preview::read(target, key, paths), {}}; },
        false);
}

void UseKeyDialog::run(std::function<Outcome()> work, bool writes)
{
    if (m_busy) { // one job at a time; a program chosen meanwhile is read afterwards
        m_refreshAgain = true;
        return;
    }
    m_busy = true;
    m_writing = writes;
    updateButtons();
    QtConcurrent::run(std::move(work)).then(this, [this](const Outcome &o) {
        m_busy = false;
        m_writing = false;
        if (o.status)
            m_writeStatus->setText(*o.status);
        const bool current = o.preview.target == target();
        if (current)
            showPreview(o.preview);
        if (m_refreshAgain || !current) {
            m_refreshAgain = false;
            refresh();
            return;
        }
        updateButtons();
    });
}

void UseKeyDialog::showPreview(const Preview &p)
{
    m_text = p.text;
    m_plan = p.plan;
    m_writable = p.error.isEmpty() && p.plan.hasChanges();
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
    if (!p.error.isEmpty())
        m_files->setText(p.error);
    else if (where.isEmpty())
        m_files->setText(tr("Nothing is written for this program: run the commands it needs yourself (Commands)."));
    else
        m_files->setText(tr("What Write changes:") + QLatin1Char('\n') + where.join(QLatin1Char('\n')));
    m_diff->setPlainText(QString::fromUtf8(p.diff));
    m_diff->setVisible(!m_plan.files.isEmpty() || !m_plan.nss.isEmpty());
    showCommands();

    const SetupTarget t = p.target;
    if (!ConsumerProof::testable(t))
        m_testIntro->setText(tr("IBM MQ's GSKit cannot be installed here, so TokenDesk cannot run it: the commands "
                                "shown use the token label exactly as the module reports it."));
    else if (ConsumerProof::needsPin(t))
        m_testIntro->setText(tr("TokenDesk runs the program against the token. The PIN goes to it in a file only you "
                                "can read, removed afterwards, never on a command line."));
    else
        m_testIntro->setText(tr("TokenDesk runs the program against the token; it needs no PIN."));
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
    if (m_busy || !m_write->isEnabled())
        return;
    m_writeStatus->setText(tr("Writing…"));
    run([target = target(), key = m_key, paths = m_paths, name = SetupTargets::names().value(int(target())),
         journalPath = journalPath()] {
        Outcome o;
        // What is on disk now, not when the dialog showed it.
        const Preview now = Preview::read(target, key, paths);
        if (!now.error.isEmpty() || !now.plan.hasChanges()) {
            o.preview = now;
            o.status = now.error.isEmpty() ? tr("Nothing was written: the files hold this setup already.") : now.error;
            return o;
        }
        SetupJournal journal(journalPath);
        const WriteResult r = SetupWriter::write(now.plan, name, journal, QDateTime::currentDateTime());
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
        o.status = lines.join(QLatin1Char('\n'));
        o.preview = Preview::read(target, key, paths);
        return o;
    },
        true);
}

void UseKeyDialog::undoSetup()
{
    if (m_busy)
        return;
    m_writeStatus->setText(tr("Undoing…"));
    run([target = target(), key = m_key, paths = m_paths, journalPath = journalPath()] {
        SetupJournal journal(journalPath);
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
        return Outcome{Preview::read(target, key, paths), lines.join(QLatin1Char('\n'))};
    },
        true);
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
    m_testing = testing;
    updateButtons();
}

void UseKeyDialog::updateButtons()
{
    const SetupTarget t = target();
    m_targets->setEnabled(!m_testing && !m_writing);
    m_test->setEnabled(!m_testing && !m_busy && ConsumerProof::testable(t));
    m_pin->setEnabled(!m_testing && !m_busy && ConsumerProof::needsPin(t));
    m_cancelTest->setEnabled(m_testing);
    m_write->setEnabled(!m_testing && !m_busy && m_writable);
    m_undo->setEnabled(!m_testing && !m_busy);
}

void UseKeyDialog::reject()
{
    // A write or undo cannot stop halfway (a file, then an NSS database): the dialog stays
    // until it has ended, which takes a moment.
    if (m_writing)
        return;
    // Esc, the Close button and the window's close button: a running consumer is killed.
    m_proof->cancel();
    QDialog::reject();
}
