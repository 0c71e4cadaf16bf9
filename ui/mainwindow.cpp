// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"


#include "dialogs/addmoduledialog.h"
#include "dialogs/logindialog.h"
#include "inventory/discovery.h"
#include "inventory/inventory.h"
#include "models/tokentreemodel.h"
#include "p11/errortext.h"
#include "p11/module.h"
#include "p11/modulehelper.h"
#include "widgets/detailpane.h"
#include "dialogs/schsmdevicesdialog.h"
#include "schsm/schsmjobs.h"
#include "schsm/schsmreadersearch.h"
#include "schsm/schsmtokenlink.h"
#include "widgets/schsmdevicepanel.h"
#include "widgets/expirywarningsetting.h"
#include "widgets/scrollanchor.h"
#include "widgets/treefilter.h"
#include "widgets/treeitemdelegate.h"
#include "commands/backupkeysdialog.h"
#include "commands/restorekeysdialog.h"
#include "commands/deleteobjectsdialog.h"
#include "commands/tokencommanddialog.h"
#include "commands/exportobjectcommand.h"
#include "commands/healthcheckdialog.h"
#include "commands/pkcs12importdialog.h"
#include "commands/renamekeydialog.h"
#include "commands/selfsignedcertificatedialog.h"
#include "dialogs/pin/changepindialog.h"
#include "wizards/certimport/certimportwizard.h"
#include "wizards/inittoken/inittokenwizard.h"
#include "wizards/csr/csrwizard.h"
#include "wizards/keygen/keygenwizard.h"
#include "wizards/schsm/schsmimportshareswizard.h"
#include "wizards/schsm/schsminitializewizard.h"
#include "wizards/dkek/checkdkeksharesdialog.h"
#include "dialogs/checkkeybackupsdialog.h"
#include "wizards/dkek/createdkeksharewizard.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/attributesdialog.h"
#include "dialogs/firststartpanel.h"
#include "dialogs/manualdialog.h"
#include "dialogs/shortcutsdialog.h"
#include "dialogs/supporttracedialog.h"
#include "dialogs/supporttracestatus.h"
#include "dialogs/workstation/checkworkstationdialog.h"
#include "dialogs/workstation/usekeydialog.h"
#include "workstation/keylocator.h"
#include "widgets/tokenjobwizard.h"

#include <QAction>
#include <QClipboard>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

MainWindow::MainWindow(Inventory &inventory, ModuleListProvider modules, QWidget *parent)
    : QMainWindow(parent), m_inventory(inventory), m_modules(std::move(modules)), m_model(new TokenTreeModel(this)),
      m_tree(new QTreeView(this)), m_details(new DetailPane(this)), m_schsmJobs(new SchsmJobs(this)),
      m_schsmSearch(new SchsmReaderSearch(this)), m_schsmPanel(new SchsmDevicePanel(*m_schsmJobs, *m_schsmSearch, this)),
      m_demoNotice(new QLabel(this)),
      m_statusText(new QLabel(this)), m_progress(new QProgressBar(this)), m_firstStart(new FirstStartPanel(this))
{
    setWindowTitle(tr("TokenDesk"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(TokenTreeModel::NameColumn, QHeaderView::Interactive);
    m_tree->header()->resizeSection(TokenTreeModel::NameColumn, 300);
    // fitNameColumn measures the names of this many rows around the visible ones (Qt's default
    // of 1,000 took 8 ms of the GUI thread at once on a 5,000-certificate token).
    m_tree->header()->setResizeContentsPrecision(250);
    // Details take the room; the expiry date keeps a fixed column at the right.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TokenTreeModel::InfoColumn, QHeaderView::Stretch);
    m_tree->header()->resizeSection(TokenTreeModel::ExpiryColumn, 120);
    m_filter = new TreeFilter(m_tree, this);
    m_tree->setItemDelegate(new TreeItemDelegate(m_filter, m_tree));
    new ScrollAnchor(m_tree);
    // A menu built for the row under the pointer (contextMenuFor): only what applies to it.
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAccessibleName(tr("Modules, tokens and objects"));
    m_tree->viewport()->setAcceptDrops(true);
    m_tree->viewport()->installEventFilter(this);

    auto *left = new QWidget(this);
    auto *lv = new QVBoxLayout(left);
    lv->setContentsMargins(0, 0, 0, 0);
    m_demoNotice->setWordWrap(true);
    m_demoNotice->setStyleSheet(QStringLiteral("background:#fff4c2; border:1px solid #e0c060; padding:6px"));
    m_demoNotice->hide();
    lv->addWidget(m_demoNotice);
    lv->addWidget(m_filter);
    lv->addWidget(m_tree, 1);
    lv->addWidget(m_firstStart, 1); // instead of the tree while no token is found (updateFirstStart)

    auto *split = new QSplitter(this);
    split->setObjectName(QStringLiteral("mainSplitter"));
    split->addWidget(left);
    // The SmartCard-HSM panel under the details: hidden unless such a token is selected.
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_details);
    right->addWidget(m_schsmPanel);
    right->setObjectName(QStringLiteral("detailSplitter"));
    right->setCollapsible(1, false);
    // The details keep most of the height (the panel scrolls its facts): usable at 1366x768.
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    setCentralWidget(split);

    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_progress->hide();
    statusBar()->addWidget(m_statusText, 1);
    statusBar()->addPermanentWidget(m_progress);

    createActions();
    m_details->followSessionActions(m_login, m_logout); // one decision for menu, toolbar and pane
    createHelpMenu();
    setUpFirstStart();
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex i = m_tree->indexAt(pos);
        if (i.isValid())
            m_tree->setCurrentIndex(i);
        QMenu *menu = contextMenuFor(i.siblingAtColumn(0));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_tree->viewport()->mapToGlobal(pos));
    });

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &i) {
        m_details->showNode(i.isValid() ? m_model->node(i) : nullptr);
        showSchsmDevice(i);
        updateActions();
    });
    // Refreshes change rows in place; keep the pane in step with the selected row.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl, const QModelIndex &br) {
        const QModelIndex cur = m_tree->currentIndex();
        const auto inRange = [&tl, &br](const QModelIndex &i) {
            return i.parent() == tl.parent() && i.row() >= tl.row() && i.row() <= br.row();
        };
        if (cur.isValid() && inRange(cur)) {
            m_details->showNode(m_model->node(cur.siblingAtColumn(0)));
            showSchsmDevice(cur.siblingAtColumn(0));
            updateActions();
            return;
        }
        // The selected row's token changed (logged in or out, say): its actions follow.
        for (QModelIndex a = cur.parent(); a.isValid(); a = a.parent())
            if (inRange(a)) {
                updateActions();
                return;
            }
    });
    // A refresh that drops the selected row (deleted, renamed) leaves nothing selected
    // rather than letting the selection model pick a neighbour.
    connect(m_model, &TokenTreeModel::aboutToRemove, this, [this](const QModelIndex &gone) {
        for (QModelIndex i = currentSourceIndex(); i.isValid(); i = i.parent())
            if (i == gone) {
                m_tree->selectionModel()->clear();
                return;
            }
    });
    // The details pane never shows an object the filter hides: the selection goes with it.
    connect(m_filter, &TreeFilter::applied, this, [this] {
        if (m_filter->hides(m_tree->currentIndex()))
            m_tree->selectionModel()->clear();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::restoreExpansion);
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &i) {
        m_expanded.insert(keyPath(i));
        m_collapsed.remove(keyPath(i));
    });
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &i) {
        m_expanded.remove(keyPath(i));
        m_collapsed.insert(keyPath(i));
    });
    connect(m_details, &DetailPane::loginRequested, this, [this] { login(); });
    connect(m_details, &DetailPane::logoutRequested, this, &MainWindow::logout);
    connect(m_details, &DetailPane::objectLinkActivated, this, [this](qulonglong handle) {
        const QModelIndex partner = m_model->indexOfObjectHandle(currentSourceIndex(), CK_OBJECT_HANDLE(handle));
        if (!partner.isValid())
            return;
        m_filter->reveal(partner);
        m_tree->setCurrentIndex(partner);
        m_tree->scrollTo(partner);
    });
    // A token came or went: the monitor's snapshot, read on the module's worker, goes straight into
    // the tree; only tokens that were not shown before are read.
    m_inventory.setMonitoring(1000);
    connect(&m_inventory, &Inventory::slotsChanged, this, [this](const QString &path, const ModuleSnapshot &snap) {
        if (m_model->indexOfModule(path).isValid()) // removed: its last slot event must not bring it back
            showModule(snap, RereadTokens::New);
    });
    connect(&m_inventory, &Inventory::tokenLost, this, &MainWindow::refreshShownModule);
    connect(&m_inventory, &Inventory::slotsChanged, m_schsmPanel, &SchsmDevicePanel::forgetReaders); // a card came or went
    connect(&m_inventory, &Inventory::slotsChanged, this, [this] { m_schsmReaders.reset(); });
    relaySchsmRequests(m_schsmPanel);
    connect(m_schsmPanel, &SchsmDevicePanel::subjectChanged, this, [this] {
        // The token details say what the device panel says about the device's PINs.
        const std::optional<DevicePinFacts> facts = m_schsmPanel->pinFacts();
        m_details->setDevicePinFacts(facts);
        const QModelIndex cur = currentSourceIndex();
        // The tree row too, until the row goes: whether the device was ever initialized.
        const TreeNode *tokenNode = cur.isValid() ? m_model->node(cur)->ancestor(TreeNode::Kind::Token) : nullptr;
        if (facts && tokenNode && facts->concern(*tokenNode->token()))
            m_model->setDeviceInitialized(tokenNode->ancestor(TreeNode::Kind::Module)->key, tokenNode->token()->id,
                                          facts->initialized);
        m_details->showNode(cur.isValid() ? m_model->node(cur) : nullptr);
        updateActions();
    });
    // The device wizards (issue 16), modeless; whatever they did, the panels and the tree re-read the device.
    // One device wizard per reader: a second request brings the open one to the front instead of
    // starting another ceremony on the same device.
    connect(this, &MainWindow::initializeDeviceRequested, this, [this](const QString &reader, const SchsmStatus &status) {
        if (raiseDeviceWizard(reader))
            return;
        auto *wizard = new SchsmInitializeWizard(*m_schsmJobs, reader, status, this);
        connect(wizard, &SchsmInitializeWizard::deviceChanged, this, &MainWindow::deviceChanged);
        m_deviceWizards.insert(reader, wizard);
        showJobWindow(wizard);
    });
    connect(this, &MainWindow::importSharesRequested, this, [this](const QString &reader, const SchsmStatus &status) {
        if (raiseDeviceWizard(reader))
            return;
        auto *wizard = new SchsmImportSharesWizard(*m_schsmJobs, reader, status, this);
        connect(wizard, &SchsmImportSharesWizard::deviceChanged, this, &MainWindow::deviceChanged);
        m_deviceWizards.insert(reader, wizard);
        showJobWindow(wizard);
    });

    QSettings settings;
    setExpiryWarningDays(ExpiryWarningSetting::load(settings));
    const QStringList expanded = settings.value(QStringLiteral("window/expanded")).toStringList();
    m_expanded = QSet<QString>(expanded.begin(), expanded.end());
    const QStringList collapsed = settings.value(QStringLiteral("window/collapsed")).toStringList();
    m_collapsed = QSet<QString>(collapsed.begin(), collapsed.end());
    const QRect screenArea = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    if (restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // Saved on a larger screen (or a docking station): never larger than this one.
        resize(size().boundedTo(defaultSize(screenArea).expandedTo(screenArea.size() - QSize(16, 32))));
    } else {
        resize(defaultSize(screenArea));
    }
    if (!split->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray())) {
        // The tree gets the larger share: its Name, Details and Expires columns side by side.
        const int w = width();
        split->setSizes({w * 5 / 8, w - w * 5 / 8});
    }
    m_nameColumnFitted = m_tree->header()->restoreState(settings.value(QStringLiteral("window/treeHeader3")).toByteArray());
    // Until the user sizes the columns: Name as wide as the names need (the rest to Details).
    connect(m_tree->header(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section == TokenTreeModel::NameColumn && !m_fittingNameColumn)
            m_nameColumnFitted = true;
    });
    const auto scheduleFit = [this] {
        if (!m_nameColumnFitted && !m_fitScheduled) {
            m_fitScheduled = true;
            QMetaObject::invokeMethod(this, &MainWindow::fitNameColumn, Qt::QueuedConnection);
        }
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, scheduleFit);
    connect(m_model, &QAbstractItemModel::dataChanged, this, scheduleFit);
    connect(m_tree, &QTreeView::expanded, this, scheduleFit);
    updateActions();
}

