// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/modulespec.h"
#include "inventory/tokenref.h"
#include "schsm/schsmstatus.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

class DetailPane;
class FirstStartPanel;
class QMenu;
class Inventory;
class QAction;
class QDialog;
class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QTreeView;
class SchsmDevicePanel;
class SchsmJobs;
class SchsmReaderSearch;
class TokenTreeModel;
class TreeNode;
class TreeFilter;

// The token browser: the tree on the left, details on the right. Every token
// call goes through Inventory (worker threads); this class only reacts to the
// futures' results on the GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    using ModuleListProvider = std::function<QList<ModuleSpec>()>;
    MainWindow(Inventory &inventory, ModuleListProvider modules, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The size the window opens at without a saved geometry, on a screen with this available area.
    static QSize defaultSize(const QRect &available);
    TokenTreeModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    DetailPane *detailPane() const { return m_details; }
    TreeFilter *treeFilter() const { return m_filter; }
    // The expiry warning period for the tree and the detail pane (View ▸ Expiry warning… sets and saves it).
    void setExpiryWarningDays(int days);
    QAction *expiryWarningAction() const { return m_expiryWarning; }
    // Number of scans and reads in flight (the status bar's busy indicator).
    int busyJobs() const { return m_busy; }
    // Whether the last full refresh found any initialized token.
    bool hasTokens() const;
    void setDemoNotice(const QString &text);
    // SmartCard-HSM devices: one worker per reader (the device wizards use them too)
    // and the device panel under the details.
    SchsmJobs &schsmJobs() const { return *m_schsmJobs; }
    SchsmDevicePanel *schsmPanel() const { return m_schsmPanel; }

    // Issue 12: the tree's context menu for a row (only the actions that apply to its kind,
    // enabled as they apply to it); the caller owns the menu. Makes the row current.
    QMenu *contextMenuFor(const QModelIndex &index);
    FirstStartPanel *firstStartPanel() const { return m_firstStart; }

public Q_SLOTS:
    void refreshAll();
    void refreshModule(const ModuleSpec &spec);
    // refreshModule() for a module the tree shows (lost tokens, rescans).
    void refreshShownModule(const QString &path);
    // then: runs on the GUI thread once the objects are in the model (not on failure).
    void refreshToken(const TokenRef &token, std::function<void()> then = {});
    void addModule();
    void removeSelectedModule();
    // "Run in a separate process (safer, slower)" for the selected module: remembered in the
    // settings, and the module is loaded again that way (its sessions and logins end).
    void setSelectedModuleIsolated(bool isolated);
    void rescanReaders();
    // Logs in to the selected token; then: runs once the private objects are listed.
    void login(std::function<void()> then = {});
    void refreshModuleOf(const QString &modulePath);
    void logout();
    void generateKey();
    void createCsr();
    // file: preset (drag and drop onto a token); empty: the wizard asks.
    void importCertificates(const QString &file = {});
    void importPkcs12();
    void initializeToken(std::optional<TokenRef> preselected = std::nullopt);
    void changePin(int mode); // PinChangeMode
    void healthCheck();
    // "Use this key in…" for the selected key, certificate or token (issue 14).
    void useKeyIn();
    // Object actions on the selected object (ui/commands).
    void deleteSelected();
    void renameSelected();
    void selfSignedForSelected();
    void exportSelected(int what); // ExportObjectCommand::What
    // Issue 12: every attribute of the selected object; its (or the token's) URI to the clipboard.
    void showAttributes();
    void copySelectedUri();
    // Issue 13: "Back up key…" for the selected private key of a SmartCard-HSM (or the device's token).
    void backUpKeys();
    // "Restore key…": backup files into the SmartCard-HSM of the selected token (RestoreKeysDialog).
    void restoreKeys();
    // After an operation on the SmartCard-HSM in reader: re-reads its status, re-initializes
    // the modules showing a slot for the reader (OpenSC keeps what it bound) and re-reads them.
    void deviceChanged(const QString &reader);
    void showSchsmDevices(); // Tools ▸ SmartCard-HSM devices
    // Token ▸ Device status…: the devices dialog with this reader chosen.
    void showSchsmDeviceStatus(const QString &reader);

Q_SIGNALS:
    // A device panel's buttons (under the details, or in the SmartCard-HSM devices dialog).
    void initializeDeviceRequested(const QString &reader, const SchsmStatus &status);
    void importSharesRequested(const QString &reader, const SchsmStatus &status);
    void refreshFinished();   // every module scanned and every token read after refreshAll()
    void moduleAdded(const QString &path);
    void moduleRemoved(const QString &path);
    // The first-start panel's "Open the demo token" (app/ opens it).
    void demoRequested();

protected:
    void closeEvent(QCloseEvent *e) override;
    bool eventFilter(QObject *watched, QEvent *event) override; // certificate files dropped on a token

private:
    // Puts a module's snapshot into the tree and reads the objects of its initialized tokens:
    // all of them (a refresh), or only those the tree did not show before (a slot event).
    enum class RereadTokens { All, New };
    void showModule(const ModuleSnapshot &snap, RereadTokens which);
    void createActions();
    // Widens the Name column to the names it shows, until the user sizes it (or it was restored).
    void fitNameColumn();
    void updateActions();
    void jobStarted(const QString &what);
    void jobFinished();
    void showError(const QString &operation, std::exception_ptr e, const TokenRef *token = nullptr);
    QString keyPath(const QModelIndex &index) const;
    void restoreExpansion(const QModelIndex &parent, int first, int last);
    QModelIndex currentSourceIndex() const;
    // Runs open() for the selected token once it is logged in (logging in first if needed).
    void withLoggedInToken(std::function<void(const TokenRef &)> open);
    std::vector<ObjectInfo> tokenObjects(const TokenRef &token) const;
    TokenContents tokenContents(const TokenRef &token) const;
    // Opens a token command dialog the same way for every object action.
    void openCommand(QDialog *dialog);
    // After a rename: selects the renamed object once a refresh of its token lists it.
    void selectRenamedObject(const TokenRef &token);
    // C_Finalize + C_Initialize of a module shown in the tree, then a new scan of it.
    void reinitializeModule(const QString &path, const QString &what, const QString &operation);
    void showSchsmDevice(const QModelIndex &index); // the panel for a selected SmartCard-HSM token
    void relaySchsmRequests(SchsmDevicePanel *panel);
    // The SmartCard-HSM reader holding this token (its slot names one of the readers found);
    // empty when it is none or the readers are not known yet (findSchsmReaders starts a search).
    QString schsmReaderOf(const TreeNode *tokenNode) const;
    void findSchsmReaders();
    void updateBackUpAction(const TreeNode *n, const TreeNode *tokenNode, bool initialized);

    // Issue 12 (context menus, modeless job windows, first start, Help).
    QList<QAction *> contextActions(const QModelIndex &index) const;
    int privateKeysWithId(const ObjectInfo *object) const;
    // Shows a dialog or wizard modeless (deleted on close); for a token, marks it busy while a job runs.
    void showJobWindow(QWidget *window, const std::optional<TokenRef> &token = std::nullopt);
    // Brings the open Initialize / Import DKEK shares wizard of this reader to the front; false if none is open.
    bool raiseDeviceWizard(const QString &reader);
    void markTokenBusy(const TokenRef &token, bool busy);
    void createHelpMenu();
    void setUpFirstStart();
    void updateFirstStart();

    Inventory &m_inventory;
    ModuleListProvider m_modules;
    // Times each module (canonical path) was removed: a scan started before a removal is late.
    QHash<QString, int> m_moduleRemovals;
    // Modules (canonical path) last scanned in a separate process.
    QSet<QString> m_isolatedModules;
    TokenTreeModel *m_model;
    QTreeView *m_tree;
    DetailPane *m_details;
    SchsmJobs *m_schsmJobs;
    SchsmReaderSearch *m_schsmSearch;
    SchsmDevicePanel *m_schsmPanel;
    QHash<QString, QPointer<QWidget>> m_deviceWizards; // reader → its open device wizard
    // Readers with a SmartCard-HSM, as last found (for object rows, which the panel does not follow).
    std::optional<QStringList> m_schsmReaders;
    bool m_searchingSchsmReaders = false;
    TreeFilter *m_filter = nullptr;
    QAction *m_expiryWarning = nullptr;
    QLabel *m_demoNotice;
    QLabel *m_statusText;
    QProgressBar *m_progress;
    QAction *m_addModule = nullptr;
    QAction *m_removeModule = nullptr;
    QAction *m_isolate = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_rescan = nullptr;
    QAction *m_login = nullptr;
    QAction *m_logout = nullptr;
    QAction *m_generateKey = nullptr;
    QAction *m_createCsr = nullptr;
    QAction *m_importCerts = nullptr;
    QAction *m_importP12 = nullptr;
    QAction *m_initToken = nullptr;
    // SmartCard-HSM tokens only (enabled once the device panel has read the token's device).
    QAction *m_initDevice = nullptr;
    QAction *m_importShares = nullptr;
    QAction *m_deviceStatus = nullptr;
    QAction *m_backUpKey = nullptr;
    QAction *m_restoreKey = nullptr;
    QAction *m_changePin = nullptr;
    QAction *m_changeSoPin = nullptr;
    QAction *m_unblockPin = nullptr;
    QAction *m_health = nullptr;
    QAction *m_useKey = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_selfSigned = nullptr;
    QAction *m_exportPem = nullptr;
    QAction *m_exportDer = nullptr;
    QAction *m_exportPub = nullptr;
    QAction *m_attributes = nullptr;
    QAction *m_copyUri = nullptr;
    FirstStartPanel *m_firstStart;
    bool m_scannedOnce = false;
    bool m_nameColumnFitted = false; // the user sized it, or a saved header state was restored
    bool m_fittingNameColumn = false;
    bool m_fitScheduled = false;
    bool m_firstStartDismissed = false;
    QHash<QString, int> m_tokenJobs; // module path|token identity → job windows working on it
    int m_busy = 0;
    int m_refreshPending = 0;
    // Rows by keyPath() that the user opened and closed (saved with the window).
    QSet<QString> m_expanded;
    QSet<QString> m_collapsed;
    struct PendingSelection {
        TokenRef token;
        QString objectKey; // ObjectInfo::key() after the rename
    };
    std::optional<PendingSelection> m_selectAfterRefresh;
};
