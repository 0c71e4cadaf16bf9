// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/inittoken/choosetokenpage.h"

#include "inventory/inventory.h"
#include "lifecycle/displayfield.h"
#include "lifecycle/objectcount.h"
#include "p11/errortext.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace {
enum Column { SlotColumn, LabelColumn, ManufacturerColumn, ModelColumn, SerialColumn, StateColumn, ColumnCount };
constexpr int kCandidateRole = Qt::UserRole + 1;
} // namespace

ChooseTokenPage::ChooseTokenPage(InitTokenWizard *wizard, const QList<ModuleSpec> &modules,
                                 std::optional<TokenRef> preselected)
    : m_wizard(wizard), m_modules(modules), m_preselected(std::move(preselected)), m_list(new QTreeWidget(this)),
      m_info(new QLabel(this)), m_refresh(new QPushButton(tr("&Refresh"), this))
{
    setTitle(tr("Choose the Token"));
    setSubTitle(tr("Initializing erases everything on the token and gives it a new label and user PIN."));
    m_list->setObjectName(QStringLiteral("tokenList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Slot"), tr("Label"), tr("Manufacturer"), tr("Model"), tr("Serial"), tr("State")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setAccessibleName(tr("Tokens"));
    m_info->setObjectName(QStringLiteral("tokenInfo"));
    m_info->setWordWrap(true);
    m_info->setTextFormat(Qt::RichText);
    m_refresh->setObjectName(QStringLiteral("refreshTokens"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_refresh);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_list, 1);
    v->addLayout(buttons);
    v->addWidget(m_info);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ChooseTokenPage::selectionChanged);
    connect(m_refresh, &QPushButton::clicked, this, &ChooseTokenPage::scan);
}

void ChooseTokenPage::initializePage()
{
    if (!m_scanned)
        scan();
}

void ChooseTokenPage::scan()
{
    m_scanned = true;
    if (const auto &chosen = m_wizard->state().chosen)
        m_preselected = chosen->ref; // keep the choice across a refresh
    m_list->clear();
    m_candidates.clear();
    m_wizard->state().chosen.reset();
    m_refresh->setEnabled(false);
    m_info->setText(tr("Reading the tokens…"));
    m_pendingScans = int(m_modules.size());
    if (m_pendingScans == 0) {
        m_info->setText(tr("No PKCS#11 module is configured. Add one with File → Add module…"));
        m_refresh->setEnabled(true);
        Q_EMIT m_wizard->tokensListed();
    }
    for (const ModuleSpec &spec : m_modules) {
        auto done = [this] {
            if (--m_pendingScans > 0)
                return;
            m_refresh->setEnabled(true);
            m_list->expandAll();
            for (int c = 0; c < ColumnCount - 1; ++c)
                m_list->resizeColumnToContents(c);
            if (m_list->selectedItems().isEmpty())
                updateInfo();
            Q_EMIT m_wizard->tokensListed();
        };
        m_wizard->inventory()
            .scan(spec)
            .then(this,
                  [this, done](const ModuleSnapshot &snap) {
                      addModule(snap);
                      done();
                  })
            .onFailed(this, [done] { done(); });
    }
    Q_EMIT completeChanged();
}

void ChooseTokenPage::addModule(const ModuleSnapshot &snap)
{
    auto *moduleItem = new QTreeWidgetItem(m_list);
    moduleItem->setText(SlotColumn, snap.name.isEmpty() ? snap.path : snap.name);
    moduleItem->setToolTip(SlotColumn, snap.path);
    moduleItem->setFirstColumnSpanned(true);
    moduleItem->setFlags(Qt::ItemIsEnabled);
    QFont bold = moduleItem->font(SlotColumn);
    bold.setBold(true);
    moduleItem->setFont(SlotColumn, bold);
    if (!snap.error.isEmpty()) {
        auto *err = new QTreeWidgetItem(moduleItem);
        err->setText(SlotColumn, snap.error);
        err->setFirstColumnSpanned(true);
        err->setFlags(Qt::NoItemFlags);
        return;
    }
    QTreeWidgetItem *toSelect = nullptr;
    for (const SlotSnapshot &slot : snap.slots) {
        auto *item = new QTreeWidgetItem(moduleItem);
        item->setText(SlotColumn, slot.description);
        item->setToolTip(SlotColumn, tr("Slot ID %1").arg(slot.id));
        if (!slot.token) {
            item->setText(StateColumn, slot.tokenError.isEmpty() ? tr("no token") : slot.tokenError);
            item->setFlags(Qt::NoItemFlags);
            continue;
        }
        const TokenSnapshot &t = *slot.token;
        const bool initialized = t.info.flags & CKF_TOKEN_INITIALIZED;
        item->setText(LabelColumn, initialized ? DisplayField::text(t.label) : tr("(none)"));
        item->setText(ManufacturerColumn, DisplayField::text(t.id.manufacturer));
        item->setText(ModelColumn, DisplayField::text(t.id.model));
        item->setText(SerialColumn, DisplayField::text(t.id.serial));
        QString state = initialized ? tr("initialized") : tr("not initialized");
        if (t.info.flags & CKF_WRITE_PROTECTED)
            state = tr("write-protected");
        if (t.isDemo)
            state = tr("%1, demo token").arg(state);
        item->setText(StateColumn, state);
        InitTokenCandidate c{TokenRef{snap.path, slot.id, t.id}, snap.name, slot.description, t};
        item->setData(SlotColumn, kCandidateRole, int(m_candidates.size()));
        m_candidates.push_back(std::move(c));
        if (m_preselected && m_preselected->modulePath == snap.path && m_preselected->id == t.id
            && (!toSelect || m_preselected->slot == slot.id))
            toSelect = item;
    }
    if (toSelect) {
        m_list->setCurrentItem(toSelect);
        m_list->scrollToItem(toSelect);
    }
}