QSize MainWindow::defaultSize(const QRect &available)
{
    // Roomy but inside the screen (its frame and panel too): 1366×768 gives 1318×700,
    // where the tree's columns and the details pane are all readable.
    return QSize(std::min(available.width() - 48, 1600), std::min(available.height() - 68, 1000));
}

void MainWindow::fitNameColumn()
{
    m_fitScheduled = false;
    // Once per token read, not once per batch of its rows (each fit measures up to
    // resizeContentsPrecision() rows); the last batch's rows ask again.
    if (m_nameColumnFitted || m_model->isMerging())
        return;
    // Whole names, but never more than half the tree: Details needs room too.
    const auto *view = static_cast<const QAbstractItemView *>(m_tree); // public there, protected in QTreeView
    const int wanted = std::min(view->sizeHintForColumn(TokenTreeModel::NameColumn), m_tree->viewport()->width() / 2);
    if (wanted > m_tree->header()->sectionSize(TokenTreeModel::NameColumn)) {
        m_fittingNameColumn = true;
        m_tree->header()->resizeSection(TokenTreeModel::NameColumn, wanted);
        m_fittingNameColumn = false;
    }
}

MainWindow::~MainWindow()
{
    // Dialogs still open are deleted after this object's members: their signals must not reach us then.
    for (QObject *child : children())
        disconnect(child, nullptr, this, nullptr);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *token = menuBar()->addMenu(tr("&Token"));
    QToolBar *tb = addToolBar(tr("Main"));
    tb->setObjectName(QStringLiteral("mainToolBar"));
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_addModule = file->addAction(style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("&Add module…"), this,
                                  &MainWindow::addModule);
    m_removeModule = file->addAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("&Remove module"), this,
                                     &MainWindow::removeSelectedModule);
    m_isolate = file->addAction(tr("Run in a &separate process (safer, slower)"));
    m_isolate->setCheckable(true);
    m_isolate->setToolTip(ModuleHelper::costText());
    m_isolate->setStatusTip(ModuleHelper::costText());
    // triggered, not toggled: updateActions() sets the check mark for the selected module.
    connect(m_isolate, &QAction::triggered, this, &MainWindow::setSelectedModuleIsolated);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_refresh = view->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Refresh"), this, &MainWindow::refreshAll);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_rescan = view->addAction(tr("Rescan &readers"), this, &MainWindow::rescanReaders);
    m_rescan->setToolTip(tr("Re-initialize the module so it sees readers attached since it was loaded"));
    view->addSeparator();
    m_expiryWarning = view->addAction(tr("&Expiry warning…"), this, [this] {
        QInputDialog *d = ExpiryWarningSetting::dialog(m_model->expiryWarningDays(), this);
        connect(d, &QInputDialog::intValueSelected, this, [this](int days) {
            QSettings settings;
            ExpiryWarningSetting::save(settings, days);
            setExpiryWarningDays(ExpiryWarningSetting::load(settings));
        });
        d->open();
    });

    m_login = token->addAction(style()->standardIcon(QStyle::SP_DialogOkButton), tr("&Log in…"), this, [this] { login(); });
    m_login->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_logout = token->addAction(tr("Log &out"), this, &MainWindow::logout);
    token->addSeparator();
    m_changePin = token->addAction(tr("Change &PIN…"), this, [this] { changePin(int(PinChangeMode::User)); });
    m_changeSoPin = token->addAction(tr("Change &SO-PIN…"), this, [this] { changePin(int(PinChangeMode::So)); });
    m_unblockPin = token->addAction(tr("&Unblock PIN…"), this, [this] { changePin(int(PinChangeMode::Unblock)); });
    m_initToken = token->addAction(tr("&Initialize token…"), this, [this] {
        // A SmartCard-HSM is initialized by its own wizard: C_InitToken through OpenSC sets no DKEK.
        // Whether the token is one is known once the panel has looked (a moment after selecting it).
        const auto dispatch = [this, ref = m_model->tokenRef(currentSourceIndex())] {
            if (const auto &device = m_schsmPanel->status())
                Q_EMIT initializeDeviceRequested(m_schsmPanel->reader(), *device);
            else if (m_schsmPanel->reader().isEmpty())
                initializeToken(ref);
        };
        if (m_schsmPanel->isBusy())
            connect(m_schsmPanel, &SchsmDevicePanel::subjectChanged, this, dispatch, Qt::SingleShotConnection);
        else
            dispatch();
    });
    m_initDevice = token->addAction(tr("Initialize &device…"), this, [this] {
        if (const auto &device = m_schsmPanel->status())
            Q_EMIT initializeDeviceRequested(m_schsmPanel->reader(), *device);
    });
    m_importShares = token->addAction(tr("Import DKEK s&hares…"), this, [this] {
        if (const auto &device = m_schsmPanel->status())
            Q_EMIT importSharesRequested(m_schsmPanel->reader(), *device);
    });
    m_deviceStatus = token->addAction(tr("Device s&tatus…"), this, [this] { showSchsmDeviceStatus(m_schsmPanel->reader()); });
    m_backUpKey = token->addAction(tr("&Back up key…"), this, &MainWindow::backUpKeys);
    // Restore wherever Back up is possible: an initialized SmartCard-HSM whose reader is known.
    m_restoreKey = token->addAction(tr("Restore &key…"), this, &MainWindow::restoreKeys);
    m_restoreKey->setToolTip(tr("Restore key backups (sc-hsm-tool --wrap-key format) into the device under its DKEK."));
    m_restoreKey->setEnabled(false);
    connect(m_backUpKey, &QAction::changed, m_restoreKey, [this] { m_restoreKey->setEnabled(m_backUpKey->isEnabled()); });
    for (QAction *a : {m_initDevice, m_importShares, m_deviceStatus, m_backUpKey, m_restoreKey})
        a->setStatusTip(tr("SmartCard-HSM and Nitrokey HSM tokens"));
    token->addSeparator();
    m_generateKey = token->addAction(style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("&Generate key pair…"), this,
                                     &MainWindow::generateKey);
    m_createCsr = token->addAction(tr("Create certificate &request (CSR)…"), this, &MainWindow::createCsr);
    m_importCerts = token->addAction(tr("&Import certificates…"), this, [this] { importCertificates(); });
    m_importP12 = token->addAction(tr("Import &PKCS#12…"), this, &MainWindow::importPkcs12);
    m_health = token->addAction(tr("Check &health…"), this, &MainWindow::healthCheck);
    m_useKey = token->addAction(tr("Use this key i&n…"), this, &MainWindow::useKeyIn);
    m_useKey->setStatusTip(tr("Set up Java, OpenSSL, the browsers, OpenSSH, p11-kit or IBM MQ to use this key, and test it."));
    QMenu *object = menuBar()->addMenu(tr("&Object"));
    m_selfSigned = object->addAction(tr("&Self-signed certificate…"), this, &MainWindow::selfSignedForSelected);
    object->addAction(m_useKey);
    m_rename = object->addAction(tr("&Rename / change ID…"), this, &MainWindow::renameSelected);
    m_exportPem = object->addAction(tr("Export certificate (&PEM)…"), this, [this] { exportSelected(int(ExportObjectCommand::What::CertificatePem)); });
    m_exportDer = object->addAction(tr("Export certificate (&DER)…"), this, [this] { exportSelected(int(ExportObjectCommand::What::CertificateDer)); });
    m_exportPub = object->addAction(tr("Export public &key (PEM)…"), this, [this] { exportSelected(int(ExportObjectCommand::What::PublicKeyPem)); });
    object->addAction(m_backUpKey);
    object->addSeparator();
    m_attributes = object->addAction(tr("Show all &attributes…"), this, &MainWindow::showAttributes);
    m_attributes->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_copyUri = object->addAction(tr("Copy &URI"), this, &MainWindow::copySelectedUri);
    m_copyUri->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    object->addSeparator();
    m_delete = object->addAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("&Delete…"), this, &MainWindow::deleteSelected);
    m_delete->setShortcut(QKeySequence::Delete);

    QMenu *tools = menuBar()->addMenu(tr("T&ools"));
    tools->addAction(tr("Create &DKEK share…"), this, [this] {
        showJobWindow(new CreateDkekShareWizard(this));
    });
    tools->addAction(tr("&Check DKEK shares…"), this, [this] {
        showJobWindow(new CheckDkekSharesDialog(this));
    });
    tools->addAction(tr("Check &key backups…"), this, [this] {
        showJobWindow(new CheckKeyBackupsDialog(this));
    });
    tools->addAction(tr("&SmartCard-HSM devices…"), this, &MainWindow::showSchsmDevices);

    tb->addAction(m_refresh);
    tb->addAction(m_login);
    tb->addAction(m_addModule);
    tb->addAction(m_generateKey);
}

