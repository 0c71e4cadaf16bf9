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
    : QWizard(parent), m_inventory(inventory), m_registry(registry)
{
    setObjectName(QStringLiteral("initTokenWizard"));
    setWindowTitle(tr("Initialize Token"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setOption(QWizard::NoBackButtonOnStartPage, true);

    setPage(ChooseTokenPageId, new ChooseTokenPage(this, modules, preselected));
    setPage(SoPinPageId, new SoPinPage(this));
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

bool InitTokenWizard::isRunning() const { return m_progress->isRunning(); }

void InitTokenWizard::wipePins()
{
    for (SecretEdit *e : findChildren<SecretEdit *>())
        e->wipe();
    m_state.wipeSecrets();
}

void InitTokenWizard::done(int result)
{
    // C_InitToken cannot be interrupted; the wizard stays until the token has
    // answered, so its result is seen and the tree is told.
    if (isRunning())
        return;
    wipePins();
    QSettings().setValue(kGeometryKey, saveGeometry());
    QWizard::done(result);
}
