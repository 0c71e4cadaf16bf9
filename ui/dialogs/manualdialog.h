// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDir;
class QListWidget;
class QTextBrowser;

// Help → Manual: the README, rendered with its screenshots, its title, sections and
// subsections listed on the left (as wide as they need); a click on one scrolls to it.
// It opens at the top. Read from the installed documentation (or, in a build
// tree, from the source tree); says where it looked when there is none.
class ManualDialog : public QDialog {
    Q_OBJECT
public:
    explicit ManualDialog(QWidget *parent = nullptr);
    // Where the README is read from ("" when not found).
    static QString readmePath();
    QListWidget *sections() const { return m_sections; }
    QTextBrowser *browser() const { return m_text; }
    // Shows the section whose heading is `heading` (as listed); false if there is none.
    bool showSection(const QString &heading);

private:
    void fitImages(const QDir &base);
    void listSections(const QString &markdown);
    void showSectionAt(int row);

    QListWidget *m_sections;
    QTextBrowser *m_text;
};