QModelIndex MainWindow::currentSourceIndex() const { return m_tree->currentIndex().siblingAtColumn(0); }

void MainWindow::updateActions()
{
    const QModelIndex i = currentSourceIndex();
    const TreeNode *n = i.isValid() ? m_model->node(i) : nullptr;
    const TreeNode *tokenNode = n ? n->ancestor(TreeNode::Kind::Token) : nullptr;
    const TreeNode *moduleNode = n ? n->ancestor(TreeNode::Kind::Module) : nullptr;
    // OpenSC reports a SmartCard-HSM that was never initialized as an initialized token; the device
    // (its panel's facts) says otherwise, and only Initialize device… can work on it then.
    const std::optional<DevicePinFacts> pinFacts = m_schsmPanel->pinFacts();
    const bool blankDevice = tokenNode && pinFacts && pinFacts->blank(*tokenNode->token());
    const bool initialized = tokenNode && (tokenNode->token()->info.flags & CKF_TOKEN_INITIALIZED) && !blankDevice;
    m_login->setEnabled(initialized && !tokenNode->loggedIn);
    m_logout->setEnabled(initialized && tokenNode->loggedIn);
    m_generateKey->setEnabled(initialized && !(tokenNode->token()->info.flags & CKF_WRITE_PROTECTED));
    m_createCsr->setEnabled(initialized);
    const bool writable = initialized && !(tokenNode->token()->info.flags & CKF_WRITE_PROTECTED);
    m_importCerts->setEnabled(writable);
    m_importP12->setEnabled(writable);
    m_health->setEnabled(initialized);
    m_changePin->setEnabled(initialized);
    m_changeSoPin->setEnabled(initialized);
    m_unblockPin->setEnabled(initialized);
    // Blank tokens too (SoftHSM's free slot): initialization is how they become usable.
    // The panel shows the selected token's SmartCard-HSM, if it is one (see m_initToken's dispatch).
    const std::optional<SchsmStatus> &device = m_schsmPanel->status();
    m_initToken->setEnabled(tokenNode && (device || !(tokenNode->token()->info.flags & CKF_WRITE_PROTECTED)));
    m_initDevice->setEnabled(tokenNode && device);
    m_importShares->setEnabled(tokenNode && device && device->dkek.known && device->dkek.outstanding > 0);
    m_deviceStatus->setEnabled(tokenNode && !m_schsmPanel->reader().isEmpty());
    const ObjectInfo *o = n && n->object() ? &n->object()->object : nullptr;
    const bool isKey = o && (o->cls == CKO_PRIVATE_KEY || o->cls == CKO_PUBLIC_KEY);
    const bool isCert = o && o->cls == CKO_CERTIFICATE;
    m_delete->setEnabled(writable && o);
    // Renaming renames a key pair: it needs the one private key of that ID (hidden ones
    // count as maybe: the login before the dialog shows them). A lone certificate has none.
    m_rename->setEnabled(writable && (isKey || isCert) && (tokenNode->privateObjectsHidden || privateKeysWithId(o) == 1));
    m_attributes->setEnabled(o != nullptr);
    m_copyUri->setEnabled((o && !o->uri.isEmpty()) || (n && n->kind == TreeNode::Kind::Token && !n->token()->uri.isEmpty()));
    m_selfSigned->setEnabled(writable && o && o->cls == CKO_PRIVATE_KEY);
    m_exportPem->setEnabled(isCert);
    m_exportDer->setEnabled(isCert);
    m_exportPub->setEnabled(isKey || isCert);
    // A private key or certificate, or a token (its first key; useKeyIn() says when it has none).
    const bool onToken = n && n->kind == TreeNode::Kind::Token;
    m_useKey->setEnabled(initialized && ((o && (o->cls == CKO_PRIVATE_KEY || o->cls == CKO_CERTIFICATE)) || onToken));
    m_removeModule->setEnabled(moduleNode && moduleNode->module()->userAdded);
    m_isolate->setEnabled(moduleNode != nullptr);
    m_isolate->setChecked(moduleNode && m_isolatedModules.contains(moduleNode->key));
    m_rescan->setEnabled(moduleNode && moduleNode->module()->error.isEmpty());
    updateBackUpAction(n, tokenNode, initialized);
}

