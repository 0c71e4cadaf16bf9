// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWizardPage>

class QLabel;
class QLineEdit;

// The commit page of an initialization, the part the Initialize Token wizard and
// the SmartCard-HSM Initialize wizard share: a summary of what is erased and set,
// a warning, and a field for the typed label or serial; the commit button names
// the action. Subclasses fill the texts and decide what may be typed.
class EraseConfirmPage : public QWizardPage {
    Q_OBJECT
protected:
    // subTitle: "The last step before anything is changed on the token."
    explicit EraseConfirmPage(const QString &subTitle, QWidget *parent = nullptr);

    // "&Erase and Initialize", or "&Initialize" when there is nothing to erase.
    void setCommitText(bool erases);
    // Back here (after a refused SO-PIN, say): a confirmation that still names the target stays.
    void keepConfirmationIfIn(const QStringList &targets);
    QString typedConfirmation() const;

    QLabel *m_summary;
    QLabel *m_warning;
    QLabel *m_ask;
    QLineEdit *m_confirm;
};
