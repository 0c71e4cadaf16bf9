// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsminitializewizard.h"

#include "p11/errortext.h"
#include "schsm/schsmjobs.h"
#include "widgets/secretedit.h"
#include "wizards/schsm/schsmconfirminitpage.h"
#include "wizards/schsm/schsmdkekpage.h"
#include "wizards/schsm/schsminitprogresspage.h"
#include "wizards/schsm/schsminitresultpage.h"
#include "wizards/schsm/schsmlabelpage.h"
#include "wizards/schsm/schsmnewsopinpage.h"
#include "wizards/schsm/schsmsopinpage.h"
#include "wizards/schsm/schsmuserpinpage.h"

SchsmInitializeWizard::SchsmInitializeWizard(SchsmJobs &jobs, const QString &reader, const SchsmStatus &status,
                                             QWidget *parent)
    : TokenJobWizard(parent), m_jobs(jobs)
{
    setObjectName(QStringLiteral("schsmInitializeWizard"));
    setWindowTitle(tr("Initialize SmartCard-HSM"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    m_state.reader = reader;
    m_state.status = status;

    m_soPin = new SchsmSoPinPage(this);
    setPage(SoPinPageId, m_soPin);
    setPage(NewSoPinPageId, new SchsmNewSoPinPage(this));
    setPage(UserPinPageId, new SchsmUserPinPage(this));
    setPage(DkekPageId, new SchsmDkekPage(this));
    setPage(LabelPageId, new SchsmLabelPage(this));
    setPage(ConfirmPageId, new SchsmConfirmInitPage(this));
    setPage(ProgressPageId, new SchsmInitProgressPage(this));
    setPage(ResultPageId, new SchsmInitResultPage(this));
    // Also for a device never initialized: there the SO-PIN page offers the vendor's default.
    setStartId(SoPinPageId);
    resize(760, 600);

    // What the initialization erases, for the commit page (no PIN needed).
    m_jobs.readObjects(reader)
        .then(this,
              [this](const SchsmObjects &objects) {
                  m_state.objects = objects;
                  m_state.objectsState = SchsmInitState::Objects::Read;
                  Q_EMIT objectsRead();
              })
        .onCanceled(this,
                    [this] {
                        m_state.objectsState = SchsmInitState::Objects::Failed;
                        Q_EMIT objectsRead();
                    })
        .onFailed(this, [this] {
            m_state.objectsError = userError(std::current_exception()).text();
            m_state.objectsState = SchsmInitState::Objects::Failed;
            Q_EMIT objectsRead();
        });
}

SchsmInitializeWizard::~SchsmInitializeWizard() { wipeSecrets(); }

void SchsmInitializeWizard::wipeSecrets()
{
    for (SecretEdit *e : findChildren<SecretEdit *>())
        e->wipe();
    m_state.wipeSecrets();
}

void SchsmInitializeWizard::backToSoPin(const QString &message)
{
    // back() also steps over the commit page (Qt only greys the button).
    while (currentId() != SoPinPageId && visitedIds().contains(SoPinPageId))
        back();
    m_soPin->showFailure(message);
}

void SchsmInitializeWizard::done(int result)
{
    if (!isJobRunning())
        wipeSecrets();
    TokenJobWizard::done(result);
}
