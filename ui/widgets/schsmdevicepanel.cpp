// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/schsmdevicepanel.h"

#include "dkek/keycheckvalue.h"
#include "p11/errortext.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmjobs.h"
#include "schsm/schsmreadersearch.h"
#include "schsm/schsmtokenlink.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace {
const QString kWarnStyle = QStringLiteral("color:#b02020; font-weight:bold");

void setValue(QLabel *label, const QString &text, bool warn = false)
{
    // The style first: bold text wraps differently, and the text's size is taken for the style.
    label->setStyleSheet(warn ? kWarnStyle : QString());
    label->setText(text);
}

// The scrolled facts. QScrollArea fits its widget to the height the widget needs for its
// width (word-wrapped values) only when the area or the widget is resized, not when a value
// gets longer or the facts are shown again with new values: the wrapped lines were cut off.
// Any change of the facts' layout, and showing them, asks the area to fit them again.
class FactsWidget : public QWidget {
public:
    using QWidget::QWidget;

protected:
    bool event(QEvent *e) override
    {
        // Shown again with new values, styled while hidden: what the layout knew of their
        // heights (its height-for-width cache) is stale.
        if (e->type() == QEvent::Show && layout())
            layout()->invalidate();
        const bool handled = QWidget::event(e);
        if (e->type() == QEvent::LayoutRequest || e->type() == QEvent::Show) {
            // The area is the viewport's parent (QScrollArea::setWidget).
            if (auto *area = qobject_cast<QScrollArea *>(parentWidget() ? parentWidget()->parentWidget() : nullptr))
                QCoreApplication::postEvent(area, new QEvent(QEvent::LayoutRequest));
        }
        return handled;
    }
};

// Locked, or one wrong entry away from it.
bool pinNeedsCare(const PinState &pin)
{
    return pin.kind == PinState::Kind::Locked || (pin.kind == PinState::Kind::TriesLeft && pin.triesLeft <= 1);
}
} // namespace