bool ChooseTokenPage::selectToken(const QString &labelOrSerial)
{
    for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
        const QVariant v = (*it)->data(SlotColumn, kCandidateRole);
        if (!v.isValid())
            continue;
        const InitTokenCandidate &c = m_candidates.at(std::size_t(v.toInt()));
        const bool initialized = c.token.info.flags & CKF_TOKEN_INITIALIZED;
        if ((initialized && c.token.label == labelOrSerial) || (!c.token.id.serial.isEmpty() && c.token.id.serial == labelOrSerial)
            || (!initialized && labelOrSerial.isEmpty())) {
            m_list->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

void ChooseTokenPage::selectionChanged()
{
    InitTokenState &s = m_wizard->state();
    const QList<QTreeWidgetItem *> sel = m_list->selectedItems();
    const QVariant v = sel.isEmpty() ? QVariant() : sel.first()->data(SlotColumn, kCandidateRole);
    // Another token: PINs typed for the previous one must not carry over.
    m_wizard->wipePins();
    s.params.confirmation.clear();
    if (!v.isValid()) {
        s.chosen.reset();
        s.params.token = CK_TOKEN_INFO{};
    } else {
        s.chosen = m_candidates.at(std::size_t(v.toInt()));
        s.params.token = s.chosen->token.info;
        s.params.soFinalTryAcknowledged = false;
        s.params.label.clear(); // the label page proposes the chosen token's label
    }
    countObjects();
    Q_EMIT completeChanged();
}

void ChooseTokenPage::countObjects()
{
    InitTokenState &s = m_wizard->state();
    const int generation = ++m_countGeneration;
    s.count = ObjectCount{};
    s.countError.clear();
    if (!s.chosen) {
        s.countState = InitTokenState::Count::NotRead;
        updateInfo();
        return;
    }
    if (!(s.chosen->token.info.flags & CKF_TOKEN_INITIALIZED)) {
        s.countState = InitTokenState::Count::NotInitialized;
        updateInfo();
        Q_EMIT m_wizard->objectsCounted();
        return;
    }
    s.countState = InitTokenState::Count::Reading;
    updateInfo();
    m_wizard->inventory()
        .readObjects(s.chosen->ref)
        .then(this,
              [this, generation](const TokenContents &c) {
                  if (generation != m_countGeneration)
                      return;
                  InitTokenState &st = m_wizard->state();
                  st.count = ObjectCount::of(c);
                  st.countState = InitTokenState::Count::Read;
                  updateInfo();
                  Q_EMIT m_wizard->objectsCounted();
              })
        .onFailed(this, [this, generation] {
            if (generation != m_countGeneration)
                return;
            InitTokenState &st = m_wizard->state();
            st.countState = InitTokenState::Count::Failed;
            st.countError = userError(std::current_exception()).text();
            updateInfo();
            Q_EMIT m_wizard->objectsCounted();
        });
}

void ChooseTokenPage::updateInfo()
{
    const InitTokenState &s = m_wizard->state();
    if (!s.chosen) {
        m_info->setText(m_candidates.empty() && m_pendingScans == 0 ? tr("No token found. Insert one and click Refresh.")
                                                                    : tr("Choose the token to initialize."));
        return;
    }
    QString text;
    switch (s.countState) {
    case InitTokenState::Count::NotInitialized:
        text = tr("This token is not initialized: there is nothing on it to erase.");
        break;
    case InitTokenState::Count::Reading: text = tr("Counting the objects on it…"); break;
    case InitTokenState::Count::Read:
        text = tr("On it now: <b>%1</b>.").arg(s.count.describe().toHtmlEscaped());
        if (s.count.privateObjectsHidden)
            text += QLatin1Char(' ')
                + tr("You are not logged in, so private objects (usually the private keys) are not listed and not "
                     "counted: there may be more.");
        break;
    case InitTokenState::Count::Failed:
        text = tr("Its objects could not be counted: %1").arg(s.countError.toHtmlEscaped());
        break;
    case InitTokenState::Count::NotRead: break;
    }
    m_info->setText(text);
}

bool ChooseTokenPage::isComplete() const
{
    return m_wizard->state().chosen.has_value();
}
