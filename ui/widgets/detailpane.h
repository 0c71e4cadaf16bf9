// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/devicepinfacts.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QTextBrowser;
struct TreeNode;

// The right-hand pane: everything known about the selected module, slot,
// token or object, with its PKCS#11 URI and a copy button.
class DetailPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);
    void showNode(const TreeNode *node);
    // The HTML shown for a node (also used by tests); now is injectable for validity marks.
    // device: the device's own PIN facts, used for its token (see DevicePinFacts).
    static QString html(const TreeNode *node, const QDateTime &now = QDateTime::currentDateTimeUtc(), int warningDays = 30,
                        const DevicePinFacts *device = nullptr);
    // From the next showNode(): the PIN facts of a device, for its token (nullopt: none).
    void setDevicePinFacts(std::optional<DevicePinFacts> facts) { m_device = std::move(facts); }
    // The expiry warning period (the setting), used from the next showNode().
    void setExpiryWarningDays(int days);
    QString uri() const;
    // The Log in / Log out buttons are enabled exactly when these actions are (the
    // window's decision for the selected token, e.g. not on a device never initialized).
    void followSessionActions(const QAction *login, const QAction *logout);

Q_SIGNALS:
    void loginRequested();
    void logoutRequested();
    // A link to another object of the same token (key ↔ certificate) was clicked.
    void objectLinkActivated(qulonglong handle);

private:
    QLabel *m_title;
    QTextBrowser *m_browser;
    QLineEdit *m_uri;
    QPushButton *m_copy;
    QPushButton *m_login;
    QPushButton *m_logout;
    int m_warningDays = 30;
    std::optional<DevicePinFacts> m_device;
};