void MainWindow::updateBackUpAction(const TreeNode *n, const TreeNode *tokenNode, bool initialized)
{
    const bool privateKey = n && n->object() && n->object()->object.cls == CKO_PRIVATE_KEY;
    const bool onToken = n && n->kind == TreeNode::Kind::Token;
    if ((privateKey || onToken) && !m_schsmReaders)
        findSchsmReaders();
    const QString reader = (privateKey || onToken) ? schsmReaderOf(tokenNode) : QString();
    m_backUpKey->setEnabled(initialized && !reader.isEmpty());
    QString tip;
    if (!privateKey && !onToken)
        tip = tr("Select a private key of a SmartCard-HSM or Nitrokey HSM.");
    else if (!m_schsmReaders)
        tip = tr("Looking for SmartCard-HSM readers…");
    else if (reader.isEmpty())
        tip = tr("Only keys of a SmartCard-HSM or Nitrokey HSM can be backed up: this token is not one.");
    else if (!initialized)
        tip = tr("The device has not been initialized: it holds no keys.");
    else
        tip = tr("Export keys from the device, encrypted under its DKEK, in the format of sc-hsm-tool --wrap-key.");
    m_backUpKey->setToolTip(tip);
}

QString MainWindow::schsmReaderOf(const TreeNode *tokenNode) const
{
    const TreeNode *slot = tokenNode ? tokenNode->ancestor(TreeNode::Kind::Slot) : nullptr;
    if (!slot || !slot->slot() || !m_schsmReaders)
        return {};
    return SchsmTokenLink::readerOf(slot->slot()->description, *m_schsmReaders);
}

void MainWindow::findSchsmReaders()
{
    if (m_searchingSchsmReaders)
        return;
    m_searchingSchsmReaders = true;
    const auto found = [this](const QStringList &readers) {
        m_searchingSchsmReaders = false;
        m_schsmReaders = readers;
        updateActions();
    };
    m_schsmSearch->findReaders()
        .then(this, found)
        .onCanceled(this, [this] { m_searchingSchsmReaders = false; })
        .onFailed(this, [found](const std::exception &) { found({}); }); // no PC/SC service: no device
}

void MainWindow::setExpiryWarningDays(int days)
{
    m_model->setExpiryWarningDays(days);
    m_details->setExpiryWarningDays(days);
    const QModelIndex i = currentSourceIndex();
    m_details->showNode(i.isValid() ? m_model->node(i) : nullptr);
}

void MainWindow::jobStarted(const QString &what)
{
    ++m_busy;
    m_statusText->setText(what);
    m_progress->show();
}

void MainWindow::jobFinished()
{
    if (--m_busy <= 0) {
        m_busy = 0;
        m_progress->hide();
        m_statusText->clear();
    }
    if (m_refreshPending > 0 && --m_refreshPending == 0)
        Q_EMIT refreshFinished();
}

void MainWindow::setDemoNotice(const QString &text)
{
    m_demoNotice->setText(text);
    m_demoNotice->setVisible(!text.isEmpty());
    updateFirstStart();
}

bool MainWindow::hasTokens() const
{
    for (int m = 0; m < m_model->rowCount(); ++m) {
        const QModelIndex mi = m_model->index(m, 0);
        for (int s = 0; s < m_model->rowCount(mi); ++s) {
            const QModelIndex si = m_model->index(s, 0, mi);
            for (int t = 0; t < m_model->rowCount(si); ++t)
                if (m_model->node(m_model->index(t, 0, si))->token()->info.flags & CKF_TOKEN_INITIALIZED)
                    return true;
        }
    }
    return false;
}

void MainWindow::refreshAll()
{
    const QList<ModuleSpec> specs = m_modules();
    QStringList wanted;
    for (const ModuleSpec &s : specs)
        wanted << ModuleRegistry::canonicalPath(s.path);
    for (const QString &shown : m_model->modulePaths())
        if (!wanted.contains(shown))
            m_model->removeModule(shown);
    m_schsmPanel->forgetReaders();
    m_schsmReaders.reset();
    // One extra count so refreshFinished fires even with no module at all.
    m_refreshPending = 1;
    for (const ModuleSpec &s : specs) {
        // A row for each module at once, in configuration order, filled in when its scan ends.
        const QString path = ModuleRegistry::canonicalPath(s.path);
        if (!m_model->indexOfModule(path).isValid()) {
            ModuleSnapshot placeholder;
            placeholder.path = path;
            placeholder.name = s.name;
            placeholder.userAdded = s.userAdded;
            m_model->updateModule(placeholder);
        }
        refreshModule(s);
    }
    if (--m_refreshPending == 0)
        Q_EMIT refreshFinished();
}

void MainWindow::refreshModule(const ModuleSpec &spec)
{
    jobStarted(tr("Reading %1…").arg(spec.name));
    if (m_refreshPending > 0)
        ++m_refreshPending;
    const QString path = ModuleRegistry::canonicalPath(spec.path);
    if (spec.isolated)
        m_isolatedModules.insert(path);
    else
        m_isolatedModules.remove(path);
    const int removals = m_moduleRemovals.value(path);
    m_inventory.scan(spec)
        .then(this,
              [this, path, removals](const ModuleSnapshot &snap) {
                  // Removed after this scan started: its late result must not bring the row back.
                  if (m_moduleRemovals.value(path) == removals)
                      showModule(snap, RereadTokens::All);
                  jobFinished();
              })
        .onCanceled(this, [this] { jobFinished(); }) // the module was removed meanwhile
        .onFailed(this, [this](const std::exception &) { jobFinished(); });
}

void MainWindow::showModule(const ModuleSnapshot &snap, RereadTokens which)
{
    std::vector<TokenRef> toRead;
    if (snap.error.isEmpty()) {
        for (const SlotSnapshot &s : snap.slots) {
            if (!s.token || !(s.token->info.flags & CKF_TOKEN_INITIALIZED))
                continue;
            const TreeNode *shown = m_model->node(m_model->indexOfToken(snap.path, s.token->id));
            const bool wasInitialized = shown && shown->token() && (shown->token()->info.flags & CKF_TOKEN_INITIALIZED);
            if (which == RereadTokens::All || !wasInitialized)
                toRead.push_back(TokenRef{snap.path, s.id, s.token->id});
        }
    }
    m_model->updateModule(snap);
    for (const TokenRef &t : toRead)
        refreshToken(t);
}

void MainWindow::refreshShownModule(const QString &path)
{
    if (!m_model->indexOfModule(path).isValid())
        return; // removed: its last slot event or lost token must not bring it back
    for (const ModuleSpec &s : m_modules())
        if (ModuleRegistry::canonicalPath(s.path) == path)
            refreshModule(s);
}

