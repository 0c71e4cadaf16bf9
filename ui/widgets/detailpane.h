// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QWidget>

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
    static QString html(const TreeNode *node, const QDateTime &now = QDateTime::currentDateTimeUtc(), int warningDays = 30);
    // The expiry warning period (the setting), used from the next showNode().
    void setExpiryWarningDays(int days);
    QString uri() const;

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
};
