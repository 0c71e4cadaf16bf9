// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class SchsmDevicePanel;
class SchsmJobs;
class SchsmReaderSearch;

// Tools ▸ SmartCard-HSM devices: every reader whose card has a SmartCard-HSM,
// with the device panel for the chosen one. The way to a device that no
// PKCS#11 module shows as a token (OpenSC binds no token to a device it cannot
// read yet, and a reader may be outside every configured module).
class SchsmDevicesDialog : public QDialog {
    Q_OBJECT
public:
    // preferredReader: chosen once the search finds it (Token ▸ Device status… for a token's reader).
    SchsmDevicesDialog(SchsmJobs &jobs, SchsmReaderSearch &search, QWidget *parent = nullptr,
                       const QString &preferredReader = {});
    SchsmDevicePanel *panel() const { return m_panel; }
    QComboBox *readers() const { return m_readers; }

public Q_SLOTS:
    // Searches the readers again, keeping the chosen one when it is still there.
    void search();

private:
    SchsmReaderSearch &m_search;
    QComboBox *m_readers;
    QLabel *m_state;
    SchsmDevicePanel *m_panel;
    QString m_preferred; // until the first search has chosen it
};