void MainWindow::refreshToken(const TokenRef &token, std::function<void()> then)
{
    jobStarted(tr("Waiting for token %1…").arg(token.id.serial));
    if (m_refreshPending > 0)
        ++m_refreshPending;
    m_inventory.readObjects(token)
        // Sorting, pairing and decoding off the GUI thread: the window stays responsive on big tokens.
        // Handed over behind a pointer: a continuation taking PreparedContents gets a copy of the
        // future's result, and copying 5,000 prepared rows alone stalled the GUI thread for 12 ms.
        .then(QtFuture::Launch::Async,
              [](TokenContents c) { return std::make_shared<PreparedContents>(TokenTreeModel::prepare(std::move(c))); })
        .then(this,
              [this, token, then](const std::shared_ptr<PreparedContents> &c) {
                  // The model merges big tokens over several turns; the rest waits for all rows.
                  m_model->updateTokenContents(token.modulePath, std::move(*c), [this, token, then] {
                      selectRenamedObject(token);
                      jobFinished();
                      if (then)
                          then();
                  });
              })
        .onFailed(this, [this, token](const std::exception &) {
            jobFinished();
            // onFailed runs the handler inside the catch block: current_exception() is the failure.
            m_model->setTokenError(token.modulePath, token.id,
                                   describeFailure(tr("Reading objects"), userError(std::current_exception())));
        });
}

void MainWindow::showError(const QString &operation, std::exception_ptr e, const TokenRef *token)
{
    if (!token) {
        QMessageBox::warning(this, operation, describeFailure(operation, userError(e)));
        return;
    }
    // Re-read the token's flags so the sentence can say how many tries are left.
    const TokenRef ref = *token;
    jobStarted(tr("Reading token state…"));
    m_inventory.tokenInfo(ref)
        .then(this,
              [this, operation, e, ref](const TokenSnapshot &t) {
                  jobFinished();
                  QMessageBox::warning(this, operation, describeFailure(operation, userError(e, t.info.flags)));
                  refreshModuleOf(ref.modulePath);
              })
        .onFailed(this, [this, operation, e](const std::exception &) {
            jobFinished();
            QMessageBox::warning(this, operation, describeFailure(operation, userError(e)));
        });
}

