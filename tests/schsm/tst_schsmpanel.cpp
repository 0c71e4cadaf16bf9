// SPDX-License-Identifier: GPL-3.0-or-later
// The SmartCard-HSM device panel, the reader↔token link and the tree after a
// device operation (issue 16), against the emulated card behind a real pcscd
// (run through with_card.sh) and OpenSC's module loaded in this process, the
// way a user meets them: select the token, click Refresh, open Tools ▸
// SmartCard-HSM devices. sc-hsm-tool and pkcs11-tool are the second clients;
// `tokendesk --list` is compared with sc-hsm-tool fact by fact.
#include "listrun.h"
#include "softhsmfixture.h"

#include "dialogs/logindialog.h"
#include "dialogs/schsmdevicesdialog.h"
#include "inventory/inventory.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "p11/module.h"
#include "schsm/schsmdevice.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmreadersearch.h"
#include "schsm/schsmtokenlink.h"
#include "widgets/detailpane.h"
#include "widgets/schsmdevicepanel.h"
#include "wizards/schsm/schsmimportshareswizard.h"
#include "wizards/schsm/schsminitializewizard.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QAction>
#include <QCheckBox>
#include <QRadioButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QProcess>
#include <QProgressBar>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollArea>
#include <QSplitter>
#include <QTextBrowser>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <map>

namespace {
const char *kSharePassword = "TokenDesk vector one";
const QString kSoPin = QStringLiteral("0011223344556677");

QString shareFile()
{
    return QStringLiteral(TOKENDESK_TEST_DATA "/dkek/share-password.pbe");
}

// One line to the emulated card's control socket (see schsm_card.py).
QString control(const QString &command)
{
    const QByteArray path = qgetenv("SCHSM_CONTROL");
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return QStringLiteral("error socket");
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (std::size_t(path.size()) >= sizeof addr.sun_path) {
        ::close(fd);
        return QStringLiteral("error path");
    }
    std::memcpy(addr.sun_path, path.constData(), std::size_t(path.size()));
    QByteArray reply;
    const QByteArray line = command.toUtf8() + '\n';
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0
        && ::write(fd, line.constData(), std::size_t(line.size())) == line.size()) {
        char buf[4096];
        while (!reply.contains('\n')) {
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n <= 0)
                break;
            reply.append(buf, n);
        }
    }
    ::close(fd);
    return QString::fromUtf8(reply).trimmed();
}

QString runTool(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    // sc-hsm-tool's share decryption is deliberately slow; a loaded CI machine needs minutes.
    p.waitForFinished(600000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

QString scHsmTool(const QStringList &args)
{
    int rc = -1;
    const QString out = runTool(QStringLiteral("sc-hsm-tool"), args, &rc);
    if (rc != 0 || out.contains(QLatin1String("failed")))
        qWarning("sc-hsm-tool %s: %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(out));
    return out;
}

void initializeWithScHsmTool(const QString &soPin, int shares, const QString &label)
{
    scHsmTool({QStringLiteral("--initialize"), QStringLiteral("--so-pin"), soPin, QStringLiteral("--pin"),
               QStringLiteral("648219"), QStringLiteral("--dkek-shares"), QString::number(shares),
               QStringLiteral("--label"), label});
}

void importShareWithScHsmTool()
{
    scHsmTool({QStringLiteral("--import-dkek-share"), shareFile(), QStringLiteral("--password"),
               QString::fromLatin1(kSharePassword)});
}

// The device facts in one vocabulary, whoever reported them: firmware,
// initialized, rrc, transport option, so-pin / user-pin (tries left, "locked",
// "transport"; absent before initialization), dkek shares / missing / kcv, or
// dkek = unavailable.
using Facts = std::map<QString, QString>;

QString describe(const Facts &facts)
{
    QStringList parts;
    for (const auto &[k, v] : facts)
        parts << k + QLatin1Char('=') + v;
    return parts.join(QStringLiteral("; "));
}

QString valueOf(const QString &line)
{
    return line.section(QLatin1Char(':'), 1).trimmed();
}

// sc-hsm-tool's status report (OpenSC 0.23's print_info wording).
Facts scHsmToolFacts()
{
    Facts f{{QStringLiteral("initialized"), QStringLiteral("yes")},
            {QStringLiteral("rrc"), QStringLiteral("no")},
            {QStringLiteral("transport option"), QStringLiteral("no")}};
    bool dkekRefused = false;
    for (const QString &raw : runTool(QStringLiteral("sc-hsm-tool"), {}).split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("Version")))
            f[QStringLiteral("firmware")] = valueOf(line);
        else if (line.contains(QLatin1String("never been initialized"))) {
            f[QStringLiteral("initialized")] = QStringLiteral("no");
            f[QStringLiteral("rrc")] = QStringLiteral("not set"); // no options before the initialization
            f[QStringLiteral("transport option")] = QStringLiteral("not set");
        }
        else if (line == QLatin1String("User PIN reset with SO-PIN enabled"))
            f[QStringLiteral("rrc")] = QStringLiteral("yes");
        else if (line == QLatin1String("Transport-PIN mode enabled"))
            f[QStringLiteral("transport option")] = QStringLiteral("yes");
        else if (line.startsWith(QLatin1String("SO-PIN tries left")))
            f[QStringLiteral("so-pin")] = valueOf(line);
        else if (line == QLatin1String("SO-PIN locked"))
            f[QStringLiteral("so-pin")] = QStringLiteral("locked");
        else if (line.startsWith(QLatin1String("User PIN tries left")))
            f[QStringLiteral("user-pin")] = valueOf(line);
        else if (line == QLatin1String("User PIN locked"))
            f[QStringLiteral("user-pin")] = QStringLiteral("locked");
        else if (line.startsWith(QLatin1String("Transport-PIN active")))
            f[QStringLiteral("user-pin")] = QStringLiteral("transport");
        else if (line.contains(QLatin1String("IMPORT_DKEK_SHARE")) && line.contains(QLatin1String("failed")))
            dkekRefused = true; // it then prints whatever was in its buffer: not a fact
        else if (line.startsWith(QLatin1String("DKEK shares")))
            f[QStringLiteral("dkek shares")] = valueOf(line);
        else if (line.startsWith(QLatin1String("DKEK import pending")))
            f[QStringLiteral("dkek missing")] = line.section(QLatin1Char(','), 1).trimmed().section(QLatin1Char(' '), 0, 0);
        else if (line.startsWith(QLatin1String("DKEK key check value")))
            f[QStringLiteral("dkek kcv")] = valueOf(line);
    }
    if (dkekRefused) {
        f.erase(QStringLiteral("dkek shares"));
        f.erase(QStringLiteral("dkek kcv"));
        f[QStringLiteral("dkek")] = QStringLiteral("unavailable");
    } else if (f.count(QStringLiteral("dkek shares")) && !f.count(QStringLiteral("dkek missing"))) {
        f[QStringLiteral("dkek missing")] = QStringLiteral("0");
    }
    return f;
}

QString fact(const Facts &facts, const QString &key)
{
    const auto it = facts.find(key);
    return it == facts.end() ? QStringLiteral("<missing>") : it->second;
}

QString yesNo(bool b)
{
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

// An option in the JSON: true, false, or null before the initialization.
QString jsonOption(const QJsonValue &v)
{
    return v.isNull() ? QStringLiteral("not set") : v.isBool() ? yesNo(v.toBool()) : QStringLiteral("<not a boolean>");
}

// `tokendesk --list --json`'s smartcardHsm entry.
Facts jsonFacts(const QJsonObject &d)
{
    Facts f{{QStringLiteral("firmware"), d.value(QStringLiteral("firmware")).toString()},
            {QStringLiteral("initialized"), yesNo(d.value(QStringLiteral("initialized")).toBool())},
            {QStringLiteral("rrc"), jsonOption(d.value(QStringLiteral("soMayResetUserPin")))},
            {QStringLiteral("transport option"), jsonOption(d.value(QStringLiteral("transportPin")))}};
    const auto pin = [&f](const QString &key, const QJsonObject &o) {
        const QString state = o.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("tries-left"))
            f[key] = QString::number(o.value(QStringLiteral("triesLeft")).toInt());
        else if (state == QLatin1String("transport-pin"))
            f[key] = QStringLiteral("transport");
        else if (state != QLatin1String("not-initialized"))
            f[key] = state;
    };
    pin(QStringLiteral("so-pin"), d.value(QStringLiteral("soPin")).toObject());
    pin(QStringLiteral("user-pin"), d.value(QStringLiteral("userPin")).toObject());
    const QJsonObject dkek = d.value(QStringLiteral("dkek")).toObject();
    if (!dkek.value(QStringLiteral("available")).toBool()) {
        f[QStringLiteral("dkek")] = QStringLiteral("unavailable");
    } else {
        f[QStringLiteral("dkek shares")] = QString::number(dkek.value(QStringLiteral("sharesExpected")).toInt(-1));
        f[QStringLiteral("dkek missing")] = QString::number(dkek.value(QStringLiteral("sharesMissing")).toInt(-1));
        if (dkek.contains(QStringLiteral("keyCheckValue")))
            f[QStringLiteral("dkek kcv")] = dkek.value(QStringLiteral("keyCheckValue")).toString();
    }
    return f;
}

// `tokendesk --list`'s "SmartCard-HSM devices" section ("Label : value" lines).
Facts textFacts(const QString &listOutput)
{
    Facts f;
    const qsizetype start = listOutput.indexOf(QLatin1String("SmartCard-HSM devices"));
    if (start < 0)
        return f;
    const auto pin = [&f](const QString &key, const QString &v) {
        if (v == QLatin1String("locked"))
            f[key] = v;
        else if (v.startsWith(QLatin1String("transport PIN")))
            f[key] = QStringLiteral("transport");
        else if (v.endsWith(QLatin1String("tries left")) || v.endsWith(QLatin1String("try left")))
            f[key] = v.section(QLatin1Char(' '), 0, 0);
        else if (!v.startsWith(QLatin1String("not set")))
            f[key] = v;
    };
    for (const QString &raw : listOutput.mid(start).split(QLatin1Char('\n'))) {
        const QString key = raw.section(QLatin1Char(':'), 0, 0).trimmed();
        const QString v = valueOf(raw);
        if (key == QLatin1String("Firmware"))
            f[QStringLiteral("firmware")] = v;
        else if (key == QLatin1String("Initialized"))
            f[QStringLiteral("initialized")] = v;
        else if (key == QLatin1String("SO may reset user PIN"))
            f[QStringLiteral("rrc")] = v.startsWith(QLatin1String("not set")) ? QStringLiteral("not set") : v;
        else if (key == QLatin1String("Transport PIN option"))
            f[QStringLiteral("transport option")] = v.startsWith(QLatin1String("not set")) ? QStringLiteral("not set") : v;
        else if (key == QLatin1String("User PIN"))
            pin(QStringLiteral("user-pin"), v);
        else if (key == QLatin1String("SO-PIN"))
            pin(QStringLiteral("so-pin"), v);
        else if (key == QLatin1String("DKEK") && v.startsWith(QLatin1String("not available")))
            f[QStringLiteral("dkek")] = QStringLiteral("unavailable");
        else if (key == QLatin1String("DKEK shares expected"))
            f[QStringLiteral("dkek shares")] = v;
        else if (key == QLatin1String("DKEK shares missing"))
            f[QStringLiteral("dkek missing")] = v;
        else if (key == QLatin1String("DKEK key check value") && !v.startsWith(QLatin1String("pending")))
            f[QStringLiteral("dkek kcv")] = v;
    }
    return f;
}

QString label(const QWidget *root, const char *name)
{
    const auto *l = root->findChild<QLabel *>(QString::fromLatin1(name));
    return l ? l->text() : QStringLiteral("<no %1>").arg(QString::fromLatin1(name));
}

bool cardPresent(const QString &reader)
{
    try {
        return SchsmDevice::findReaders() == QStringList{reader};
    } catch (const SchsmError &) {
        return false;
    }
}
} // namespace

