// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/schsmstatus.h"
#include "widgets/devicepinfacts.h"

#include <QGroupBox>
#include <QStringList>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class SchsmJobs;
class SchsmReaderSearch;

// The SmartCard-HSM facts of one device, as the device itself reports them
// (over PC/SC, on the reader's SchsmJobs worker; never a PIN sent): firmware,
// options, PIN tries left, DKEK state, serial. Shown under the detail pane for
// a token that is such a device (showToken), and in the SmartCard-HSM devices
// dialog for any reader (setReader). The two device buttons only ask: whoever
// owns the wizards answers the signals.
class SchsmDevicePanel : public QGroupBox {
    Q_OBJECT
public:
    SchsmDevicePanel(SchsmJobs &jobs, SchsmReaderSearch &search, QWidget *parent = nullptr);

    // The selected PKCS#11 token: the panel appears when its slot names a reader
    // with a SmartCard-HSM whose serial is the token's (SchsmTokenLink), and hides
    // otherwise. Showing the same token again reads nothing.
    void showToken(const QString &slotDescription, const QString &tokenSerial);
    // A reader chosen directly (a device no module shows): visible, status read now.
    void setReader(const QString &reader);
    // Nothing selected: hidden; results still on their way are dropped.
    void clear();
    // The reader list is re-read at the next showToken (a card came or went).
    void forgetReaders();

    QString reader() const { return m_reader; }
    const std::optional<SchsmStatus> &status() const { return m_status; }
    bool isReading() const { return m_reading; }
    // Looking for the token's reader, or reading the device.
    bool isBusy() const { return m_searching || m_reading; }
    QString errorText() const;
    // Not the height of every fact: under the token details the panel asks for a share of
    // a 1366x768 screen and scrolls the rest (the details were squeezed otherwise).
    QSize sizeHint() const override;
    // The shown token's PIN facts as the device reports them (the token details use
    // them); nullopt unless a token's device is shown.
    std::optional<DevicePinFacts> pinFacts() const;

public Q_SLOTS:
    // Reads the shown device's status again.
    void refresh();

Q_SIGNALS:
    // What the panel shows changed: a device's status, a failure, or nothing (actions re-check).
    void subjectChanged();
    void statusShown(const SchsmStatus &status);
    void readFailed(const QString &reader, const QString &message);
    void initializeDeviceRequested(const QString &reader, const SchsmStatus &status);
    void importSharesRequested(const QString &reader, const SchsmStatus &status);

private:
    void resolveToken();
    void showStatus(const SchsmStatus &s);
    void showFailure(const QString &message);
    void setReading(bool reading);
    void setMessage(const QString &text, bool warn = false);
    static QString initializedText(const SchsmStatus &s);
    QLabel *addRow(const char *objectName, const QString &caption);
    void setRowVisible(QLabel *value, bool visible);

    SchsmJobs &m_jobs;
    SchsmReaderSearch &m_search;
    // Results of jobs started before the last change of subject are dropped.
    int m_generation = 0;
    std::optional<QStringList> m_readers; // SmartCard-HSM readers, as last found
    bool m_searching = false;
    QString m_slotDescription;            // showToken's subject; empty for setReader
    QString m_tokenSerial;
    QString m_reader;
    std::optional<SchsmStatus> m_status;
    bool m_reading = false;

    QProgressBar *m_busy;
    QLabel *m_message;
    QWidget *m_facts;
    QLabel *m_serial;
    QLabel *m_readerName;
    QLabel *m_firmware;
    QLabel *m_initialized;
    QLabel *m_soResets;
    QLabel *m_transport;
    QLabel *m_userPin;
    QLabel *m_soPin;
    QLabel *m_dkekTotal;
    QLabel *m_dkekMissing;
    QLabel *m_dkekKcv;
    QLabel *m_keyDomains; // its row only when the device has key domains
    QPushButton *m_refresh;
    QPushButton *m_initialize;
    QPushButton *m_import;
};