void MainWindow::login(std::function<void()> then)
{
    const QModelIndex i = currentSourceIndex();
    const auto ref = m_model->tokenRef(i);
    if (!ref)
        return;
    const QModelIndex ti = m_model->indexOfToken(ref->modulePath, ref->id);
    const TokenSnapshot token = *m_model->node(ti)->token();
    // The dialog logs in itself and stays open after a wrong PIN, with the token's new state.
    auto *dlg = new LoginDialog(m_inventory, *ref, token, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    // A SmartCard-HSM's token: the tries as the device reports them (OpenSC's flags do not say).
    if (const TreeNode *slot = m_model->node(ti)->ancestor(TreeNode::Kind::Slot); slot && slot->slot())
        dlg->showDeviceTries(*m_schsmJobs, *m_schsmSearch, slot->slot()->description);
    // A login attempt changes the PIN's tries; on a SmartCard-HSM the details show the device's
    // own count, so the device panel reads it again too (a no-op for other tokens).
    connect(dlg, &LoginDialog::tokenChanged, this, [this](const TokenRef &r) {
        refreshModuleOf(r.modulePath);
        m_schsmPanel->refresh();
    });
    connect(dlg, &LoginDialog::loggedIn, this, [this, then](const TokenRef &r) {
        refreshToken(r, then);
        m_schsmPanel->refresh();
    });
    dlg->open();
}

void MainWindow::refreshModuleOf(const QString &modulePath)
{
    for (const ModuleSpec &s : m_modules())
        if (ModuleRegistry::canonicalPath(s.path) == modulePath)
            refreshModule(s);
}

std::vector<ObjectInfo> MainWindow::tokenObjects(const TokenRef &token) const
{
    std::vector<ObjectInfo> out;
    const QModelIndex ti = m_model->indexOfToken(token.modulePath, token.id);
    if (!ti.isValid())
        return out;
    for (const auto &group : m_model->node(ti)->children)
        for (const auto &o : group->children)
            if (o->object())
                out.push_back(o->object()->object);
    return out;
}

void MainWindow::withLoggedInToken(std::function<void(const TokenRef &)> open)
{
    const auto ref = m_model->tokenRef(currentSourceIndex());
    if (!ref)
        return;
    const TokenRef r = *ref;
    const TreeNode *t = m_model->node(m_model->indexOfToken(r.modulePath, r.id));
    if (t && t->loggedIn)
        open(r);
    else
        login([open, r] { open(r); }); // private keys are listed once logged in
}

void MainWindow::generateKey()
{
    withLoggedInToken([this](const TokenRef &r) {
        const QModelIndex ti = m_model->indexOfToken(r.modulePath, r.id);
        if (!ti.isValid())
            return;
        // Existing IDs, so the wizard refuses a collision before the token does.
        std::vector<QByteArray> ids;
        for (const ObjectInfo &o : tokenObjects(r))
            if (!o.id.isEmpty())
                ids.push_back(o.id);
        auto *w = new KeyGenWizard(m_inventory, r, *m_model->node(ti)->token(), std::move(ids), this);
        connect(w, &KeyGenWizard::tokenChanged, this, [this](const TokenRef &tr) { refreshToken(tr); });
        showJobWindow(w, r);
    });
}

void MainWindow::createCsr()
{
    // A selected private key (or its certificate/public key) is preselected in the wizard.
    const TreeNode *n = m_model->node(currentSourceIndex());
    const QByteArray preselected = n && n->object() ? n->object()->object.id : QByteArray();
    withLoggedInToken([this, preselected](const TokenRef &r) {
        showJobWindow(new CsrWizard(m_inventory, r, CsrKeyChoice::fromObjects(tokenObjects(r)), preselected, this), r);
    });
}

void MainWindow::importCertificates(const QString &file)
{
    withLoggedInToken([this, file](const TokenRef &r) {
        const QModelIndex ti = m_model->indexOfToken(r.modulePath, r.id);
        if (!ti.isValid())
            return;
        TokenContents contents;
        contents.id = r.id;
        contents.objects = tokenObjects(r);
        contents.loggedIn = m_model->node(ti)->loggedIn;
        auto *w = new CertImportWizard(m_inventory, r, std::move(contents), file, this);
        // However the job ended, the tree shows what is on the token now.
        connect(w, &TokenJobWizard::jobEnded, this, [this, r] { refreshToken(r); });
        showJobWindow(w, r);
    });
}

TokenContents MainWindow::tokenContents(const TokenRef &token) const
{
    TokenContents contents;
    contents.id = token.id;
    contents.objects = tokenObjects(token);
    const QModelIndex ti = m_model->indexOfToken(token.modulePath, token.id);
    contents.loggedIn = ti.isValid() && m_model->node(ti)->loggedIn;
    return contents;
}

void MainWindow::openCommand(QDialog *dialog)
{
    auto *c = qobject_cast<TokenCommandDialog *>(dialog);
    if (c)
        connect(c, &TokenCommandDialog::tokenChanged, this, [this](const TokenRef &tr) { refreshToken(tr); });
    showJobWindow(dialog, c ? std::optional<TokenRef>(c->token()) : std::nullopt);
}

void MainWindow::initializeToken(std::optional<TokenRef> preselected)
{
    auto *w = new InitTokenWizard(m_inventory, m_inventory.registry(), m_modules(), preselected, this);
    // Label, flags and even the slot id change: re-read the whole module.
    connect(w, &InitTokenWizard::tokenChanged, this, [this](const TokenRef &tr) { refreshModuleOf(tr.modulePath); });
    showJobWindow(w, preselected);
}

void MainWindow::changePin(int mode)
{
    const auto ref = m_model->tokenRef(currentSourceIndex());
    if (!ref)
        return;
    const QModelIndex ti = m_model->indexOfToken(ref->modulePath, ref->id);
    if (!ti.isValid())
        return;
    auto *d = new ChangePinDialog(m_inventory, *ref, *m_model->node(ti)->token(), PinChangeMode(mode), this);
    connect(d, &ChangePinDialog::tokenChanged, this, [this](const TokenRef &tr) { refreshModuleOf(tr.modulePath); });
    connect(d, &ChangePinDialog::initializeRequested, this, [this](const TokenRef &tr) { initializeToken(tr); });
    showJobWindow(d, *ref);
}

void MainWindow::importPkcs12()
{
    withLoggedInToken([this](const TokenRef &r) { openCommand(new Pkcs12ImportDialog(m_inventory, r, tokenContents(r), {}, this)); });
}

void MainWindow::healthCheck()
{
    withLoggedInToken([this](const TokenRef &r) { openCommand(new HealthCheckDialog(m_inventory, r, tokenContents(r), this)); });
}

void MainWindow::useKeyIn()
{
    const TreeNode *n = m_model->node(currentSourceIndex());
    const QByteArray selectedId = n && n->object() ? n->object()->object.id : QByteArray();
    const bool onObject = n && n->object();
    // Logged in first: the private key's label goes into the URI (object=), and it is listed only then.
    withLoggedInToken([this, selectedId, onObject](const TokenRef &r) {
        const TreeNode *t = m_model->node(m_model->indexOfToken(r.modulePath, r.id));
        if (!t)
            return;
        const TokenContents contents = tokenContents(r);
        QByteArray id = selectedId;
        if (!onObject) { // a token: its first private key, else its first certificate
            for (CK_OBJECT_CLASS cls : {CKO_PRIVATE_KEY, CKO_CERTIFICATE}) {
                const auto o = std::find_if(contents.objects.begin(), contents.objects.end(),
                                            [cls](const ObjectInfo &x) { return x.cls == cls && !x.id.isEmpty(); });
                if (id.isEmpty() && o != contents.objects.end())
                    id = o->id;
            }
        }
        const std::optional<KeyFacts> facts =
            id.isEmpty() ? std::nullopt : KeyLocator::inContents(r.modulePath, r.slot, t->token()->info, contents, id);
        if (!facts) {
            statusBar()->showMessage(tr("This token shows no key or certificate with an id to set up."), 6000);
            return;
        }
        showJobWindow(new UseKeyDialog(*facts, ProofExpectation::forKey(contents.objects, id), SetupPaths::current(), this));
    });
}

namespace {
// The object under the cursor, by its key: the tree may be re-read while logging in.
std::optional<ObjectInfo> selectedObject(const TokenTreeModel *model, const QModelIndex &index)
{
    const TreeNode *n = index.isValid() ? model->node(index) : nullptr;
    if (!n || !n->object())
        return std::nullopt;
    return n->object()->object;
}
} // namespace

void MainWindow::deleteSelected()
{
    const auto o = selectedObject(m_model, currentSourceIndex());
    if (!o)
        return;
    withLoggedInToken([this, o](const TokenRef &r) { openCommand(new DeleteObjectsDialog(m_inventory, r, tokenContents(r), *o, this)); });
}

void MainWindow::renameSelected()
{
    const auto o = selectedObject(m_model, currentSourceIndex());
    if (!o)
        return;
    withLoggedInToken([this, o](const TokenRef &r) {
        auto *d = new RenameKeyDialog(m_inventory, r, tokenContents(r), *o, this);
        // The renamed object gets a new key: the selection follows it explicitly.
        connect(d, &RenameKeyDialog::objectsRenamed, this, [this](const TokenRef &t, const QHash<QString, QString> &keys) {
            const auto now = selectedObject(m_model, currentSourceIndex());
            if (now && keys.contains(now->key()))
                m_selectAfterRefresh = PendingSelection{t, keys.value(now->key())};
        });
        openCommand(d);
    });
}

void MainWindow::selectRenamedObject(const TokenRef &token)
{
    if (!m_selectAfterRefresh || m_selectAfterRefresh->token.modulePath != token.modulePath
        || m_selectAfterRefresh->token.id.key() != token.id.key())
        return;
    const QModelIndex i = m_model->indexOfObject(token.modulePath, token.id, m_selectAfterRefresh->objectKey);
    if (!i.isValid())
        return; // not in this read (one that started before the rename); the next one has it
    m_selectAfterRefresh.reset();
    m_tree->setCurrentIndex(i);
    m_tree->scrollTo(i);
}

void MainWindow::selfSignedForSelected()
{
    const auto o = selectedObject(m_model, currentSourceIndex());
    if (!o)
        return;
    withLoggedInToken([this, o](const TokenRef &r) {
        openCommand(new SelfSignedCertificateDialog(m_inventory, r, tokenContents(r), *o, this));
    });
}

void MainWindow::exportSelected(int what)
{
    const auto o = selectedObject(m_model, currentSourceIndex());
    const auto r = m_model->tokenRef(currentSourceIndex());
    if (!o || !r)
        return;
    // Pure file work on what the tree already read: no token call, no login needed.
    auto *cmd = new ExportObjectCommand(tokenContents(*r), *o, ExportObjectCommand::What(what), this);
    connect(cmd, &ExportObjectCommand::failed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Export"), message);
    });
    connect(cmd, &ExportObjectCommand::exported, this, [this](const QString &path) {
        m_statusText->setText(tr("Saved %1").arg(path));
    });
    cmd->start();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_tree->viewport())
        return QMainWindow::eventFilter(watched, event);
    auto tokenAt = [this](const QPoint &pos) { return m_model->tokenRef(m_tree->indexAt(pos)); };
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto *e = static_cast<QDropEvent *>(event);
        const bool ok = e->mimeData()->hasUrls() && tokenAt(e->position().toPoint()).has_value();
        ok ? e->acceptProposedAction() : e->ignore();
        return true;
    }
    if (event->type() == QEvent::Drop) {
        auto *e = static_cast<QDropEvent *>(event);
        const QModelIndex at = m_tree->indexAt(e->position().toPoint());
        const QList<QUrl> urls = e->mimeData()->urls();
        if (!m_model->tokenRef(at) || urls.isEmpty() || !urls.first().isLocalFile())
            return true;
        e->acceptProposedAction();
        m_tree->setCurrentIndex(at);
        importCertificates(urls.first().toLocalFile());
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::logout()
{
    const auto ref = m_model->tokenRef(currentSourceIndex());
    if (!ref)
        return;
    const TokenRef r = *ref;
    jobStarted(tr("Logging out…"));
    m_inventory.logout(r)
        .then(this,
              [this, r] {
                  jobFinished();
                  refreshToken(r);
              })
        .onFailed(this, [this](const std::exception &) {
            jobFinished();
            showError(tr("Logout"), std::current_exception());
        });
}

void MainWindow::addModule()
{
    AddModuleDialog dlg(m_model->modulePaths(), this);
    if (dlg.exec() != QDialog::Accepted || dlg.selectedPath().isEmpty())
        return;
    QSettings settings;
    Discovery::addUserModule(settings, dlg.selectedPath());
    Discovery::setIsolated(settings, dlg.selectedPath(), dlg.runIsolated());
    Q_EMIT moduleAdded(dlg.selectedPath());
    refreshModule(ModuleSpec{dlg.selectedPath(), QFileInfo(dlg.selectedPath()).completeBaseName(), true,
                             dlg.runIsolated()});
}

void MainWindow::setSelectedModuleIsolated(bool isolated)
{
    const TreeNode *n = m_model->node(currentSourceIndex());
    const TreeNode *m = n ? n->ancestor(TreeNode::Kind::Module) : nullptr;
    if (!m)
        return;
    const QString path = m->key;
    QSettings settings;
    Discovery::setIsolated(settings, path, isolated);
    // Unloaded and loaded again the chosen way; a scan still running is late now.
    ++m_moduleRemovals[path];
    m_inventory.removeModule(path);
    refreshShownModule(path);
}

void MainWindow::removeSelectedModule()
{
    const TreeNode *n = m_model->node(currentSourceIndex());
    const TreeNode *m = n ? n->ancestor(TreeNode::Kind::Module) : nullptr;
    if (!m || !m->module()->userAdded)
        return;
    const QString path = m->key;
    if (QMessageBox::question(this, tr("Remove module"),
                              tr("Remove %1 from TokenDesk? Nothing on its tokens changes; you can add it again later.")
                                  .arg(path))
        != QMessageBox::Yes)
        return;
    QSettings settings;
    Discovery::removeUserModule(settings, path);
    ++m_moduleRemovals[path];
    m_model->removeModule(path);
    m_inventory.removeModule(path);
    Q_EMIT moduleRemoved(path);
}

void MainWindow::rescanReaders()
{
    const TreeNode *n = m_model->node(currentSourceIndex());
    const TreeNode *m = n ? n->ancestor(TreeNode::Kind::Module) : nullptr;
    if (!m)
        return;
    reinitializeModule(m->key, tr("Re-initializing %1…").arg(m->key), tr("Rescan readers"));
}

void MainWindow::reinitializeModule(const QString &path, const QString &what, const QString &operation)
{
    jobStarted(what);
    m_inventory.rescanReaders(path)
        .then(this,
              [this, path] {
                  jobFinished();
                  refreshShownModule(path);
              })
        .onCanceled(this, [this] { jobFinished(); })
        .onFailed(this, [this, operation](const std::exception &) {
            jobFinished();
            showError(operation, std::current_exception());
        });
}

void MainWindow::showSchsmDevice(const QModelIndex &index)
{
    const TreeNode *n = index.isValid() ? m_model->node(index) : nullptr;
    const TreeNode *slot = n && n->kind == TreeNode::Kind::Token ? n->ancestor(TreeNode::Kind::Slot) : nullptr;
    if (slot && slot->slot())
        m_schsmPanel->showToken(slot->slot()->description, n->token()->id.serial);
    else
        m_schsmPanel->clear();
}

void MainWindow::relaySchsmRequests(SchsmDevicePanel *panel)
{
    connect(panel, &SchsmDevicePanel::initializeDeviceRequested, this, &MainWindow::initializeDeviceRequested);
    connect(panel, &SchsmDevicePanel::importSharesRequested, this, &MainWindow::importSharesRequested);
}

void MainWindow::showSchsmDevices() { showSchsmDeviceStatus({}); }

void MainWindow::showSchsmDeviceStatus(const QString &reader)
{
    auto *d = new SchsmDevicesDialog(*m_schsmJobs, *m_schsmSearch, this, reader);
    relaySchsmRequests(d->panel());
    // Modeless like the wizards it opens: a window-modal dialog would block them (they belong to this window).
    showJobWindow(d);
}

void MainWindow::deviceChanged(const QString &reader)
{
    for (SchsmDevicePanel *panel : findChildren<SchsmDevicePanel *>()) {
        panel->forgetReaders();
        if (panel->reader() == reader)
            panel->refresh();
    }
    // OpenSC in this process keeps the token it bound until the card leaves the reader.
    for (const QString &path : m_model->modulePaths()) {
        const QModelIndex mi = m_model->indexOfModule(path);
        for (int row = 0; row < m_model->rowCount(mi); ++row) {
            const SlotSnapshot *slot = m_model->node(m_model->index(row, 0, mi))->slot();
            if (slot && SchsmTokenLink::slotIsReader(slot->description, reader)) {
                // What the device said before is old news: the flags until a panel reads it again.
                if (slot->token)
                    m_model->setDeviceInitialized(path, slot->token->id, true);
                reinitializeModule(path, tr("Reading the changed device in %1…").arg(reader), tr("Reading the device"));
                break;
            }
        }
    }
}

QString MainWindow::keyPath(const QModelIndex &index) const
{
    // Module path and token identity, never the slot id: readers and SoftHSM renumber slots.
    QStringList parts;
    for (QModelIndex i = index.siblingAtColumn(0); i.isValid(); i = i.parent())
        if (TreeNode::Kind(i.data(TokenTreeModel::KindRole).toInt()) != TreeNode::Kind::Slot)
            parts.prepend(i.data(TokenTreeModel::KeyRole).toString());
    return parts.join(QChar(0x1f));
}

void MainWindow::restoreExpansion(const QModelIndex &parent, int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex i = m_model->index(row, 0, parent);
        const auto kind = TreeNode::Kind(i.data(TokenTreeModel::KindRole).toInt());
        if (kind == TreeNode::Kind::Object)
            continue; // nothing to open: a big token brings thousands of these
        const QString key = keyPath(i);
        bool open = m_expanded.contains(key);
        if (kind == TreeNode::Kind::Module || kind == TreeNode::Kind::Slot || kind == TreeNode::Kind::Token) {
            // Open by default, unless the user closed it.
            open = open || !m_collapsed.contains(key);
        } else if (kind == TreeNode::Kind::Group && !open && !m_collapsed.contains(key)) {
            // A group opens with its token unless the user closed it: certificates and their
            // expiry badges are what a help desk opens TokenDesk for, and the Private keys group
            // a login brings is what the login was for.
            open = m_tree->isExpanded(i.parent());
        }
        if (open)
            m_tree->expand(i);
        // Rows inserted with their children (a token that came back) restore those too.
        if (const int n = m_model->rowCount(i); n > 0)
            restoreExpansion(i, 0, n - 1);
    }
}

