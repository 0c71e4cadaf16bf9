// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/aboutdialog.h"

#include "dialogs/copybutton.h"
#include "dialogs/dialogfit.h"
#include "p11/pkcs11.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

#include <openssl/crypto.h>

#ifndef TOKENDESK_P11KIT_VERSION
#define TOKENDESK_P11KIT_VERSION "unknown"
#endif

QString AboutDialog::versionsText()
{
    return tr("TokenDesk %1\nQt %2 (built with %3)\n%4\np11-kit %5, PKCS#11 %6.%7 headers\nLicence: GPL-3.0-or-later")
        .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)), QStringLiteral(TOKENDESK_P11KIT_VERSION))
        .arg(CRYPTOKI_VERSION_MAJOR)
        .arg(CRYPTOKI_VERSION_MINOR);
}

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About TokenDesk"));
    auto *v = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/tokendesk.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    icon->setVisible(!icon->pixmap().isNull()); // no empty gap where the resources are not loaded
    top->addWidget(icon);
    auto *text = new QLabel(this);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setOpenExternalLinks(true);
    text->setText(tr("<h2>TokenDesk %1</h2>"
                     "<p>A keystore manager for PKCS#11 smart cards, USB tokens and HSMs: keys, certificates, "
                     "PINs and token health, with every write checked afterwards.</p>"
                     "<p>Qt %2 · %3 · p11-kit %4 (PKCS#11 %5.%6)</p>"
                     "<p>Licence: <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public "
                     "License, version 3 or later</a> (GPL-3.0-or-later). There is no warranty.</p>"
                     "<p>The manual: Help → Manual (the README's sections).</p>")
                      .arg(QCoreApplication::applicationVersion().toHtmlEscaped(), QString::fromLatin1(qVersion()),
                           QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)).toHtmlEscaped(),
                           QStringLiteral(TOKENDESK_P11KIT_VERSION))
                      .arg(CRYPTOKI_VERSION_MAJOR)
                      .arg(CRYPTOKI_VERSION_MINOR));
    top->addWidget(text, 1);
    v->addLayout(top);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(new CopyButton(tr("&Copy versions"), [] { return versionsText(); }, this),
                       QDialogButtonBox::ActionRole);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    DialogFit::initial(this, 520);
}
