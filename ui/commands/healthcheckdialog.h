// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/tokencommanddialog.h"
#include "inventory/snapshot.h"
#include "keys/healthfinding.h"

#include <optional>
#include <vector>

class HealthFindingWidget;
class QLabel;
class QPushButton;
class QVBoxLayout;

// The token health check: how Java, NSS and OpenSSL will (mis)pair the objects on
// the token. Each finding names its objects; a repairable one has a Repair button
// whose confirmation says what the repair does. After a repair the token is read
// again (Inventory::readObjects) and checked again, and the dialog says whether
// the finding is gone.
class HealthCheckDialog : public TokenCommandDialog {
    Q_OBJECT
public:
    // contents: the token as the tree has it; log in first, most findings concern private keys.
    HealthCheckDialog(Inventory &inventory, TokenRef token, TokenContents contents, QWidget *parent = nullptr);

    const std::vector<HealthFinding> &findings() const { return m_findings; }
    QList<HealthFindingWidget *> findingWidgets() const { return m_widgets; }
    QPushButton *recheckButton() const { return m_recheck; }

public Q_SLOTS:
    // Reads the token again and re-runs the check.
    void recheck();

private:
    void showFindings();
    void repair(HealthFindingWidget *widget);
    // After a write: read the token, re-run the check; note: what to say about the repaired finding.
    void reread(std::optional<HealthFinding> repaired);
    void setControlsEnabled(bool enabled);

    TokenContents m_contents;
    std::vector<HealthFinding> m_findings;
    QList<HealthFindingWidget *> m_widgets;
    QLabel *m_summary;
    QVBoxLayout *m_list;
    QPushButton *m_recheck;
};