void MainWindow::closeEvent(QCloseEvent *e)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), findChild<QSplitter *>(QStringLiteral("mainSplitter"))->saveState());
    settings.setValue(QStringLiteral("window/treeHeader3"), m_tree->header()->saveState());
    settings.setValue(QStringLiteral("window/expanded"), QStringList(m_expanded.begin(), m_expanded.end()));
    settings.setValue(QStringLiteral("window/collapsed"), QStringList(m_collapsed.begin(), m_collapsed.end()));
    e->accept();
}

// ---- Context menus, job windows, attribute view, first start, Help (issue 12) ----

int MainWindow::privateKeysWithId(const ObjectInfo *object) const
{
    const auto ref = object ? m_model->tokenRef(currentSourceIndex()) : std::nullopt;
    if (!ref)
        return 0;
    int n = 0;
    for (const ObjectInfo &o : tokenObjects(*ref))
        n += o.cls == CKO_PRIVATE_KEY && o.id == object->id;
    return n;
}

QList<QAction *> MainWindow::contextActions(const QModelIndex &index) const
{
    const TreeNode *n = index.isValid() ? m_model->node(index) : nullptr;
    if (!n)
        return {m_addModule, m_refresh};
    // nullptr: a separator. Actions that cannot apply to this kind of row are not listed;
    // those that apply to the kind but not to this row (updateActions) are listed disabled.
    switch (n->kind) {
    case TreeNode::Kind::Module: return {m_refresh, m_rescan, nullptr, m_isolate, nullptr, m_addModule, m_removeModule};
    case TreeNode::Kind::Slot: return {m_refresh, m_rescan};
    case TreeNode::Kind::Token:
        // The device actions only for a token in a SmartCard-HSM's reader (enabled once it is read).
        if (!m_schsmPanel->reader().isEmpty())
            return {m_login,      m_logout,       nullptr,        m_generateKey, m_createCsr, m_importCerts,
                    m_importP12,  m_health,       m_useKey,       nullptr,       m_changePin,   m_changeSoPin, m_unblockPin,
                    m_initToken,  nullptr,        m_initDevice,   m_importShares, m_deviceStatus, m_backUpKey, m_restoreKey,
                    nullptr,      m_copyUri,      m_refresh};
        return {m_login,      m_logout,      nullptr,      m_generateKey, m_createCsr, m_importCerts, m_importP12,
                m_health,     m_useKey,      nullptr,      m_changePin,  m_changeSoPin, m_unblockPin, m_initToken,  nullptr,
                m_copyUri,    m_refresh};
    case TreeNode::Kind::Group:
        switch (n->group()->cls) {
        case CKO_CERTIFICATE: return {m_importCerts, m_importP12, nullptr, m_refresh};
        case CKO_PRIVATE_KEY:
        case CKO_PUBLIC_KEY: return {m_generateKey, m_importP12, nullptr, m_refresh};
        default: return {m_refresh};
        }
    case TreeNode::Kind::Object:
        switch (n->object()->object.cls) {
        case CKO_PRIVATE_KEY:
            return {m_createCsr, m_selfSigned, m_rename, m_exportPub, m_backUpKey, nullptr, m_useKey, nullptr, m_attributes,
                    m_copyUri,   nullptr,    m_delete};
        case CKO_PUBLIC_KEY: return {m_rename, m_exportPub, nullptr, m_attributes, m_copyUri, nullptr, m_delete};
        case CKO_CERTIFICATE:
            return {m_exportPem, m_exportDer, m_exportPub, m_rename, nullptr, m_useKey, nullptr, m_attributes, m_copyUri,
                    nullptr,     m_delete};
        default: return {m_attributes, m_copyUri, nullptr, m_delete}; // secret keys, data objects, others
        }
    }
    return {};
}