namespace {
// Log in as SO (or user) in the login dialog, as a user clicks the radio button.
void setLoginAs(LoginDialog *dlg, bool so)
{
    for (QRadioButton *b : dlg->findChildren<QRadioButton *>())
        if (b->text().startsWith(so ? QLatin1String("Security officer") : QLatin1String("User")))
            QTest::mouseClick(b, Qt::LeftButton, {}, QPoint(8, b->height() / 2));
}

// Esc on a wizard the main window opened (deleted on close): gone afterwards.
void closeWithEscape(QWidget *wizard)
{
    QPointer<QWidget> guard(wizard);
    QTRY_VERIFY(guard->isVisible());
    QTest::keyClick(guard, Qt::Key_Escape);
    QTRY_VERIFY(guard.isNull());
}
} // namespace

class TestSchsmPanel : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    QString m_reader;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    std::unique_ptr<MainWindow> m_window;

    QModelIndex findRow(const QModelIndex &parent, const QString &text) const
    {
        const QAbstractItemModel *m = m_window->model();
        for (int r = 0; r < m->rowCount(parent); ++r) {
            const QModelIndex i = m->index(r, 0, parent);
            if (i.data().toString() == text)
                return i;
            if (const QModelIndex deeper = findRow(i, text); deeper.isValid())
                return deeper;
        }
        return {};
    }
    QModelIndex row(const QString &text) const { return findRow({}, text); }
    // Clicks a row of the tree, as a user selects a token.
    void click(const QModelIndex &index)
    {
        QTreeView *tree = m_window->tree();
        tree->scrollTo(index);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
        QCOMPARE(tree->currentIndex().siblingAtColumn(0), index);
    }
    SchsmDevicePanel *panel() const { return m_window->schsmPanel(); }
    QAction *menuAction(const QString &text) const
    {
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->text() == text)
                return a;
        return nullptr;
    }
    // The entries of the tree's context menu for a row, by text (enabled or not).
    QMap<QString, bool> contextEntries(const QModelIndex &index)
    {
        std::unique_ptr<QMenu> menu(m_window->contextMenuFor(index));
        QMap<QString, bool> out;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                out.insert(a->text(), a->isEnabled());
        return out;
    }
    // The facts the panel shows, in the Facts vocabulary (labels, not the status struct).
    Facts panelFacts(const SchsmDevicePanel *p) const
    {
        Facts f{{QStringLiteral("firmware"), label(p, "schsmFirmware")},
                {QStringLiteral("initialized"), label(p, "schsmInitialized").section(QLatin1Char(' '), 0, 0)},
                {QStringLiteral("rrc"), label(p, "schsmSoResets").startsWith(QLatin1String("not set")) ? QStringLiteral("not set")
                                                                                                      : label(p, "schsmSoResets")},
                {QStringLiteral("transport option"), label(p, "schsmTransport").startsWith(QLatin1String("not set")) ? QStringLiteral("not set")
                                                     : label(p, "schsmTransport") == QLatin1String("no")              ? QStringLiteral("no")
                                                                                                                      : QStringLiteral("yes")}};
        for (const auto &[key, name] : {std::pair{QStringLiteral("so-pin"), "schsmSoPin"}, std::pair{QStringLiteral("user-pin"), "schsmUserPin"}}) {
            const QString v = label(p, name);
            if (v.endsWith(QLatin1String("tries left")) || v.endsWith(QLatin1String("try left")))
                f[key] = v.section(QLatin1Char(' '), 0, 0);
            else if (v == QLatin1String("locked"))
                f[key] = v;
        }
        f[QStringLiteral("dkek shares")] = label(p, "schsmDkekTotal").section(QLatin1Char(' '), 0, 0);
        f[QStringLiteral("dkek missing")] = label(p, "schsmDkekMissing");
        if (label(p, "schsmDkekMissing") == QLatin1String("0"))
            f[QStringLiteral("dkek kcv")] = label(p, "schsmDkekKcv");
        return f;
    }
    void refresh()
    {
        QSignalSpy done(m_window.get(), &MainWindow::refreshFinished);
        m_window->refreshAll();
        QVERIFY(done.wait(60000));
    }
    // Selects the device's token (by its OpenSC label) and waits for the panel's facts.
    void selectDeviceToken(const QString &tokenLabel)
    {
        QTRY_VERIFY_WITH_TIMEOUT(row(tokenLabel).isValid(), 30000);
        click(row(tokenLabel));
        QTRY_VERIFY_WITH_TIMEOUT(panel()->status().has_value() && !panel()->isBusy(), 30000);
        QVERIFY(panel()->isVisible());
    }
    // What is wrong with the panel's values as laid out now: a wrapped value whose row is
    // lower than the text (its last line cut off) or that reaches past the scrolled widget;
    // empty when every value is whole. mustWrap: at least one value has to wrap (or the
    // check could not see the defect).
    static QString clippedValues(SchsmDevicePanel *p, bool mustWrap = true)
    {
        auto *scroll = p->findChild<QScrollArea *>(QStringLiteral("schsmFactsScroll"));
        QWidget *facts = scroll ? scroll->widget() : nullptr;
        if (!facts || !facts->isVisible())
            return QStringLiteral("no facts shown");
        QStringList problems;
        int wrapped = 0;
        for (QLabel *l : facts->findChildren<QLabel *>()) {
            if (!l->isVisible() || !l->objectName().startsWith(QLatin1String("schsm")))
                continue;
            const int need = l->heightForWidth(l->width());
            if (need > l->fontMetrics().height() * 3 / 2)
                ++wrapped;
            if (l->height() < need)
                problems << QStringLiteral("%1 %2 high, its text needs %3 at width %4")
                                .arg(l->objectName()).arg(l->height()).arg(need).arg(l->width());
            if (l->geometry().bottom() >= facts->height())
                problems << QStringLiteral("%1 ends at %2, past the scrolled widget (%3 high)")
                                .arg(l->objectName()).arg(l->geometry().bottom()).arg(facts->height());
        }
        if (mustWrap && wrapped == 0)
            problems << QStringLiteral("no value wraps at this width");
        if (!problems.isEmpty())
            problems << QStringLiteral("(the facts: %1x%2, needing %3 high; viewport %4x%5; height for width: %6; "
                                       "minimum height %7; DKEK value at least %8 high)")
                            .arg(facts->width()).arg(facts->height()).arg(facts->heightForWidth(facts->width()))
                            .arg(scroll->viewport()->width()).arg(scroll->viewport()->height())
                            .arg(facts->hasHeightForWidth()).arg(facts->minimumHeight())
                            .arg(facts->findChild<QLabel *>(QStringLiteral("schsmDkekTotal"))->minimumSizeHint().height());
        return problems.join(QStringLiteral("; "));
    }
    QString details() const
    {
        return m_window->findChild<DetailPane *>()->findChild<QTextBrowser *>()->toPlainText();
    }
    // The tree after another client changed the device: OpenSC binds it again.
    void showChangedDevice(const QString &tokenLabel)
    {
        m_window->deviceChanged(m_reader);
        QTRY_VERIFY_WITH_TIMEOUT(row(tokenLabel).isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->busyJobs() == 0, 30000);
    }
    QLabel *loginStatus(LoginDialog *dlg) const { return dlg->findChild<QLabel *>(QStringLiteral("pinStatus")); }
    QPointer<LoginDialog> openLogin()
    {
        QAction *login = menuAction(QStringLiteral("&Log in…"));
        if (!login || !login->isEnabled())
            return {};
        login->trigger();
        QPointer<LoginDialog> dlg;
        if (!QTest::qWaitFor([&] { return (dlg = m_window->findChild<LoginDialog *>()) && dlg->isVisible(); }))
            return {};
        return dlg;
    }
    void saveScreenshot()
    {
        const QString path = qEnvironmentVariable("SCHSM_PANEL_SCREENSHOT");
        if (path.isEmpty())
            return;
        // Layouts settle through posted events (the progress row just left): grab the window
        // as the user sees it, not half way.
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
        }
        QVERIFY(m_window->grab().save(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_reader = qEnvironmentVariable("SCHSM_READER");
        QVERIFY2(!m_reader.isEmpty() && !qEnvironmentVariableIsEmpty("SCHSM_CONTROL"),
                 "run this test through tests/schsm/with_card.sh");
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        initializeWithScHsmTool(kSoPin, 1, QStringLiteral("OLD"));
        m_hsm.initToken(QStringLiteral("Soft"));
        m_inventory = std::make_unique<Inventory>(m_registry);
        m_window = std::make_unique<MainWindow>(*m_inventory, [] {
            return QList<ModuleSpec>{ModuleSpec{SoftHsmFixture::openscModule(), QStringLiteral("opensc"), false},
                                     ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false}};
        });
        m_window->resize(1280, 760);
        m_window->show();
        refresh();
        QTRY_VERIFY_WITH_TIMEOUT(row(QStringLiteral("OLD (UserPIN)")).isValid(), 30000);
    }

    void cleanup()
    {
        QCOMPARE(control(QStringLiteral("insert")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(m_reader), 10000);
    }

    // --- the reader ↔ token link ------------------------------------------------
    void slotDescriptionNamesReader_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("reader");
        QTest::addColumn<bool>("same");
        const QString longName = QStringLiteral("Nitrokey Nitrokey HSM (DENK01234567890000000000000000000) 00 00 extra");
        QTest::newRow("exact") << QStringLiteral("Virtual PCD 00 00") << QStringLiteral("Virtual PCD 00 00") << true;
        QTest::newRow("padded") << QStringLiteral("Virtual PCD 00 00   ") << QStringLiteral("Virtual PCD 00 00") << true;
        QTest::newRow("other slot of the driver") << QStringLiteral("Virtual PCD 00 01") << QStringLiteral("Virtual PCD 00 00") << false;
        QTest::newRow("prefix only") << QStringLiteral("Virtual PCD 00 0") << QStringLiteral("Virtual PCD 00 00") << false;
        QTest::newRow("decorated") << QStringLiteral("Virtual PCD 00 00 (x)") << QStringLiteral("Virtual PCD 00 00") << false;
        QTest::newRow("cut at 64 bytes") << QString::fromUtf8(longName.toUtf8().left(64)) << longName << true;
        QTest::newRow("cut elsewhere") << QString::fromUtf8(longName.toUtf8().left(60)) << longName << false;
        QTest::newRow("empty") << QString() << QString() << false;
        QTest::newRow("SoftHSM") << QStringLiteral("SoftHSM slot ID 0x1") << QStringLiteral("Virtual PCD 00 00") << false;
    }
    void slotDescriptionNamesReader()
    {
        QFETCH(QString, description);
        QFETCH(QString, reader);
        QFETCH(bool, same);
        QCOMPARE(SchsmTokenLink::slotIsReader(description, reader), same);
    }

    // What OpenSC really reports for the emulated device, read through the tree.
    void linkWithRealOpenScOutput()
    {
        const TreeNode *token = m_window->model()->node(row(QStringLiteral("OLD (UserPIN)")));
        QVERIFY(token);
        const SlotSnapshot *slot = token->parent->slot();
        QVERIFY(slot);
        QCOMPARE(slot->description, m_reader); // OpenSC 0.23: the reader name, blank padded (no decoration)
        const SchsmStatus device = SchsmDevice::readStatus(m_reader);
        QVERIFY(!device.serial.isEmpty());
        QCOMPARE(token->token()->id.serial, device.serial);
        QVERIFY(SchsmTokenLink::isDevice(slot->description, token->token()->id.serial, device));
        QCOMPARE(SchsmTokenLink::readerOf(slot->description, {QStringLiteral("Other reader"), m_reader}), m_reader);

        // Same reader, another card (another serial): not this device.
        QVERIFY(!SchsmTokenLink::isDevice(slot->description, QStringLiteral("DETD0000043"), device));
        SchsmStatus unknownSerial = device;
        unknownSerial.serial.clear();
        QVERIFY(!SchsmTokenLink::isDevice(slot->description, token->token()->id.serial, unknownSerial));

        // SoftHSM's token: neither its slot nor its serial names the device.
        const TreeNode *soft = m_window->model()->node(row(QStringLiteral("Soft")));
        QVERIFY(soft && soft->parent->slot());
        QVERIFY(!SchsmTokenLink::isDevice(soft->parent->slot()->description, soft->token()->id.serial, device));
        QVERIFY(SchsmTokenLink::readerOf(soft->parent->slot()->description, {m_reader}).isEmpty());
    }

    // --- the panel ----------------------------------------------------------------
    // Issue 9 §3: OpenSC can wait for slot events, so the window does not poll it; pulling the
    // card and putting it back reaches the tree through C_WaitForSlotEvent alone. SoftHSM
    // cannot wait and is polled.
    void cardComesAndGoesThroughOpenScSlotEvents()
    {
        const QString opensc = ModuleRegistry::canonicalPath(SoftHsmFixture::openscModule());
        QTRY_VERIFY_WITH_TIMEOUT(m_inventory->waitsForSlotEvents(opensc), 15000);
        QVERIFY(!m_inventory->waitsForSlotEvents(SoftHsmFixture::softhsmModule()));
        QVERIFY(row(QStringLiteral("OLD (UserPIN)")).isValid());
        QSignalSpy events(m_inventory.get(), &Inventory::slotsChanged);

        QCOMPARE(control(QStringLiteral("remove")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(!row(QStringLiteral("OLD (UserPIN)")).isValid(), 15000);
        QVERIFY(m_inventory->waitsForSlotEvents(opensc)); // still waiting, not fallen back to polling
        QCOMPARE(control(QStringLiteral("insert")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(row(QStringLiteral("OLD (UserPIN)")).isValid(), 15000);
        QVERIFY(m_inventory->waitsForSlotEvents(opensc));
        QVERIFY(events.count() >= 2);
        for (const QList<QVariant> &e : events)
            QCOMPARE(e.at(0).toString(), opensc);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->busyJobs() == 0, 30000);
    }

    void panelOnlyForTheDevicesToken()
    {
        click(row(QStringLiteral("Soft")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->isBusy(), 30000);
        QVERIFY(!panel()->isVisible());
        QVERIFY(panel()->reader().isEmpty());

        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        QCOMPARE(panel()->reader(), m_reader);
        QCOMPARE(label(panel(), "schsmSerial"), m_window->model()->node(row(QStringLiteral("OLD (UserPIN)")))->token()->id.serial);
        QCOMPARE(describe(panelFacts(panel())), describe(scHsmToolFacts()));

        // The module row and an object group are not the token: no panel.
        click(m_window->model()->index(0, 0));
        QVERIFY(!panel()->isVisible());
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        click(row(QStringLiteral("Soft")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->isBusy(), 30000);
        QVERIFY(!panel()->isVisible());
    }

    // Token ▸ Initialize token… (and the context menu's) opens the device wizard for a
    // SmartCard-HSM's token, the generic one for others; the device actions are there,
    // enabled only for the device's token.
    void tokenMenuOpensTheDeviceWizards()
    {
        QAction *initToken = menuAction(QStringLiteral("&Initialize token…"));
        QAction *initDevice = menuAction(QStringLiteral("Initialize &device…"));
        QAction *importShares = menuAction(QStringLiteral("Import DKEK s&hares…"));
        QAction *deviceStatus = menuAction(QStringLiteral("Device s&tatus…"));
        QVERIFY(initToken && initDevice && importShares && deviceStatus);

        click(row(QStringLiteral("Soft")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->isBusy(), 30000);
        QVERIFY(initToken->isEnabled());
        QVERIFY(!initDevice->isEnabled());
        QVERIFY(!importShares->isEnabled());
        QVERIFY(!deviceStatus->isEnabled());
        QMap<QString, bool> entries = contextEntries(row(QStringLiteral("Soft")));
        QVERIFY(entries.value(QStringLiteral("&Initialize token…"), false));
        for (const QString &text : {QStringLiteral("Initialize &device…"), QStringLiteral("Import DKEK s&hares…"),
                                    QStringLiteral("Device s&tatus…")})
            QVERIFY2(!entries.contains(text), qPrintable(text)); // not a SmartCard-HSM's token
        initToken->trigger();
        QTRY_VERIFY(m_window->findChild<InitTokenWizard *>());
        QVERIFY(!m_window->findChild<SchsmInitializeWizard *>());
        closeWithEscape(m_window->findChild<InitTokenWizard *>());

        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        QVERIFY(initToken->isEnabled());
        QVERIFY(initDevice->isEnabled());
        QCOMPARE(importShares->isEnabled(), panel()->status()->dkek.outstanding > 0);
        QVERIFY(deviceStatus->isEnabled());
        entries = contextEntries(row(QStringLiteral("OLD (UserPIN)")));
        for (const QString &text : {QStringLiteral("&Initialize token…"), QStringLiteral("Initialize &device…"),
                                    QStringLiteral("Device s&tatus…")})
            QVERIFY2(entries.value(text, false), qPrintable(text));
        QVERIFY(entries.contains(QStringLiteral("Import DKEK s&hares…")));

        // The generic entry and the device entry both open the device's own wizard for its reader.
        for (QAction *a : {initToken, initDevice}) {
            a->trigger();
            QTRY_VERIFY(m_window->findChild<SchsmInitializeWizard *>());
            QVERIFY(!m_window->findChild<InitTokenWizard *>());
            QCOMPARE(m_window->findChild<SchsmInitializeWizard *>()->state().reader, m_reader);
            closeWithEscape(m_window->findChild<SchsmInitializeWizard *>());
        }
        if (importShares->isEnabled()) {
            importShares->trigger();
            QTRY_VERIFY(m_window->findChild<SchsmImportSharesWizard *>());
            closeWithEscape(m_window->findChild<SchsmImportSharesWizard *>());
        }
        deviceStatus->trigger();
        QTRY_VERIFY(m_window->findChild<SchsmDevicesDialog *>());
        auto *dialog = m_window->findChild<SchsmDevicesDialog *>();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->panel()->status().has_value() && !dialog->panel()->isBusy(), 30000);
        QCOMPARE(dialog->readers()->currentText(), m_reader);
        QCOMPARE(dialog->panel()->status()->serial, panel()->status()->serial);
        closeWithEscape(dialog);
    }

    // Another client changes the device; Refresh shows it, with progress while reading.
    void refreshButtonRereads()
    {
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        QCOMPARE(label(panel(), "schsmDkekMissing"), QStringLiteral("1"));
        auto *import = panel()->findChild<QPushButton *>(QStringLiteral("schsmImportShares"));
        QVERIFY(import->isEnabled()); // a share is missing
        importShareWithScHsmTool();
        // Two wrong SO-PINs from sc-hsm-tool: the tries left drop to 13.
        for (int i = 0; i < 2; ++i)
            scHsmTool({QStringLiteral("--initialize"), QStringLiteral("--so-pin"), QStringLiteral("FFFFFFFFFFFFFFFF"),
                       QStringLiteral("--pin"), QStringLiteral("648219")});
        QCOMPARE(label(panel(), "schsmDkekMissing"), QStringLiteral("1")); // nothing read yet

        auto *refreshButton = panel()->findChild<QPushButton *>(QStringLiteral("schsmRefresh"));
        QTest::mouseClick(refreshButton, Qt::LeftButton);
        QVERIFY(panel()->isReading());
        QVERIFY(panel()->findChild<QProgressBar *>()->isVisible());
        QVERIFY(!refreshButton->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->isBusy(), 30000);
        QVERIFY(!panel()->findChild<QProgressBar *>()->isVisible());
        const Facts tool = scHsmToolFacts();
        QCOMPARE(fact(tool, QStringLiteral("so-pin")), QStringLiteral("13"));
        QCOMPARE(fact(tool, QStringLiteral("dkek kcv")), QStringLiteral("1869AACFBA17D873")); // the vectors' README
        QCOMPARE(describe(panelFacts(panel())), describe(tool));
        QVERIFY(!import->isEnabled()); // nothing left to import
        saveScreenshot();
    }

    // The token details and the panel say the same about the device's PINs (through
    // OpenSC the PKCS#11 flags would say "OK" for an SO-PIN with 13 tries left).
    void detailsAgreeWithThePanel()
    {
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        QCOMPARE(label(panel(), "schsmSoPin"), QStringLiteral("13 tries left"));
        const auto details = [this] { return m_window->findChild<DetailPane *>()->findChild<QTextBrowser *>()->toPlainText(); };
        QTRY_VERIFY2(details().contains(QRegularExpression(QStringLiteral("SO-PIN\\s+13 tries left"))), qPrintable(details()));
        const QString user = QRegularExpression::escape(label(panel(), "schsmUserPin"));
        QVERIFY2(details().contains(QRegularExpression(QStringLiteral("User PIN\\s+") + user)), qPrintable(details()));
        QVERIFY2(details().contains(QStringLiteral("the SmartCard-HSM device ") + panel()->status()->serial), qPrintable(details()));
        QVERIFY(!details().contains(QRegularExpression(QStringLiteral("SO-PIN\\s+OK"))));
        // Another token: its own PKCS#11 facts, nothing of the device.
        click(row(QStringLiteral("Soft")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->isBusy(), 30000);
        QTRY_VERIFY(!details().contains(QStringLiteral("SmartCard-HSM device")));
    }

    // A wrong PIN in the login dialog: the panel and the details show the device's new count
    // at once (sc-hsm-tool is the oracle), and the right PIN brings it back.
    void loginAttemptsUpdateThePanel()
    {
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        const auto tries = [](const QString &text) {
            static const QRegularExpression n(QStringLiteral("(\\d+)"));
            return n.match(text).captured(1).toInt();
        };
        const int before = tries(label(panel(), "schsmUserPin"));
        QCOMPARE(tries(scHsmToolFacts()[QStringLiteral("user-pin")]), before);
        QAction *login = nullptr;
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->text() == QStringLiteral("&Log in…"))
                login = a;
        QVERIFY(login && login->isEnabled());
        login->trigger();
        QPointer<LoginDialog> dlg;
        QTRY_VERIFY((dlg = m_window->findChild<LoginDialog *>()) && dlg->isVisible());
        // The dialog shows the device's tries (OpenSC's flags do not tell them), read without a PIN.
        QTRY_VERIFY_WITH_TIMEOUT(!dlg->isReadingDevice(), 30000);
        QVERIFY(dlg->device().has_value());
        QVERIFY2(loginStatus(dlg)->text().contains(QStringLiteral("User PIN: %1 tries left").arg(before)),
                 qPrintable(loginStatus(dlg)->text()));
        QVERIFY(!loginStatus(dlg)->text().contains(QLatin1String("does not say")));
        QVERIFY(loginStatus(dlg)->text().contains(panel()->status()->serial));
        setLoginAs(dlg, true);
        const QString so = scHsmToolFacts()[QStringLiteral("so-pin")];
        QVERIFY2(loginStatus(dlg)->text().contains(QStringLiteral("SO-PIN: %1 tries left").arg(so)),
                 qPrintable(loginStatus(dlg)->text()));
        setLoginAs(dlg, false);
        QCOMPARE(tries(scHsmToolFacts()[QStringLiteral("user-pin")]), before); // nothing was sent to find out
        auto *pin = dlg->findChild<QLineEdit *>();
        QVERIFY(pin);
        QTest::keyClicks(pin, QStringLiteral("000000"));
        QTest::keyClick(pin, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(tries(label(panel(), "schsmUserPin")), before - 1, 30000);
        QCOMPARE(tries(scHsmToolFacts()[QStringLiteral("user-pin")]), before - 1);
        // The sentence and the state say the device's new count.
        QTRY_VERIFY_WITH_TIMEOUT(!dlg->isBusy(), 30000);
        const QString error = dlg->findChild<QLabel *>(QStringLiteral("error"))->text();
        QVERIFY2(error.contains(QStringLiteral("Wrong PIN. The device reports %1 tries left. (CKR_PIN_INCORRECT)").arg(before - 1)),
                 qPrintable(error));
        QVERIFY2(loginStatus(dlg)->text().contains(QStringLiteral("User PIN: %1 tries left").arg(before - 1)),
                 qPrintable(loginStatus(dlg)->text()));
        const auto details = [this] { return m_window->findChild<DetailPane *>()->findChild<QTextBrowser *>()->toPlainText(); };
        QTRY_VERIFY2(details().contains(QRegularExpression(QStringLiteral("User PIN\\s+%1 tries? left").arg(before - 1))),
                     qPrintable(details()));
        // The correction: the dialog closes and the count is full again.
        QVERIFY(dlg);
        pin->clear();
        QTest::keyClicks(pin, QStringLiteral("648219"));
        QTest::keyClick(pin, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dlg || !dlg->isVisible(), 30000);
        // Logged in, and it stays so: the device panel's reads after the login must not select the
        // application again (a SmartCard-HSM ends the PIN verification on SELECT; OpenSC asks the
        // card whether the PIN is still verified when the tree reads the session state).
        QTRY_COMPARE_WITH_TIMEOUT(label(panel(), "schsmUserPin"), QStringLiteral("verified in this session"), 30000);
        const auto loggedIn = [this] { return m_window->model()->node(row(QStringLiteral("OLD (UserPIN)")))->loggedIn; };
        QTRY_VERIFY_WITH_TIMEOUT(loggedIn(), 30000);
        for (int i = 0; i < 2; ++i) { // the panel's Refresh, then the whole window's
            if (i == 0)
                panel()->refresh();
            QSignalSpy refreshed(m_window.get(), &MainWindow::refreshFinished);
            m_window->refreshAll();
            QVERIFY(refreshed.wait(60000));
            QTRY_VERIFY_WITH_TIMEOUT(!panel()->isReading(), 30000);
            QVERIFY2(loggedIn(), i == 0 ? "logged out by the panel's refresh" : "logged out by a refresh");
            QCOMPARE(label(panel(), "schsmUserPin"), QStringLiteral("verified in this session"));
        }
        const auto ref = m_window->model()->tokenRef(row(QStringLiteral("OLD (UserPIN)")));
        QVERIFY(ref);
        QFuture<void> out = m_inventory->logout(*ref);
        QTRY_VERIFY_WITH_TIMEOUT(out.isFinished(), 20000);
        // Logged out: the device counts the tries again, all of them back.
        panel()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(tries(label(panel(), "schsmUserPin")), before, 30000);
        QCOMPARE(tries(scHsmToolFacts()[QStringLiteral("user-pin")]), before);
    }

    // At 1366x768 the details keep most of the height and the panel scrolls its facts.
    void usableAt1366x768()
    {
        const QSize before = m_window->size();
        const auto restore = qScopeGuard([&] { m_window->resize(before); });
        m_window->resize(1366, 768 - 32); // a window title bar
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        auto *split = m_window->findChild<QSplitter *>(QStringLiteral("detailSplitter"));
        QVERIFY(split);
        auto *details = m_window->findChild<DetailPane *>();
        QTRY_VERIFY(panel()->isVisible() && panel()->height() > 0);
        QVERIFY2(details->height() >= split->height() / 2,
                 qPrintable(QStringLiteral("details %1 of %2").arg(details->height()).arg(split->height())));
        QVERIFY2(panel()->height() >= 120, qPrintable(QString::number(panel()->height())));
        auto *scroll = panel()->findChild<QScrollArea *>(QStringLiteral("schsmFactsScroll"));
        QVERIFY(scroll && scroll->widget()->isVisible());
        // The buttons stay visible inside the panel.
        auto *init = panel()->findChild<QPushButton *>(QStringLiteral("schsmInitialize"));
        QVERIFY(init->isVisible());
        QVERIFY(panel()->rect().contains(QRect(init->mapTo(panel(), QPoint(0, 0)), init->size())));
        // The whole window fits the screen size.
        QVERIFY2(m_window->minimumSizeHint().height() <= 768 - 32 && m_window->minimumSizeHint().width() <= 1366,
                 qPrintable(QStringLiteral("%1x%2").arg(m_window->minimumSizeHint().width()).arg(m_window->minimumSizeHint().height())));
    }

    // sc-hsm-tool re-initializes the device; deviceChanged() brings the tree and the
    // panel up to date without a restart, and pkcs11-tool agrees.
    void deviceChangedShowsTheNewState()
    {
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        const QString serial = panel()->status()->serial;
        initializeWithScHsmTool(kSoPin, 2, QStringLiteral("NEW"));
        // A plain refresh is not enough: OpenSC in this process keeps what it bound.
        refresh();
        QVERIFY(row(QStringLiteral("OLD (UserPIN)")).isValid());
        QVERIFY(!row(QStringLiteral("NEW (UserPIN)")).isValid());

        m_window->deviceChanged(m_reader);
        QTRY_VERIFY_WITH_TIMEOUT(row(QStringLiteral("NEW (UserPIN)")).isValid(), 30000);
        QVERIFY(!row(QStringLiteral("OLD (UserPIN)")).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->busyJobs() == 0, 30000);
        selectDeviceToken(QStringLiteral("NEW (UserPIN)"));
        QCOMPARE(panel()->status()->dkek.total, 2);
        QCOMPARE(label(panel(), "schsmDkekTotal"), QStringLiteral("2"));
        QCOMPARE(label(panel(), "schsmDkekMissing"), QStringLiteral("2"));
        QCOMPARE(label(panel(), "schsmSoPin"), QStringLiteral("15 tries left")); // the right SO-PIN reset the count
        // sc-hsm-tool --label logged in with the user PIN to write the label and left it verified
        // on the card. TokenDesk does not end a verification (a SELECT would, and log out whoever
        // is logged in), so the panel says so; sc-hsm-tool selects first and counts the tries.
        Facts tool = scHsmToolFacts();
        QCOMPARE(label(panel(), "schsmUserPin"), QStringLiteral("verified in this session"));
        QCOMPARE(tool[QStringLiteral("user-pin")], QStringLiteral("3"));
        tool.erase(QStringLiteral("user-pin"));
        QCOMPARE(describe(panelFacts(panel())), describe(tool));

        const QString listed = runTool(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), SoftHsmFixture::openscModule(), QStringLiteral("-L")});
        QVERIFY2(listed.contains(QRegularExpression(QStringLiteral("token label\\s*: NEW \\(UserPIN\\)"))), qPrintable(listed));
        QVERIFY2(listed.contains(QRegularExpression(QStringLiteral("serial num\\s*: ") + serial)), qPrintable(listed));
        QCOMPARE(label(panel(), "schsmSerial"), serial);
    }

    // Tools ▸ SmartCard-HSM devices: the device by its reader, the buttons' requests,
    // a removed card as a sentence with its code.
    void devicesDialog()
    {
        QAction *open = nullptr;
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->text() == QStringLiteral("&SmartCard-HSM devices…"))
                open = a;
        QVERIFY(open);
        open->trigger();
        auto *dialog = m_window->findChild<SchsmDevicesDialog *>();
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->readers()->count(), 1, 30000);
        QCOMPARE(dialog->readers()->currentText(), m_reader);
        // The caption's mnemonic works (a buddy), so no literal "&" is drawn.
        auto *caption = dialog->findChild<QLabel *>(QStringLiteral("schsmReaderLabel"));
        QVERIFY(caption);
        QCOMPARE(caption->buddy(), dialog->readers());
        for (QLabel *l : dialog->findChildren<QLabel *>())
            QVERIFY2(!l->text().contains(QLatin1Char('&')) || l->buddy(), qPrintable(l->text()));
        SchsmDevicePanel *p = dialog->panel();
        QTRY_VERIFY_WITH_TIMEOUT(p->status().has_value() && !p->isBusy(), 30000);
        QCOMPARE(describe(panelFacts(p)), describe(scHsmToolFacts()));

        QSignalSpy init(m_window.get(), &MainWindow::initializeDeviceRequested);
        QSignalSpy import(m_window.get(), &MainWindow::importSharesRequested);
        QTest::mouseClick(p->findChild<QPushButton *>(QStringLiteral("schsmInitialize")), Qt::LeftButton);
        QCOMPARE(init.count(), 1);
        QCOMPARE(init.at(0).at(0).toString(), m_reader);
        QCOMPARE(init.at(0).at(1).value<SchsmStatus>().serial, p->status()->serial);
        // The main window opens the device's wizard for the request; Esc closes it, nothing sent.
        QTRY_VERIFY(m_window->findChild<SchsmInitializeWizard *>());
        // A second request for the same device, of either kind, brings that wizard to the front:
        // never two ceremonies on one device.
        QTest::mouseClick(p->findChild<QPushButton *>(QStringLiteral("schsmInitialize")), Qt::LeftButton);
        QTest::mouseClick(p->findChild<QPushButton *>(QStringLiteral("schsmImportShares")), Qt::LeftButton);
        QCOMPARE(init.count(), 2);
        QCOMPARE(import.count(), 1);
        QCOMPARE(m_window->findChildren<SchsmInitializeWizard *>().size(), 1);
        QVERIFY(!m_window->findChild<SchsmImportSharesWizard *>());
        QVERIFY(m_window->findChild<SchsmInitializeWizard *>()->isVisible());
        closeWithEscape(m_window->findChild<SchsmInitializeWizard *>());
        QTRY_VERIFY(!m_window->findChild<SchsmInitializeWizard *>()); // deleted on close: the next request opens one
        import.clear();
        QTest::mouseClick(p->findChild<QPushButton *>(QStringLiteral("schsmImportShares")), Qt::LeftButton);
        QCOMPARE(import.count(), 1);
        QCOMPARE(import.at(0).at(1).value<SchsmStatus>().dkek.outstanding, 2);
        QTRY_VERIFY(m_window->findChild<SchsmImportSharesWizard *>());
        closeWithEscape(m_window->findChild<SchsmImportSharesWizard *>());

        QCOMPARE(control(QStringLiteral("remove")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(!cardPresent(m_reader), 10000);
        QTest::mouseClick(p->findChild<QPushButton *>(QStringLiteral("schsmRefresh")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!p->isBusy(), 30000);
        QVERIFY(!p->status());
        QVERIFY2(p->errorText().contains(QRegularExpression(QStringLiteral("\\((SCARD_[A-Z_]+|SW [0-9A-F]{4})\\)"))),
                 qPrintable(p->errorText()));
        QVERIFY(!p->findChild<QPushButton *>(QStringLiteral("schsmInitialize"))->isEnabled());

        QCOMPARE(control(QStringLiteral("insert")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(m_reader), 10000);
        QTest::mouseClick(p->findChild<QPushButton *>(QStringLiteral("schsmRefresh")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(p->status().has_value() && !p->isBusy(), 30000);
        QVERIFY(p->errorText().isEmpty());

        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close), Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<SchsmDevicesDialog *>());
    }

    // --- `tokendesk --list` says what sc-hsm-tool says -----------------------------------
    void listMatchesScHsmTool_data()
    {
        QTest::addColumn<QString>("state");
        for (const char *s : {"fresh", "no shares, no SO reset, 5 tries", "transport PIN", "share pending",
                              "user PIN locked", "SO-PIN 14 tries"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void listMatchesScHsmTool()
    {
        QFETCH(QString, state);
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        InitializeDeviceParams p;
        p.currentSoPin = SecureBytes::fromUtf8("0011223344556677");
        p.userPin = SecureBytes::fromUtf8("6482195");
        p.dkekShares = 1;
        if (state == QLatin1String("no shares, no SO reset, 5 tries")) {
            p.dkekShares = 0;
            p.acceptNoDkek = true;
            p.soMayResetUserPin = false;
            p.retryCounter = 5;
            SchsmDevice::initialize(m_reader, p);
        } else if (state == QLatin1String("transport PIN")) {
            p.transportPin = true;
            SchsmDevice::initialize(m_reader, p);
        } else if (state == QLatin1String("share pending")) {
            initializeWithScHsmTool(kSoPin, 2, QStringLiteral("Pending"));
            importShareWithScHsmTool();
        } else if (state == QLatin1String("user PIN locked")) {
            SchsmDevice::initialize(m_reader, p);
            for (int i = 0; i < 3; ++i)
                runTool(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), SoftHsmFixture::openscModule(),
                                                        QStringLiteral("--login"), QStringLiteral("--pin"),
                                                        QStringLiteral("000000"), QStringLiteral("-O")});
        } else if (state == QLatin1String("SO-PIN 14 tries")) {
            initializeWithScHsmTool(kSoPin, 1, QStringLiteral("Tries"));
            runTool(QStringLiteral("sc-hsm-tool"), {QStringLiteral("--initialize"), QStringLiteral("--so-pin"), QStringLiteral("FFFFFFFFFFFFFFFF"),
                       QStringLiteral("--pin"), QStringLiteral("648219")});
        }
        const Facts tool = scHsmToolFacts();
        // The table reaches the states it names (so each row tests what it says).
        if (state == QLatin1String("fresh"))
            QCOMPARE(fact(tool, QStringLiteral("initialized")), QStringLiteral("no"));
        else if (state == QLatin1String("transport PIN"))
            QCOMPARE(fact(tool, QStringLiteral("user-pin")), QStringLiteral("transport"));
        else if (state == QLatin1String("share pending"))
            QCOMPARE(fact(tool, QStringLiteral("dkek missing")), QStringLiteral("1"));
        else if (state == QLatin1String("user PIN locked"))
            QCOMPARE(fact(tool, QStringLiteral("user-pin")), QStringLiteral("locked"));
        else if (state == QLatin1String("SO-PIN 14 tries"))
            QCOMPARE(fact(tool, QStringLiteral("so-pin")), QStringLiteral("14"));

        const ListRun json = ListRun::run({QStringLiteral("--module"), SoftHsmFixture::openscModule()}, true);
        const QJsonArray devices = json.json.value(QStringLiteral("smartcardHsm")).toArray();
        QVERIFY2(devices.size() == 1, json.out.constData());
        QCOMPARE(devices.at(0).toObject().value(QStringLiteral("reader")).toString(), m_reader);
        QCOMPARE(describe(jsonFacts(devices.at(0).toObject())), describe(tool));

        const ListRun text = ListRun::run({QStringLiteral("--module"), SoftHsmFixture::openscModule()}, false);
        QCOMPARE(describe(textFacts(text.text())), describe(tool));
        // Every status word in words: a sentence, then the code (never a bare "(SW 6985)").
        for (const QString &line : text.text().split(QLatin1Char('\n'))) {
            if (!line.contains(QLatin1String("(SW ")))
                continue;
            const QString value = line.section(QLatin1Char(':'), 1).trimmed();
            QVERIFY2(value.section(QStringLiteral(" (SW "), 0, 0).split(QLatin1Char(' ')).size() >= 4, qPrintable(line));
        }
    }

    // A factory-fresh device in the panel: every value is words (with the code where the
    // device answered with one), the same in the device dialog and in --list.
    void freshDeviceInWords()
    {
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        auto *dialog = new SchsmDevicesDialog(m_window->schsmJobs(), *m_window->findChild<SchsmReaderSearch *>(), m_window.get());
        const auto done = qScopeGuard([dialog] { delete dialog; });
        dialog->show();
        SchsmDevicePanel *p = dialog->panel();
        QTRY_VERIFY_WITH_TIMEOUT(p->status().has_value() && !p->isBusy(), 30000);
        QVERIFY(!p->status()->initialized());
        const QString dkek = label(p, "schsmDkekTotal");
        QVERIFY2(dkek.startsWith(QLatin1String("not available: The device")) && dkek.endsWith(QLatin1String("(SW 6985)")),
                 qPrintable(dkek));
        for (QLabel *l : p->findChildren<QLabel *>()) {
            if (!l->text().contains(QLatin1String("(SW ")))
                continue;
            const QString words = l->text().section(QStringLiteral(" (SW "), 0, 0);
            QVERIFY2(words.split(QLatin1Char(' ')).size() >= 4, qPrintable(l->text()));
        }
        QCOMPARE(label(p, "schsmSoPin"), QStringLiteral("not set (device not initialized)"));
        QVERIFY(!label(p, "schsmKeyDomains").isEmpty() || !p->findChild<QLabel *>(QStringLiteral("schsmKeyDomains"))->isVisible());
        initializeWithScHsmTool(kSoPin, 1, QStringLiteral("OLD")); // as the other tests expect it
    }

    // Found by new-user trials: a device without DKEK shares shows its own DKEK's check value
    // as of no use for a backup (not as a bare value, not hidden: sc-hsm-tool prints it), a never-initialized one has its options "not set" rather than "no", every
    // value starts on its caption's line however much room the devices dialog has, and
    // `--list` calls the token initialized only when the device is (sc-hsm-tool the oracle;
    // OpenSC's own flag says initialized either way).
    void noDkekOptionsAlignmentAndListInitialized()
    {
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        initializeWithScHsmTool(kSoPin, 0, QStringLiteral("OLD"));
        const Facts tool = scHsmToolFacts();
        QCOMPARE(fact(tool, QStringLiteral("dkek shares")), QStringLiteral("0"));
        auto *dialog = new SchsmDevicesDialog(m_window->schsmJobs(), *m_window->findChild<SchsmReaderSearch *>(), m_window.get());
        const auto done = qScopeGuard([dialog] { delete dialog; });
        dialog->resize(640, 900); // more room than the facts need
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        SchsmDevicePanel *p = dialog->panel();
        QTRY_VERIFY_WITH_TIMEOUT(p->status().has_value() && !p->isBusy(), 30000);
        // The check value sc-hsm-tool prints, said to be of no use for a backup.
        QCOMPARE(label(p, "schsmDkekKcv"), fact(tool, QStringLiteral("dkek kcv"))
                                               + QStringLiteral(" — the device's own DKEK, from no shares: keys cannot be backed up"));
        QCOMPARE(label(p, "schsmSoResets"), QStringLiteral("yes"));

        // Where the text of a label starts, as drawn.
        const auto textTop = [](QLabel *l) {
            const int need = l->hasHeightForWidth() ? l->heightForWidth(l->width()) : l->sizeHint().height();
            const Qt::Alignment v = l->alignment() & Qt::AlignVertical_Mask;
            return l->y() + (v == Qt::AlignTop ? 0 : v == Qt::AlignBottom ? l->height() - need : (l->height() - need) / 2);
        };
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        int checked = 0;
        for (QLabel *caption : p->findChildren<QLabel *>()) {
            auto *value = qobject_cast<QLabel *>(caption->buddy());
            if (!value || !value->isVisible())
                continue;
            ++checked;
            QVERIFY2(std::abs(textTop(caption) - textTop(value)) <= 1,
                     qPrintable(QStringLiteral("%1 starts at %2, its caption at %3")
                                    .arg(value->objectName()).arg(textTop(value)).arg(textTop(caption))));
        }
        QVERIFY(checked >= 10);

        // Never initialized: the options are not set, and --list agrees with the device.
        const auto listedInitialized = [this](bool json) {
            const ListRun run = ListRun::run({QStringLiteral("--module"), SoftHsmFixture::openscModule()}, json);
            if (!json) {
                const QString text = run.text();
                const qsizetype at = text.indexOf(QLatin1String("DETD"));
                const QString token = text.mid(at, text.indexOf(QLatin1String("Slot"), at) - at);
                return QString::fromLatin1(token.contains(QLatin1String("(not initialized")) ? "no" : "yes");
            }
            for (const QJsonValue &m : run.json.value(QStringLiteral("modules")).toArray())
                for (const QJsonValue &slot : m.toObject().value(QStringLiteral("slots")).toArray()) {
                    const QJsonObject t = slot.toObject().value(QStringLiteral("token")).toObject();
                    if (t.value(QStringLiteral("serial")).toString().startsWith(QLatin1String("DETD")))
                        return QString::fromLatin1(t.value(QStringLiteral("initialized")).toBool() ? "yes" : "no");
                }
            return QStringLiteral("<no token>");
        };
        QCOMPARE(listedInitialized(true), QStringLiteral("yes"));
        QCOMPARE(listedInitialized(false), QStringLiteral("yes"));
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        QCOMPARE(scHsmToolFacts()[QStringLiteral("initialized")], QStringLiteral("no"));
        const QString openSc = runTool(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), SoftHsmFixture::openscModule(), QStringLiteral("-L")});
        QVERIFY2(openSc.contains(QLatin1String("token initialized")), qPrintable(openSc)); // the flag --list must not follow
        QCOMPARE(listedInitialized(true), QStringLiteral("no"));
        QCOMPARE(listedInitialized(false), QStringLiteral("no"));
        QTest::mouseClick(p->findChild<QPushButton *>(QStringLiteral("schsmRefresh")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(p->status().has_value() && !p->isBusy(), 30000);
        QVERIFY(!p->status()->initialized());
        QCOMPARE(label(p, "schsmSoResets"), QStringLiteral("not set (device not initialized)"));
        QCOMPARE(label(p, "schsmTransport"), QStringLiteral("not set (device not initialized)"));
        initializeWithScHsmTool(kSoPin, 1, QStringLiteral("OLD")); // as the other tests expect it
        showChangedDevice(QStringLiteral("OLD (UserPIN)"));
    }

    // The token's PKCS#11 URI (a read-only field narrower than the URI) shows its start.
    void uriFieldShowsTheStart()
    {
        showChangedDevice(QStringLiteral("OLD (UserPIN)"));
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        QLineEdit *uri = nullptr;
        for (QLineEdit *e : m_window->findChild<DetailPane *>()->findChildren<QLineEdit *>())
            if (e->accessibleName() == QLatin1String("PKCS#11 URI"))
                uri = e;
        QVERIFY(uri);
        QTRY_VERIFY(uri->text().startsWith(QLatin1String("pkcs11:")));
        QVERIFY(uri->fontMetrics().horizontalAdvance(uri->text()) > uri->width()); // it does not fit
        QCOMPARE(uri->cursorPosition(), 0);
    }

    // Key domains: opensc-tool (raw APDUs through OpenSC) initializes the device with three
    // and sets up domain 2 for two shares; the panel and --list show them as the device does.
    void keyDomainsShown()
    {
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        const QString init = QStringLiteral("805000001F") + QStringLiteral("80020001") + QStringLiteral("8106313233343536")
            + QStringLiteral("8208") + kSoPin + QStringLiteral("910103") + QStringLiteral("920101") + QStringLiteral("970103");
        const auto send = [this](const QStringList &apdus) {
            QStringList args{QStringLiteral("--reader"), m_reader, QStringLiteral("--send-apdu"),
                             QStringLiteral("00A4040C0BE82B0601040181C31F0201")};
            for (const QString &a : apdus)
                args << QStringLiteral("--send-apdu") << a;
            return runTool(QStringLiteral("opensc-tool"), args);
        };
        QString out = send({init, QStringLiteral("0020008106313233343536"), QStringLiteral("805201020102")});
        QCOMPARE(out.count(QStringLiteral("SW1=0x90, SW2=0x00")), 4);
        out = send({QStringLiteral("8052000200"), QStringLiteral("8052000400")});
        QVERIFY2(out.contains(QLatin1String("SW1=0x6a, SW2=0x86")) || out.contains(QLatin1String("SW1=0x6A, SW2=0x86")),
                 qPrintable(out)); // past the third domain

        auto *dialog = new SchsmDevicesDialog(m_window->schsmJobs(), *m_window->findChild<SchsmReaderSearch *>(), m_window.get());
        const auto done = qScopeGuard([dialog] { delete dialog; });
        dialog->show();
        SchsmDevicePanel *p = dialog->panel();
        QTRY_VERIFY_WITH_TIMEOUT(p->status().has_value() && !p->isBusy(), 30000);
        auto *domains = p->findChild<QLabel *>(QStringLiteral("schsmKeyDomains"));
        QVERIFY(domains->isVisible());
        QCOMPARE(domains->text(), QStringLiteral("1: not set up\n2: 2 share(s) expected, 2 missing\n3: not set up"));

        const ListRun json = ListRun::run({QStringLiteral("--module"), SoftHsmFixture::openscModule()}, true);
        const QJsonArray listed = json.json.value(QStringLiteral("smartcardHsm")).toArray().at(0).toObject()
                                      .value(QStringLiteral("keyDomains")).toArray();
        QCOMPARE(listed.size(), 3);
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("setUp")).toBool(), true);
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("sharesExpected")).toInt(), 2);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("setUp")).toBool(), false);
        const ListRun text = ListRun::run({QStringLiteral("--module"), SoftHsmFixture::openscModule()}, false);
        QVERIFY2(text.text().contains(QRegularExpression(QStringLiteral("Key domain\\s*: 2: 2 shares expected, 2 missing"))),
                 qPrintable(text.text()));

        // A device without key domains shows no such row.
        initializeWithScHsmTool(kSoPin, 1, QStringLiteral("OLD"));
        QTest::mouseClick(p->findChild<QPushButton *>(QStringLiteral("schsmRefresh")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(p->status().has_value() && !p->isBusy(), 30000);
        QVERIFY(p->status()->keyDomains.isEmpty());
        QVERIFY(!domains->isVisible());
    }

    // One try left on the device: the login dialog knows it from the device, wants the tick,
    // and the right PIN then brings the count back (sc-hsm-tool is the oracle).
    void loginLastDeviceTryNeedsATick()
    {
        showChangedDevice(QStringLiteral("OLD (UserPIN)"));
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        for (int i = 0; i < 2; ++i)
            runTool(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), SoftHsmFixture::openscModule(),
                                                    QStringLiteral("--login"), QStringLiteral("--pin"),
                                                    QStringLiteral("000000"), QStringLiteral("-O")});
        QCOMPARE(scHsmToolFacts()[QStringLiteral("user-pin")], QStringLiteral("1"));
        QPointer<LoginDialog> dlg = openLogin();
        QVERIFY(dlg);
        QTRY_VERIFY_WITH_TIMEOUT(!dlg->isReadingDevice(), 30000);
        QVERIFY2(loginStatus(dlg)->text().contains(QRegularExpression(QStringLiteral("User PIN: 1 tr(y|ies) left"))),
                 qPrintable(loginStatus(dlg)->text()));
        // The text keeps the dialog's margins: the head wraps instead of widening the dialog to its edge.
        QVERIFY(dlg->findChild<QLabel *>(QStringLiteral("tokenHead"))->wordWrap());
        for (QLabel *l : dlg->findChildren<QLabel *>())
            if (l->isVisible())
                QVERIFY2(l->geometry().right() < dlg->width() - dlg->layout()->contentsMargins().right() / 2,
                         qPrintable(l->text()));
        auto *ack = dlg->findChild<QCheckBox *>(QStringLiteral("finalTryAck"));
        QVERIFY(ack && ack->isVisible());
        auto *pin = dlg->findChild<QLineEdit *>(QStringLiteral("pin"));
        QTest::keyClicks(pin, QStringLiteral("648219"));
        auto *ok = dlg->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(scHsmToolFacts()[QStringLiteral("user-pin")], QStringLiteral("1")); // still: nothing sent
        ack->click();
        QVERIFY(ok->isEnabled());
        QTest::keyClick(pin, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dlg || !dlg->isVisible(), 30000);
        QCOMPARE(scHsmToolFacts()[QStringLiteral("user-pin")], QStringLiteral("3"));
        const auto ref = m_window->model()->tokenRef(row(QStringLiteral("OLD (UserPIN)")));
        QVERIFY(ref);
        QFuture<void> out = m_inventory->logout(*ref);
        QTRY_VERIFY_WITH_TIMEOUT(out.isFinished(), 20000);
    }

    // Wrapped values that get longer while shown (a device initialized without DKEK shares,
    // then found fresh from the factory: "not available: … (SW 6985)"): every value is shown
    // whole, at 1366x768 and with a narrow panel (QFormLayout kept the old row heights and
    // cut the new lines off). Then the same device never initialized: the token details say
    // "no" as the device does, although OpenSC's flag says initialized.
    void wrappedValuesWholeAndNeverInitialized()
    {
        const QSize before = m_window->size();
        auto *split = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        QVERIFY(split);
        const QList<int> sizes = split->sizes();
        const auto restore = qScopeGuard([&] {
            split->setSizes(sizes);
            m_window->resize(before);
        });
        m_window->resize(1366, 768 - 32);
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        initializeWithScHsmTool(kSoPin, 0, QStringLiteral("OLD"));
        showChangedDevice(QStringLiteral("OLD (UserPIN)"));
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        QCOMPARE(panel()->status()->dkek.total, 0);
        QTRY_VERIFY2_WITH_TIMEOUT(clippedValues(panel(), false).isEmpty(), qPrintable(clippedValues(panel(), false)), 5000);
        // As narrow as the window lets the right-hand side be.
        const int narrow = split->widget(1)->minimumSizeHint().width();
        split->setSizes({m_window->width() - narrow, narrow});
        QTRY_VERIFY2(panel()->width() <= narrow && panel()->width() < 500,
                     qPrintable(QStringLiteral("%1 (narrowest %2)").arg(panel()->width()).arg(narrow)));
        QTRY_VERIFY2_WITH_TIMEOUT(clippedValues(panel()).isEmpty(), qPrintable(clippedValues(panel())), 5000);
        const int linesBefore = panel()->findChild<QLabel *>(QStringLiteral("schsmDkekTotal"))->height();

        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        QTest::mouseClick(panel()->findChild<QPushButton *>(QStringLiteral("schsmRefresh")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel()->status().has_value() && !panel()->isBusy(), 30000);
        QVERIFY(!panel()->status()->initialized());
        auto *dkek = panel()->findChild<QLabel *>(QStringLiteral("schsmDkekTotal"));
        QVERIFY(dkek->heightForWidth(dkek->width()) > linesBefore); // the value really got longer
        QTRY_VERIFY2_WITH_TIMEOUT(clippedValues(panel()).isEmpty(), qPrintable(clippedValues(panel())), 5000);
        split->setSizes(sizes);
        QTRY_VERIFY2_WITH_TIMEOUT(clippedValues(panel(), false).isEmpty(), qPrintable(clippedValues(panel(), false)), 5000);

        // The token of the never-initialized device, as OpenSC now shows it.
        const QString listed = runTool(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), SoftHsmFixture::openscModule(), QStringLiteral("-L")});
        QVERIFY2(listed.contains(QLatin1String("token initialized")), qPrintable(listed)); // what OpenSC's flag says
        QCOMPARE(scHsmToolFacts()[QStringLiteral("initialized")], QStringLiteral("no")); // what the device says
        const QString token = QRegularExpression(QStringLiteral("token label\\s*: (.*)")).match(listed).captured(1).trimmed();
        showChangedDevice(token);
        selectDeviceToken(token);
        QCOMPARE(label(panel(), "schsmInitialized"), QStringLiteral("no — the device was never initialized"));
        QTRY_VERIFY2(details().contains(QRegularExpression(QStringLiteral("Initialized\\s+no — the device was never initialized"))),
                     qPrintable(details()));
        QVERIFY2(details().contains(QLatin1String("The PKCS#11 module reports this token as initialized")), qPrintable(details()));
        QVERIFY2(details().contains(QRegularExpression(QStringLiteral("User PIN set\\s+no"))), qPrintable(details()));
        QVERIFY(!details().contains(QRegularExpression(QStringLiteral("Initialized\\s+yes"))));
        // The actions follow the device too: nothing but initializing works on a blank device.
        for (const char *text : {"&Log in…", "&Generate key pair…", "Change &PIN…"}) {
            QAction *a = menuAction(QString::fromUtf8(text));
            QVERIFY2(a, text);
            QVERIFY2(!a->isEnabled(), text);
        }
        QVERIFY(menuAction(QStringLiteral("&Initialize token…"))->isEnabled());

        initializeWithScHsmTool(kSoPin, 1, QStringLiteral("OLD")); // as the other tests expect it
        showChangedDevice(QStringLiteral("OLD (UserPIN)"));
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        QTRY_VERIFY2(details().contains(QRegularExpression(QStringLiteral("Initialized\\s+yes"))), qPrintable(details()));
        QVERIFY(!details().contains(QLatin1String("The PKCS#11 module reports")));
        QTRY_VERIFY(menuAction(QStringLiteral("&Log in…"))->isEnabled());
        QVERIFY(menuAction(QStringLiteral("&Generate key pair…"))->isEnabled());
    }

    // Found by a new-user trial: on a device never initialized the details' Log in… button
    // was enabled (the menu's was not; a PIN then failed with CKR_GENERAL_ERROR), the details
    // said private objects were hidden until login, and the tree row said "not logged in"
    // where a blank SoftHSM token says "not initialized". All follow the device now; after
    // sc-hsm-tool initializes it and the window hears of it, login is offered again.
    // sc-hsm-tool says what the device is; OpenSC's flag says initialized throughout.
    void neverInitializedDeviceOffersNoLogin()
    {
        auto *pane = m_window->findChild<DetailPane *>();
        QPushButton *loginButton = pane->findChild<QPushButton *>(QStringLiteral("detailLogin"));
        QVERIFY(loginButton);
        QAction *loginAction = menuAction(QStringLiteral("&Log in…"));
        QVERIFY(loginAction);
        const auto rowInfo = [this](const QString &tokenLabel) {
            return row(tokenLabel).siblingAtColumn(TokenTreeModel::InfoColumn).data().toString();
        };

        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        QCOMPARE(scHsmToolFacts()[QStringLiteral("initialized")], QStringLiteral("no"));
        const QString listed = runTool(QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), SoftHsmFixture::openscModule(), QStringLiteral("-L")});
        QVERIFY2(listed.contains(QLatin1String("token initialized")), qPrintable(listed)); // what OpenSC's flag says
        const QString blank = QRegularExpression(QStringLiteral("token label\\s*: (.*)")).match(listed).captured(1).trimmed();
        QVERIFY(!blank.isEmpty());
        showChangedDevice(blank);
        selectDeviceToken(blank);
        QVERIFY(!panel()->status()->initialized());
        QVERIFY(loginButton->isVisible());
        QTRY_VERIFY(!loginButton->isEnabled());
        QVERIFY(!loginAction->isEnabled());
        QTRY_VERIFY2(rowInfo(blank).contains(QStringLiteral(" · not initialized")), qPrintable(rowInfo(blank)));
        QVERIFY2(!rowInfo(blank).contains(QLatin1String("logged in")), qPrintable(rowInfo(blank)));
        QVERIFY2(details().contains(QLatin1String("This device was never initialized. Initialize it first")), qPrintable(details()));
        QVERIFY2(!details().contains(QLatin1String("hidden until you log in")), qPrintable(details()));
        // The row keeps saying so with another token selected (the panel then shows nothing).
        click(row(QStringLiteral("Soft")));
        QTRY_VERIFY(!panel()->isVisible());
        QVERIFY2(rowInfo(blank).contains(QStringLiteral(" · not initialized")), qPrintable(rowInfo(blank)));
        QVERIFY(loginButton->isEnabled() == loginAction->isEnabled());
        click(row(blank));
        QTRY_VERIFY_WITH_TIMEOUT(panel()->status().has_value() && !panel()->isBusy(), 30000);
        QTRY_VERIFY(!loginButton->isEnabled());

        // Initialized by another client, with the token still selected: the window hears of it.
        initializeWithScHsmTool(kSoPin, 1, QStringLiteral("OLD"));
        QCOMPARE(scHsmToolFacts()[QStringLiteral("initialized")], QStringLiteral("yes"));
        showChangedDevice(QStringLiteral("OLD (UserPIN)"));
        QTRY_VERIFY2_WITH_TIMEOUT(rowInfo(QStringLiteral("OLD (UserPIN)")).contains(QLatin1String("not logged in")),
                                  qPrintable(rowInfo(QStringLiteral("OLD (UserPIN)"))), 30000);
        QVERIFY2(!rowInfo(QStringLiteral("OLD (UserPIN)")).contains(QLatin1String("not initialized")),
                 qPrintable(rowInfo(QStringLiteral("OLD (UserPIN)"))));
        selectDeviceToken(QStringLiteral("OLD (UserPIN)"));
        QVERIFY(panel()->status()->initialized());
        QVERIFY(loginButton->isVisible());
        QTRY_VERIFY(loginButton->isEnabled());
        QVERIFY(loginAction->isEnabled());
        QVERIFY2(rowInfo(QStringLiteral("OLD (UserPIN)")).contains(QLatin1String("not logged in")),
                 qPrintable(rowInfo(QStringLiteral("OLD (UserPIN)"))));
        QVERIFY2(!rowInfo(QStringLiteral("OLD (UserPIN)")).contains(QLatin1String("not initialized")),
                 qPrintable(rowInfo(QStringLiteral("OLD (UserPIN)"))));
        QVERIFY2(!details().contains(QLatin1String("never initialized")), qPrintable(details()));
    }
};

QTEST_MAIN(TestSchsmPanel)
#include "tst_schsmpanel.moc"
