// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/consumerproof.h"
#include "workstation/keyfacts.h"
#include "workstation/setupplan.h"
#include "workstation/setuptarget.h"

#include <QDialog>

#include <functional>

class ConsumerProof;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QVBoxLayout;
class SecretEdit;

// "Use this key in…": for one key and the program the user picks (Java,
// OpenSSL, browsers, OpenSSH, p11-kit, IBM MQ) it shows what core/workstation
// generates — the files, where they go and the diff against what is there (the
// same text as tokendesk --setup … --dry-run), the command lines with the key's
// URI — and writes them (SetupWriter: atomic, dated backup, journal) or undoes
// the last write. "Test it" runs the real consumer against the token
// (ConsumerProof: asynchronous, PIN in an owner-only file, never retried);
// closing the dialog while it runs kills the consumer.
class UseKeyDialog : public QDialog {
    Q_OBJECT
public:
    UseKeyDialog(KeyFacts key, ProofExpectation expected, SetupPaths paths, QWidget *parent = nullptr);
    ~UseKeyDialog() override;

    void setTarget(SetupTarget target);
    SetupTarget target() const;
    const KeyFacts &key() const { return m_key; }

    // For tests and the screenshot: the widgets a user works with.
    QComboBox *targetBox() const { return m_targets; }
    QTabWidget *tabs() const { return m_tabs; }
    QPlainTextEdit *diffView() const { return m_diff; }
    QLabel *pinStatement() const { return m_pinStatement; }
    QLabel *writeStatus() const { return m_writeStatus; }
    QPushButton *writeButton() const { return m_write; }
    QPushButton *undoButton() const { return m_undo; }
    QPushButton *testButton() const { return m_test; }
    QPushButton *cancelTestButton() const { return m_cancelTest; }
    SecretEdit *pinEdit() const { return m_pin; }
    QLabel *testResult() const { return m_result; }
    QPlainTextEdit *testOutput() const { return m_output; }
    ConsumerProof *proof() const { return m_proof; }
    QStringList commandLines() const { return m_text.commands; }
    // Reading what is on disk, writing or undoing, on a worker (files, modutil, diff).
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void writeSetup();
    void undoSetup();
    void startTest();
    void reject() override;

Q_SIGNALS:
    void testFinished(bool passed);

private:
    struct Preview;
    struct Outcome;
    void refresh();
    // Runs work on a worker, then shows its preview (and status) here. writes: Write or Undo,
    // which the dialog does not let go of (Esc and close wait).
    void run(std::function<Outcome()> work, bool writes);
    void showPreview(const Preview &preview);
    void showCommands();
    void testEnded(const ProofResult &result);
    void setTesting(bool testing);
    void updateButtons();
    QString journalPath() const;

    bool m_busy = false;
    bool m_writing = false;
    bool m_refreshAgain = false;
    bool m_testing = false;
    bool m_writable = false; // the shown plan has changes and no error

    KeyFacts m_key;
    ProofExpectation m_expected;
    SetupPaths m_paths;
    SetupText m_text;
    SetupPlan m_plan;
    ConsumerProof *m_proof;
    QComboBox *m_targets;
    QTabWidget *m_tabs;
    QLabel *m_files;
    QPlainTextEdit *m_diff;
    QLabel *m_pinStatement;
    QLabel *m_writeStatus;
    QPushButton *m_write;
    QPushButton *m_undo;
    QWidget *m_commandsBox;
    QVBoxLayout *m_commands;
    QLabel *m_notes;
    QLabel *m_testIntro;
    SecretEdit *m_pin;
    QPushButton *m_test;
    QPushButton *m_cancelTest;
    QLabel *m_result;
    QPlainTextEdit *m_output;
};
