// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/firststartpanel.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace {
QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    return l;
}
} // namespace

FirstStartPanel::FirstStartPanel(QWidget *parent)
    : QWidget(parent), m_readers(wrapped(tr("Asking PC/SC which readers it sees…"), this)),
      m_checkAgain(new QPushButton(tr("&Check again"), this)), m_addModule(new QPushButton(tr("&Add module…"), this)),
      m_demo(new QPushButton(tr("Open the &demo token"), this))
{
    setObjectName(QStringLiteral("firstStartPanel"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(24, 24, 24, 24);
    auto *head = new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("No token found").toHtmlEscaped()), this);
    v->addWidget(head);
    v->addWidget(wrapped(tr("TokenDesk shows the keys and certificates on smart cards, USB tokens and HSMs. "
                            "To get started, do one of these:"),
                         this));
    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setVerticalSpacing(16);
    auto addStep = [&](int row, const QString &title, const QString &text, QWidget *extra, QPushButton *button) {
        auto *box = new QVBoxLayout;
        box->addWidget(wrapped(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this));
        box->addWidget(wrapped(text, this));
        if (extra)
            box->addWidget(extra);
        grid->addLayout(box, row, 1);
        grid->addWidget(button, row, 2, Qt::AlignTop);
    };
    addStep(0, tr("Insert a smart card or token"),
            tr("Plug in the token, or put the card in its reader. TokenDesk notices it by itself."), m_readers,
            m_checkAgain);
    addStep(1, tr("Add your token's PKCS#11 module"),
            tr("Some tokens need their vendor's module (a .so file), for example an HSM's client library."),
            nullptr, m_addModule);
    addStep(2, tr("Try TokenDesk with the demo token"),
            tr("A software token (SoftHSM) with a few keys and certificates, for trying things out. "
               "Never put real keys on it."),
            nullptr, m_demo);
    v->addLayout(grid);
    auto *modules = new QLabel(QStringLiteral("<a href=\"#modules\">%1</a>").arg(tr("Show the module list").toHtmlEscaped()), this);
    v->addWidget(modules);
    v->addStretch(1);
    connect(modules, &QLabel::linkActivated, this, &FirstStartPanel::showModulesRequested);
    connect(m_checkAgain, &QPushButton::clicked, this, [this] {
        probeReaders();
        Q_EMIT rescanRequested();
    });
    connect(m_addModule, &QPushButton::clicked, this, &FirstStartPanel::addModuleRequested);
    connect(m_demo, &QPushButton::clicked, this, &FirstStartPanel::demoRequested);
}

QString FirstStartPanel::readerText() const { return m_readers->text(); }

void FirstStartPanel::probeReaders()
{
    m_readers->setText(tr("Asking PC/SC which readers it sees…"));
    ReaderStatus::probeAsync()
        .then(this, [this](const ReaderStatus &s) { showReaders(s); })
        .onFailed(this, [this](const std::exception &) { showReaders(ReaderStatus{}); });
}

void FirstStartPanel::showReaders(const ReaderStatus &s)
{
    QString text;
    if (!s.serviceRunning)
        text = tr("The smart-card service (pcscd) is not running, so no card reader can be seen. Start it "
                  "(for example <tt>sudo systemctl start pcscd.socket</tt>), then choose Check again.");
    else if (!s.error.isEmpty())
        text = tr("The smart-card service (pcscd) answered with an error: %1").arg(s.error.toHtmlEscaped());
    else if (s.readers.isEmpty())
        text = tr("The smart-card service (pcscd) is running but sees no reader: plug in the reader or token.");
    else {
        QStringList names;
        for (const QString &r : s.readers)
            names << r.toHtmlEscaped();
        text = tr("The smart-card service (pcscd) is running and sees %n reader(s): %1. If the card is in, its "
                  "module may be missing: add it below.",
                  nullptr, int(s.readers.size()))
                   .arg(names.join(QStringLiteral(", ")));
    }
    m_readers->setText(text);
    Q_EMIT readersProbed();
}