SchsmDevicePanel::SchsmDevicePanel(SchsmJobs &jobs, SchsmReaderSearch &search, QWidget *parent)
    : QGroupBox(tr("SmartCard-HSM device"), parent), m_jobs(jobs), m_search(search), m_busy(new QProgressBar(this)),
      m_message(new QLabel(this)), m_facts(new FactsWidget(this)), m_refresh(new QPushButton(tr("&Refresh"), this)),
      m_initialize(new QPushButton(tr("Initialize &device…"), this)),
      m_import(new QPushButton(tr("Import DKEK &shares…"), this))
{
    setObjectName(QStringLiteral("schsmDevicePanel"));
    auto *layout = new QVBoxLayout(this);
    auto *busyRow = new QHBoxLayout;
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_message->setObjectName(QStringLiteral("schsmMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    busyRow->addWidget(m_busy);
    busyRow->addWidget(m_message, 1);
    layout->addLayout(busyRow);

    // A grid, not a QFormLayout: QFormLayout keeps the row heights of the old text when a
    // word-wrapped value gets longer while shown, and the second line was cut off.
    auto *grid = new QGridLayout(m_facts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    m_serial = addRow("schsmSerial", tr("Device serial"));
    m_readerName = addRow("schsmReader", tr("Reader"));
    m_firmware = addRow("schsmFirmware", tr("Firmware"));
    m_initialized = addRow("schsmInitialized", tr("Initialized"));
    m_soResets = addRow("schsmSoResets", tr("SO-PIN may reset user PIN"));
    m_transport = addRow("schsmTransport", tr("Transport PIN"));
    m_userPin = addRow("schsmUserPin", tr("User PIN"));
    m_soPin = addRow("schsmSoPin", tr("SO-PIN"));
    m_dkekTotal = addRow("schsmDkekTotal", tr("DKEK shares expected"));
    m_dkekMissing = addRow("schsmDkekMissing", tr("DKEK shares missing"));
    m_dkekKcv = addRow("schsmDkekKcv", tr("DKEK key check value"));
    m_keyDomains = addRow("schsmKeyDomains", tr("Key domains"));
    setRowVisible(m_keyDomains, false);
    // Room to spare (the devices dialog) goes below the facts, not between the rows, where it
    // parted each value from its caption.
    grid->setRowStretch(grid->rowCount(), 1);
    m_facts->hide();
    // The facts scroll: under the token details on a 1366x768 screen the panel gets
    // what the splitter gives it and must not push the details off the screen.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("schsmFactsScroll"));
    scroll->setWidget(m_facts);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumHeight(fontMetrics().height() * 4);
    layout->addWidget(scroll, 1);

    auto *buttons = new QHBoxLayout;
    m_refresh->setObjectName(QStringLiteral("schsmRefresh"));
    m_initialize->setObjectName(QStringLiteral("schsmInitialize"));
    m_import->setObjectName(QStringLiteral("schsmImportShares"));
    m_refresh->setToolTip(tr("Read the device's state again (no PIN is sent)"));
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_initialize);
    buttons->addWidget(m_import);
    layout->addLayout(buttons);

    connect(m_refresh, &QPushButton::clicked, this, &SchsmDevicePanel::refresh);
    connect(m_initialize, &QPushButton::clicked, this, [this] {
        if (m_status)
            Q_EMIT initializeDeviceRequested(m_reader, *m_status);
    });
    connect(m_import, &QPushButton::clicked, this, [this] {
        if (m_status)
            Q_EMIT importSharesRequested(m_reader, *m_status);
    });
    m_initialize->setEnabled(false);
    m_import->setEnabled(false);
    hide();
}

QLabel *SchsmDevicePanel::addRow(const char *objectName, const QString &caption)
{
    auto *value = new QLabel(m_facts);
    value->setObjectName(QString::fromLatin1(objectName));
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setAlignment(Qt::AlignLeft | Qt::AlignTop); // on the caption's line, whatever the row's height
    auto *label = new QLabel(caption, m_facts);
    label->setStyleSheet(QStringLiteral("color:#555"));
    label->setBuddy(value);
    auto *grid = static_cast<QGridLayout *>(m_facts->layout());
    const int row = grid->rowCount();
    grid->addWidget(label, row, 0, Qt::AlignLeft | Qt::AlignTop);
    grid->addWidget(value, row, 1);
    return value;
}

void SchsmDevicePanel::setRowVisible(QLabel *value, bool visible)
{
    value->setVisible(visible);
    auto *grid = static_cast<QGridLayout *>(m_facts->layout());
    int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
    grid->getItemPosition(grid->indexOf(value), &row, &column, &rowSpan, &columnSpan);
    if (QLayoutItem *caption = grid->itemAtPosition(row, 0); caption && caption->widget())
        caption->widget()->setVisible(visible);
}

QSize SchsmDevicePanel::sizeHint() const
{
    QSize s = QGroupBox::sizeHint();
    s.setHeight(std::min(s.height(), fontMetrics().height() * 15));
    return s;
}

QString SchsmDevicePanel::initializedText(const SchsmStatus &s)
{
    return s.initialized() ? tr("yes") : tr("no — the device was never initialized");
}

QString SchsmDevicePanel::errorText() const
{
    return m_message->styleSheet().isEmpty() ? QString() : m_message->text();
}

std::optional<DevicePinFacts> SchsmDevicePanel::pinFacts() const
{
    if (!m_status || m_tokenSerial.isEmpty())
        return std::nullopt;
    DevicePinFacts f;
    f.tokenSerial = m_tokenSerial;
    f.source = m_status->serial.isEmpty() ? tr("the SmartCard-HSM device")
                                          : tr("the SmartCard-HSM device %1").arg(m_status->serial);
    f.userPin = m_status->userPin.text();
    f.userPinWarn = pinNeedsCare(m_status->userPin);
    f.soPin = m_status->soPin.text();
    f.soPinWarn = pinNeedsCare(m_status->soPin);
    f.initialized = m_status->initialized();
    f.initializedText = initializedText(*m_status);
    return f;
}

void SchsmDevicePanel::showToken(const QString &slotDescription, const QString &tokenSerial)
{
    if (!slotDescription.isEmpty() && slotDescription == m_slotDescription && tokenSerial == m_tokenSerial)
        return;
    clear();
    m_slotDescription = slotDescription;
    m_tokenSerial = tokenSerial;
    resolveToken();
}

void SchsmDevicePanel::setReader(const QString &reader)
{
    clear();
    m_reader = reader;
    setTitle(tr("SmartCard-HSM device"));
    show();
    refresh();
}

void SchsmDevicePanel::clear()
{
    ++m_generation;
    m_slotDescription.clear();
    m_tokenSerial.clear();
    m_reader.clear();
    m_status.reset();
    setMessage({});
    setReading(false);
    m_facts->hide();
    m_initialize->setEnabled(false);
    m_import->setEnabled(false);
    hide();
    Q_EMIT subjectChanged();
}

void SchsmDevicePanel::forgetReaders()
{
    m_readers.reset();
}

// Which reader, if any, holds the selected token: the list of SmartCard-HSM
// readers is searched once (again after forgetReaders), on its own worker.
void SchsmDevicePanel::resolveToken()
{
    if (m_slotDescription.isEmpty() || !m_reader.isEmpty())
        return;
    if (!m_readers) {
        if (m_searching)
            return; // the search in flight resolves it
        m_searching = true;
        const auto found = [this](const QStringList &readers) {
            m_searching = false;
            m_readers = readers;
            resolveToken();
        };
        m_search.findReaders()
            .then(this, found)
            .onCanceled(this, [this] {
            m_searching = false;
            Q_EMIT subjectChanged();
        })
            .onFailed(this, [found](const std::exception &) { found({}); }); // no PC/SC service: no device
        return;
    }
    const QString reader = SchsmTokenLink::readerOf(m_slotDescription, *m_readers);
    if (reader.isEmpty()) {
        Q_EMIT subjectChanged(); // not a SmartCard-HSM's token: settled
        return;
    }
    m_reader = reader;
    show();
    refresh();
}

void SchsmDevicePanel::refresh()
{
    if (m_reader.isEmpty())
        return;
    const int generation = ++m_generation;
    setReading(true);
    m_jobs.readStatus(m_reader)
        .then(this,
              [this, generation](const SchsmStatus &s) {
                  if (generation != m_generation)
                      return;
                  setReading(false);
                  // Another card now in the token's reader is not this token's device.
                  if (!m_slotDescription.isEmpty() && !SchsmTokenLink::isDevice(m_slotDescription, m_tokenSerial, s)) {
                      m_status.reset();
                      hide();
                      Q_EMIT subjectChanged();
                      return;
                  }
                  showStatus(s);
              })
        .onCanceled(this,
                    [this, generation] {
                        if (generation == m_generation)
                            setReading(false);
                    })
        .onFailed(this, [this, generation](const std::exception &) {
            if (generation != m_generation)
                return;
            setReading(false);
            // The SmartCard-HSM sentence carries its code (SW 6A82, SCARD_W_REMOVED_CARD).
            showFailure(userError(std::current_exception()).text());
        });
}

void SchsmDevicePanel::setMessage(const QString &text, bool warn)
{
    setValue(m_message, text, warn);
    m_message->setVisible(!text.isEmpty());
}

void SchsmDevicePanel::setReading(bool reading)
{
    m_reading = reading;
    m_busy->setVisible(reading);
    m_refresh->setEnabled(!reading);
    if (reading) {
        setMessage(tr("Reading the device in %1…").arg(m_reader));
        m_initialize->setEnabled(false);
        m_import->setEnabled(false);
    } else if (!m_message->styleSheet().isEmpty()) {
        return; // keep a failure on show
    } else {
        setMessage({});
    }
}

void SchsmDevicePanel::showStatus(const SchsmStatus &s)
{
    m_status = s;
    setMessage({});
    setTitle(s.serial.isEmpty() ? tr("SmartCard-HSM device") : tr("SmartCard-HSM device %1").arg(s.serial));
    const QString yes = tr("yes");
    const QString no = tr("no");
    setValue(m_serial, s.serial.isEmpty() ? tr("unknown") : s.serial);
    setValue(m_readerName, s.reader);
    setValue(m_firmware, s.firmwareText());
    setValue(m_initialized, initializedText(s), !s.initialized());
    // The options are set by INITIALIZE DEVICE: a device never initialized has none, not "no".
    const QString notSet = tr("not set (device not initialized)");
    setValue(m_soResets, !s.initialized() ? notSet : (s.options & SchsmOption::ResetRetryCounter) ? yes : no);
    if (!s.initialized())
        setValue(m_transport, notSet);
    else if (!(s.options & SchsmOption::TransportPin))
        setValue(m_transport, no);
    else if (s.userPin.kind == PinState::Kind::TransportPin)
        setValue(m_transport, tr("active — change the user PIN before first use"), true);
    else
        setValue(m_transport, tr("used, the user PIN has been changed"));
    setValue(m_userPin, s.userPin.text(), pinNeedsCare(s.userPin));
    setValue(m_soPin, s.soPin.text(), pinNeedsCare(s.soPin));
    if (!s.dkek.known) {
        const QString unknown = tr("unknown");
        setValue(m_dkekTotal, s.dkek.unavailableText());
        setValue(m_dkekMissing, unknown);
        setValue(m_dkekKcv, unknown);
    } else {
        setValue(m_dkekTotal,
                 s.dkek.total == 0 ? tr("0 — keys on this device can never be backed up or cloned")
                                   : QString::number(s.dkek.total),
                 s.dkek.total == 0 && s.initialized());
        setValue(m_dkekMissing, QString::number(s.dkek.outstanding), s.dkek.outstanding > 0);
        // No shares configured: the device made a DKEK of its own that nobody can import
        // elsewhere. Its check value is shown (sc-hsm-tool and --list print it too) with what it
        // means, so it does not suggest a backup that could be restored.
        if (s.dkek.total == 0)
            setValue(m_dkekKcv, tr("%1 — the device's own DKEK, from no shares: keys cannot be backed up")
                                    .arg(formatKeyCheckValue(s.dkek.kcv)));
        else
            setValue(m_dkekKcv, s.dkek.outstanding == 0 ? formatKeyCheckValue(s.dkek.kcv)
                                                        : tr("known once every share is imported"));
    }
    setValue(m_keyDomains, s.keyDomainsText());
    setRowVisible(m_keyDomains, !s.keyDomains.isEmpty());
    m_facts->show();
    m_initialize->setEnabled(true);
    m_import->setEnabled(s.dkek.known && s.dkek.outstanding > 0);
    Q_EMIT subjectChanged();
    Q_EMIT statusShown(s);
}

void SchsmDevicePanel::showFailure(const QString &message)
{
    m_status.reset();
    m_facts->hide();
    setMessage(tr("The device's state could not be read: %1").arg(message), true);
    m_initialize->setEnabled(false);
    m_import->setEnabled(false);
    Q_EMIT subjectChanged();
    Q_EMIT readFailed(m_reader, message);
}
