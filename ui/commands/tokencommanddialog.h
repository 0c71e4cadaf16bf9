// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/tokenref.h"

#include <QDialog>
#include <QList>
#include <QPair>
#include <QStringList>

#include <exception>

class Inventory;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;
class ResultFields;

// What every token command dialog shares (Kleopatra's Command base, as a dialog):
// the token it acts on, a status line, a busy bar while the token's worker runs
// the job, the error sentence, and the signals the main window listens to.
// Opened non-modally; the token work runs through Inventory, never on this thread.
class TokenCommandDialog : public QDialog {
    Q_OBJECT
public:
    TokenCommandDialog(Inventory &inventory, TokenRef token, QWidget *parent = nullptr);

    const TokenRef &token() const { return m_token; }
    bool isBusy() const { return m_isBusy; }
    QString statusText() const;
    QString errorText() const;
    // The values of the result fields (URIs, subjects…) the last job showed.
    QStringList resultValues() const;

    // While a job runs nothing closes the dialog: not Escape, not the window's close
    // button (QDialog::closeEvent goes through reject()), not Cancel/Close (disabled),
    // not accept()/done(). The refusal says why in the status line.
    void reject() override;
    void done(int result) override;

Q_SIGNALS:
    // Something was written to the token: the tree should read it again.
    void tokenChanged(const TokenRef &token);
    // A token job started (the main window marks the token busy until jobFinished).
    void jobStarted();
    // A token job ended (ok: it succeeded). For tests and for anyone waiting on the dialog.
    void jobFinished(bool ok);

protected:
    // Adds the status, error and busy rows at the end of the dialog's layout.
    void addStatusArea(QVBoxLayout *layout);
    // The end every form-like command dialog shares: the validation sentence (red,
    // under the fields), the status area, and the button row with the action button
    // (accept role) and Cancel.
    void addFormEnd(QVBoxLayout *layout, QPushButton *action);
    // The validation sentence under the fields; empty hides it.
    void setValidation(const QString &message);
    // After a job that did what it was asked: Cancel becomes Close.
    void offerClose();
    // While busy the dialog cannot be closed: a running PKCS#11 call cannot be
    // interrupted, and the user should see what it did. Busy turns off every button
    // of the dialog's button boxes; not busy turns the Cancel/Close (reject-role)
    // ones back on and leaves the action buttons to the dialog's own validation.
    void setBusy(bool busy, const QString &text = {});
    // A job that may write: beginJob() before submitting it, endJob() in every
    // continuation (.then, .onCanceled, .onFailed). endJob() emits tokenChanged
    // whatever the outcome (a failed or refused write may still have changed the
    // token; the tree must show what is there), then jobFinished(ok).
    void beginJob(const QString &text) { setBusy(true, text); }
    void endJob(bool ok);
    void setStatus(const QString &text);
    void setError(const QString &text);
    // A job's outcome as read-only fields with Copy buttons (URIs, fingerprints, subjects):
    // long values scroll inside their field instead of widening or clipping the dialog.
    // Empty: hides them. Shown under the status line.
    void setResultFields(const QList<QPair<QString, QString>> &fields);
    // The sentence for a failed job (call inside onFailed, where current_exception() is the failure).
    void showFailure(const QString &operation, std::exception_ptr e);

    Inventory &m_inventory;
    TokenRef m_token;

private:
    bool refuseWhileBusy();

    QLabel *m_status;
    QLabel *m_error;
    ResultFields *m_results;
    QProgressBar *m_busy;
    QLabel *m_validation;
    QPushButton *m_cancel;
    bool m_isBusy = false;
};