QMenu *MainWindow::contextMenuFor(const QModelIndex &index)
{
    // The actions' enabled state must be the row's, also when it is not the current one.
    if (index.isValid() && index != currentSourceIndex())
        m_tree->setCurrentIndex(index);
    updateActions();
    auto *menu = new QMenu(this);
    for (QAction *a : contextActions(index)) {
        if (a)
            menu->addAction(a);
        else
            menu->addSeparator();
    }
    return menu;
}

void MainWindow::markTokenBusy(const TokenRef &token, bool busy)
{
    const QString key = token.modulePath + QLatin1Char('|') + token.id.key();
    int &jobs = m_tokenJobs[key];
    jobs = std::max(0, jobs + (busy ? 1 : -1));
    m_model->setTokenBusy(token.modulePath, token.id, jobs > 0);
    if (jobs == 0)
        m_tokenJobs.remove(key);
}

bool MainWindow::raiseDeviceWizard(const QString &reader)
{
    QWidget *open = m_deviceWizards.value(reader);
    if (!open) {
        m_deviceWizards.remove(reader);
        return false;
    }
    open->show();
    open->raise();
    open->activateWindow();
    return true;
}

void MainWindow::showJobWindow(QWidget *window, const std::optional<TokenRef> &token)
{
    window->setAttribute(Qt::WA_DeleteOnClose);
    // Modeless: while one token works (a slow card generating an RSA-4096 key) the rest of
    // the window stays usable. The token's executor keeps its own calls in order.
    window->setWindowModality(Qt::NonModal);
    if (token) {
        const TokenRef r = *token;
        auto running = std::make_shared<bool>(false);
        auto set = [this, r, running](bool on) {
            if (*running != on) {
                *running = on;
                markTokenBusy(r, on);
            }
        };
        if (auto *c = qobject_cast<TokenCommandDialog *>(window)) {
            connect(c, &TokenCommandDialog::jobStarted, this, [set] { set(true); });
            connect(c, &TokenCommandDialog::jobFinished, this, [set] { set(false); });
        } else if (auto *w = qobject_cast<TokenJobWizard *>(window)) {
            connect(w, &TokenJobWizard::jobStarted, this, [set] { set(true); });
            connect(w, &TokenJobWizard::jobEnded, this, [set] { set(false); });
        }
        connect(window, &QObject::destroyed, this, [set] { set(false); });
    }
    window->show();
    window->raise();
    window->activateWindow();
}

void MainWindow::showAttributes()
{
    const auto o = selectedObject(m_model, currentSourceIndex());
    const auto r = m_model->tokenRef(currentSourceIndex());
    if (!o || !r)
        return;
    // Reading only, in the token's session as it is: private objects are listed once logged in.
    showJobWindow(new AttributesDialog(m_inventory, *r, *o, this));
}

void MainWindow::backUpKeys()
{
    const TreeNode *n = m_model->node(currentSourceIndex());
    const QByteArray checked =
        n && n->object() && n->object()->object.cls == CKO_PRIVATE_KEY ? n->object()->object.id : QByteArray();
    // Logged in first: the private keys are listed only then.
    withLoggedInToken([this, checked](const TokenRef &r) {
        const QModelIndex ti = m_model->indexOfToken(r.modulePath, r.id);
        const TreeNode *t = ti.isValid() ? m_model->node(ti) : nullptr;
        const TreeNode *slot = t ? t->ancestor(TreeNode::Kind::Slot) : nullptr;
        const QString reader = schsmReaderOf(t);
        if (!slot || !slot->slot() || reader.isEmpty())
            return;
        std::vector<ObjectInfo> keys;
        for (const ObjectInfo &o : tokenObjects(r))
            if (o.cls == CKO_PRIVATE_KEY)
                keys.push_back(o);
        auto *d = new BackUpKeysDialog(m_inventory, r, *m_schsmJobs, reader, slot->slot()->description, std::move(keys),
                                       checked, this);
        // The card is reset after each backup: OpenSC is re-initialized and the token read again.
        connect(d, &BackUpKeysDialog::deviceChanged, this, &MainWindow::deviceChanged);
        showJobWindow(d, r);
    });
}

void MainWindow::restoreKeys()
{
    const std::optional<TokenRef> ref = m_model->tokenRef(currentSourceIndex());
    const QModelIndex ti = ref ? m_model->indexOfToken(ref->modulePath, ref->id) : QModelIndex();
    const TreeNode *t = ti.isValid() ? m_model->node(ti) : nullptr;
    const TreeNode *slot = t ? t->ancestor(TreeNode::Kind::Slot) : nullptr;
    const QString reader = schsmReaderOf(t);
    if (!slot || !slot->slot() || reader.isEmpty())
        return;
    auto *d = new RestoreKeysDialog(m_inventory, *ref, *m_schsmJobs, reader, slot->slot()->description, this);
    // The card is reset after the restore: OpenSC is re-initialized and the token read again.
    connect(d, &RestoreKeysDialog::deviceChanged, this, &MainWindow::deviceChanged);
    showJobWindow(d, *ref);
}

void MainWindow::copySelectedUri()
{
    const TreeNode *n = m_model->node(currentSourceIndex());
    const QString uri = !n ? QString() : n->object() ? n->object()->object.uri : n->token() ? n->token()->uri : QString();
    if (uri.isEmpty())
        return;
    QApplication::clipboard()->setText(uri);
    statusBar()->showMessage(tr("Copied: %1").arg(uri), 4000);
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *manual = help->addAction(tr("&Manual…"), this, [this] { showJobWindow(new ManualDialog(this)); });
    manual->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard shortcuts…"), this, [this] {
        showJobWindow(new ShortcutsDialog(ShortcutsDialog::actionsOf(this), ShortcutsDialog::shortcutsOf(this), this));
    });
    auto *trace = new SupportTraceStatus(m_inventory.registry().trace(), this);
    statusBar()->addPermanentWidget(trace);
    help->addAction(tr("Record a &support trace…"), this, [this, trace] { showJobWindow(new SupportTraceDialog(*trace, this)); });
    help->addAction(tr("Check this &workstation…"), this, [this] {
        showJobWindow(new CheckWorkstationDialog(m_inventory, SetupPaths::current(), this));
    });
    help->addSeparator();
    help->addAction(tr("&About TokenDesk…"), this, [this] { showJobWindow(new AboutDialog(this)); });
}

void MainWindow::setUpFirstStart()
{
    m_firstStart->hide();
    connect(m_firstStart, &FirstStartPanel::addModuleRequested, this, &MainWindow::addModule);
    connect(m_firstStart, &FirstStartPanel::demoRequested, this, [this] {
        m_firstStartDismissed = true;
        updateFirstStart();
        Q_EMIT demoRequested();
    });
    connect(m_firstStart, &FirstStartPanel::rescanRequested, this, &MainWindow::refreshAll);
    connect(m_firstStart, &FirstStartPanel::showModulesRequested, this, [this] {
        m_firstStartDismissed = true;
        updateFirstStart();
    });
    // Decided after each full scan and whenever a token comes or goes (rows change).
    connect(this, &MainWindow::refreshFinished, this, [this] {
        m_scannedOnce = true;
        updateFirstStart();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, [this] {
            if (m_scannedOnce)
                QMetaObject::invokeMethod(this, &MainWindow::updateFirstStart, Qt::QueuedConnection);
        });
}

void MainWindow::updateFirstStart()
{
    // Any token counts, a blank one too: initializing it is the way forward, and the tree shows it.
    bool anyToken = false;
    for (int m = 0; m < m_model->rowCount() && !anyToken; ++m) {
        const QModelIndex mi = m_model->index(m, 0);
        for (int s = 0; s < m_model->rowCount(mi) && !anyToken; ++s)
            anyToken = m_model->rowCount(m_model->index(s, 0, mi)) > 0;
    }
    const bool show = m_scannedOnce && !m_firstStartDismissed && !anyToken && m_demoNotice->isHidden();
    if (show && m_firstStart->isHidden())
        m_firstStart->probeReaders();
    m_firstStart->setVisible(show);
    m_tree->setVisible(!show);
    m_filter->setVisible(!show); // nothing to filter yet
}
