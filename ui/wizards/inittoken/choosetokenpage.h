// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/modulespec.h"
#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "wizards/inittoken/inittokenstate.h"

#include <QList>
#include <QWizardPage>

#include <optional>
#include <vector>

class InitTokenWizard;
class QLabel;
class QPushButton;
class QTreeWidget;

// Lists every token of every module, blank ones included, with what tells two
// identical USB keys apart: slot (reader), label, manufacturer, model, serial.
// Choosing an initialized token starts counting its objects for the commit page.
class ChooseTokenPage : public QWizardPage {
    Q_OBJECT
public:
    ChooseTokenPage(InitTokenWizard *wizard, const QList<ModuleSpec> &modules, std::optional<TokenRef> preselected);

    void initializePage() override;
    bool isComplete() const override;
    // Test hook: select the listed token with this label or serial.
    bool selectToken(const QString &labelOrSerial);

private:
    void scan();
    void addModule(const ModuleSnapshot &snap);
    void selectionChanged();
    void countObjects();
    void updateInfo();

    InitTokenWizard *m_wizard;
    QList<ModuleSpec> m_modules;
    std::optional<TokenRef> m_preselected;
    std::vector<InitTokenCandidate> m_candidates; // index stored in the rows' data
    QTreeWidget *m_list;
    QLabel *m_info;
    QPushButton *m_refresh;
    int m_pendingScans = 0;
    int m_countGeneration = 0; // results of an earlier selection are ignored
    bool m_scanned = false;
};
