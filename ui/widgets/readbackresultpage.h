// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;

// The last page of a wizard that changed a token or device and read it back (token
// initialization, SmartCard-HSM initialization and DKEK share import): a headline in large
// bold type over the details, both rich text that wraps and can be selected (error codes get
// copied). Final page.
class ReadBackResultPage : public QWizardPage {
    Q_OBJECT
public:
    ReadBackResultPage(const QString &title, const QString &subTitle, QWidget *parent = nullptr);

protected:
    void setHeadline(const QString &html);
    void setDetails(const QString &html);

private:
    QLabel *m_headline;
    QLabel *m_details;
};
