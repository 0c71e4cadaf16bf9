// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/inittoken/inittokenwizard.h"

#include "widgets/secretedit.h"
#include "wizards/inittoken/choosetokenpage.h"
#include "wizards/inittoken/confirmerasepage.h"
#include "wizards/inittoken/initprogresspage.h"
#include "wizards/inittoken/initresultpage.h"
#include "wizards/inittoken/labelpage.h"
#include "wizards/inittoken/sopinpage.h"
#include "wizards/inittoken/userpinpage.h"

#include <QSettings>

namespace {
const QString kGeometryKey = QStringLiteral("InitTokenWizard/geometry");
}

InitTokenWizard::InitTokenWizard(Inventory &inventory, ModuleRegistry &registry, const QList<ModuleSpec> &modules,
                                 std::optional<TokenRef> preselected, QWidget *parent)
    : TokenJobWizard(parent), m_inventory(inventory), m_registry(registry)
{
    setObjectName(QStringLiteral("initTokenWizard"));
    setWindowTitle(tr("Initialize Token"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setOption(QWizard::NoBackButtonOnStartPage, true);

    setPage(ChooseTokenPageId, new ChooseTokenPage(this, modules, preselected));
    m_soPin = new SoPinPage(this);
    setPage(SoPinPageId, m_soPin);
    setPage(LabelPageId, new LabelPage(this));
    setPage(UserPinPageId, new UserPinPage(this));
    setPage(ConfirmPageId, new ConfirmErasePage(this));
    m_progress = new InitProgressPage(this);
    setPage(ProgressPageId, m_progress);
    setPage(ResultPageId, new InitResultPage(this));
    setStartId(ChooseTokenPageId);

    resize(780, 580);
    const QByteArray geometry = QSettings().value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
}

InitTokenWizard::~InitTokenWizard() { wipePins(); }

void InitTokenWizard::wipePins()
{
    for (SecretEdit *e : findChildren<SecretEdit *>())
        e->wipe();
    m_state.wipeSecrets();
}

void InitTokenWizard::backToSoPin(const QString &message, const CK_TOKEN_INFO &token)
{
    // back() also steps over the commit page (Qt only greys the button).
    while (currentId() != SoPinPageId && visitedIds().contains(SoPinPageId))
        back();
    m_soPin->showFailure(message, token);
}

void InitTokenWizard::done(int result)
{
    // C_InitToken cannot be interrupted; the wizard stays until the token has
    // answered, so its result is seen and the tree is told. The base says why.
    if (isJobRunning()) {
        TokenJobWizard::done(result);
        return;
    }
    wipePins();
    QSettings().setValue(kGeometryKey, saveGeometry());
    TokenJobWizard::done(result);
}
