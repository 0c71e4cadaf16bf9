// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/detailpane.h"

#include "dialogs/copybutton.h"
#include "inventory/certificatesummary.h"
#include "inventory/objectfacts.h"
#include "inventory/p11text.h"
#include "lifecycle/pinstatus.h"
#include "models/treenode.h"
#include "p11/ckrname.h"
#include "widgets/datavalue.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace {
QString esc(const QString &s) { return s.toHtmlEscaped(); }

class Table {
public:
    void row(const QString &k, const QString &v, bool warn = false)
    {
        m_html += QStringLiteral("<tr><td style='padding-right:12px; color:#555'>%1</td><td%3>%2</td></tr>")
                      .arg(esc(k), v, warn ? QStringLiteral(" style='color:#b02020; font-weight:bold'") : QString());
    }
    void text(const QString &k, const QString &v, bool warn = false) { row(k, esc(v), warn); }
    void section(const QString &title)
    {
        m_html += QStringLiteral("<tr><td colspan=2><h4 style='margin-top:10px'>%1</h4></td></tr>").arg(esc(title));
    }
    QString html() const { return QStringLiteral("<table cellspacing=2>") + m_html + QStringLiteral("</table>"); }

private:
    QString m_html;
};

QString yesNo(bool b) { return b ? DetailPane::tr("yes") : DetailPane::tr("no"); }

// The state in words (core/lifecycle/pinstatus), with what it means below; red when
// a wrong PIN now locks it or it is locked.
void pinRow(Table &t, const QString &name, const PinStatus &pin, PinRole role)
{
    QString v = esc(pin.stateText());
    if (const QString advice = pin.advice(role); !advice.isEmpty())
        v += QStringLiteral("<br><span style='font-weight:normal; color:#555'>%1</span>").arg(esc(advice));
    t.row(name, v, pin.locked() || pin.finalTry());
}

void tokenRows(Table &t, const TreeNode *n, const DevicePinFacts *device)
{
    const TokenSnapshot &tok = *n->token();
    const CK_FLAGS f = tok.info.flags;
    if (tok.isDemo)
        t.text(DetailPane::tr("Demo"), DetailPane::tr("This is TokenDesk's software demo token (SoftHSM). Its PIN is "
                                                      "123456 — never put real keys on it."), true);
    // Blank fields as "(none)", unprintable ones as hex: never raw NUL or control bytes.
    t.text(DetailPane::tr("Label"), P11Text::displayText(tok.info.label));
    t.text(DetailPane::tr("Manufacturer"), P11Text::displayText(tok.info.manufacturerID));
    t.text(DetailPane::tr("Model"), P11Text::displayText(tok.info.model));
    t.text(DetailPane::tr("Serial number"), P11Text::displayText(tok.info.serialNumber));
    t.section(DetailPane::tr("PIN status"));
    const bool deviceFacts = device && device->concern(tok);
    if (deviceFacts) {
        // What the device itself reports (the device panel's source), not the PKCS#11 flags.
        t.text(DetailPane::tr("User PIN"), device->userPin, device->userPinWarn);
        t.text(DetailPane::tr("SO-PIN"), device->soPin, device->soPinWarn);
        t.text(DetailPane::tr("Reported by"), device->source);
    } else {
        pinRow(t, DetailPane::tr("User PIN"), PinStatus::of(tok.info, PinRole::User), PinRole::User);
        pinRow(t, DetailPane::tr("SO-PIN"), PinStatus::of(tok.info, PinRole::So), PinRole::So);
    }
    t.text(DetailPane::tr("PIN length"), DetailPane::tr("%1 to %2").arg(tok.info.ulMinPinLen).arg(tok.info.ulMaxPinLen));
    t.text(DetailPane::tr("PIN entry"), (f & CKF_PROTECTED_AUTHENTICATION_PATH) ? DetailPane::tr("on the reader's PIN pad")
                                                                                 : DetailPane::tr("on the keyboard"));
    t.text(DetailPane::tr("Logged in"), n->loggedIn ? DetailPane::tr("yes") : DetailPane::tr("no"));
    // A device never initialized has no PIN to log in with: initializing it is the next step.
    if (deviceFacts && device->blank(tok))
        t.text(DetailPane::tr("Objects"), DetailPane::tr("This device was never initialized. Initialize it first (Token ▸ "
                                                         "Initialize device…); it has no PIN to log in with until then."), true);
    else if (n->privateObjectsHidden)
        t.text(DetailPane::tr("Objects"), DetailPane::tr("Private objects (usually the private keys) are hidden until you log in."), true);
    if (!n->objectsError.isEmpty())
        t.text(DetailPane::tr("Objects"), n->objectsError, true);
    t.section(DetailPane::tr("Token"));
    if (deviceFacts) {
        // One answer, the device's; where the module's flag says otherwise, that is said too.
        const bool flag = f & CKF_TOKEN_INITIALIZED;
        QString v = esc(device->initializedText);
        if (flag != device->initialized)
            v += QStringLiteral("<br><span style='font-weight:normal; color:#555'>%1</span>")
                     .arg(esc(flag ? DetailPane::tr("The PKCS#11 module reports this token as initialized; the answer "
                                                    "above is the device's own.")
                                   : DetailPane::tr("The PKCS#11 module reports this token as not initialized; the "
                                                    "answer above is the device's own.")));
        t.row(DetailPane::tr("Initialized"), v, !device->initialized);
    } else {
        t.text(DetailPane::tr("Initialized"), yesNo(f & CKF_TOKEN_INITIALIZED));
    }
    t.text(DetailPane::tr("Login required"), yesNo(f & CKF_LOGIN_REQUIRED));
    // A device never initialized has no user PIN, whatever the module's flag says.
    t.text(DetailPane::tr("User PIN set"), yesNo(deviceFacts ? device->initialized : (f & CKF_USER_PIN_INITIALIZED)));
    t.text(DetailPane::tr("Write-protected"), yesNo(f & CKF_WRITE_PROTECTED));
    t.text(DetailPane::tr("Random number generator"), yesNo(f & CKF_RNG));
    t.text(DetailPane::tr("Public memory"), P11Text::memoryText(tok.info.ulFreePublicMemory, tok.info.ulTotalPublicMemory));
    t.text(DetailPane::tr("Private memory"), P11Text::memoryText(tok.info.ulFreePrivateMemory, tok.info.ulTotalPrivateMemory));
    t.text(DetailPane::tr("Hardware / firmware"), P11Text::version(tok.info.hardwareVersion) + QStringLiteral(" / ")
                                                     + P11Text::version(tok.info.firmwareVersion));
    t.text(deviceFacts ? DetailPane::tr("PKCS#11 flags (from the module)") : DetailPane::tr("All flags"),
           P11Text::tokenFlagNames(f).join(QStringLiteral(", ")));
    t.section(DetailPane::tr("Mechanisms (%1)").arg(tok.mechanisms.size()));
    for (const MechanismInfo &m : tok.mechanisms) {
        QString sizes;
        if (m.info.ulMaxKeySize)
            sizes = DetailPane::tr("key size %1–%2; ").arg(m.info.ulMinKeySize).arg(m.info.ulMaxKeySize);
        t.text(m.name, sizes + P11Text::mechanismFlagNames(m.info.flags).join(QStringLiteral(", ")));
    }
}

void certificateRows(Table &t, const ObjectInfo &o, const QDateTime &now, int warningDays)
{
    QString err;
    const auto c = ObjectFacts::certificate(o, &err);
    if (!c) {
        t.text(DetailPane::tr("Certificate"), err, true);
        return;
    }
    t.section(DetailPane::tr("Certificate"));
    if (c->trailingBytes > 0)
        t.text(DetailPane::tr("Stored value"),
               c->trailingBytes == 1
                   ? DetailPane::tr("1 byte follows the certificate in the stored value. Strict programs reject such a value; "
                                    "export the certificate and write it back without it.")
                   : DetailPane::tr("%1 bytes follow the certificate in the stored value. Strict programs reject such a value; "
                                    "export the certificate and write it back without them.").arg(c->trailingBytes),
               true);
    t.text(DetailPane::tr("Issued to"), P11Text::escaped(CertificateSummary::tellingName(*c)));
    t.text(DetailPane::tr("Subject"), P11Text::escaped(c->subject));
    t.text(DetailPane::tr("Issuer"), P11Text::escaped(c->issuer));
    t.text(DetailPane::tr("Serial number"), c->serialHex);
    const CertificateSummary s = CertificateSummary::of(*c, now, warningDays);
    t.text(DetailPane::tr("Valid"), DetailPane::tr("%1 – %2").arg(c->notBefore.toString(Qt::ISODate), c->notAfter.toString(Qt::ISODate)),
           s.validity != CertificateValidity::Valid);
    t.text(DetailPane::tr("Expiry"), s.expiryPhrase, s.validity != CertificateValidity::Valid);
    t.text(DetailPane::tr("Public key"), c->publicKeyDescription);
    if (c->hasKeyUsage)
        t.text(DetailPane::tr("Key usage"), c->keyUsage.join(QStringLiteral(", ")));
    if (!c->extendedKeyUsage.isEmpty()) {
        QStringList names;
        for (const auto &e : c->extendedKeyUsage)
            names << e.name;
        t.text(DetailPane::tr("Extended key usage"), names.join(QStringLiteral(", ")));
    }
    if (!c->subjectAltNames.isEmpty()) {
        QStringList names;
        for (const auto &s : c->subjectAltNames)
            names << s.typeName() + QLatin1Char(':') + s.value;
        t.text(DetailPane::tr("Subject alternative names"), names.join(QStringLiteral(", ")));
    }
    if (c->hasBasicConstraints)
        t.text(DetailPane::tr("Certificate authority"), yesNo(c->isCa));
    t.text(DetailPane::tr("Self-signed"), yesNo(c->selfSigned));
    t.text(DetailPane::tr("SHA-1 fingerprint"), c->sha1Fingerprint);
    t.text(DetailPane::tr("SHA-256 fingerprint"), c->sha256Fingerprint);
}

// The pairing sentence, with a link that selects the partner's row (DetailPane::objectLinkActivated).
void pairingRows(Table &t, const TreeNode::ObjectEntry &e, const QDateTime &now, int warningDays)
{
    const ObjectInfo &o = e.object;
    const bool isCert = o.cls == CKO_CERTIFICATE;
    QString v = esc(e.pairing.summary());
    if (e.pairing.partnerHandle != CK_INVALID_HANDLE && e.pairing.state != PairState::Unpaired)
        v += QStringLiteral("<br><a href='object:%1'>%2</a>")
                 .arg(e.pairing.partnerHandle)
                 .arg(esc(isCert ? DetailPane::tr("Show the key") : DetailPane::tr("Show the certificate")));
    t.row(isCert ? DetailPane::tr("Key") : DetailPane::tr("Certificate"), v, e.pairing.isProblem());
    if (!isCert && e.certificate) {
        const CertificateSummary s = e.certificate->summaryAt(now, warningDays);
        t.text(DetailPane::tr("Certificate for"), P11Text::escaped(e.certificate->name));
        t.text(DetailPane::tr("Certificate expiry"), s.expiryPhrase, s.validity != CertificateValidity::Valid);
    }
}

void dataRows(Table &t, const ObjectInfo &o)
{
    t.section(DetailPane::tr("Data object"));
    t.text(DetailPane::tr("Application"), o.attrs.has(CKA_APPLICATION) ? P11Text::displayText(o.attrs.bytes(CKA_APPLICATION))
                                                                        : DetailPane::tr("(not readable)"));
    const QByteArray oid = o.attrs.bytes(CKA_OBJECT_ID);
    t.text(DetailPane::tr("Object ID"), oid.isEmpty() ? DetailPane::tr("(none)") : DataValue::oidDisplay(oid),
           !oid.isEmpty() && !DataValue::oid(oid) && !DataValue::oidFromContent(oid));
    if (!o.attrs.has(CKA_VALUE)) {
        t.text(DetailPane::tr("Value"), DetailPane::tr("(not readable: private or sensitive)"));
        return;
    }
    const QByteArray value = o.attrs.bytes(CKA_VALUE);
    t.text(DetailPane::tr("Size"), value.size() == 1 ? DetailPane::tr("1 byte") : DetailPane::tr("%1 bytes").arg(value.size()));
    t.row(DataValue::isText(value) ? DetailPane::tr("Value (text)") : DetailPane::tr("Value (hex)"),
          QStringLiteral("<pre style='margin:0; white-space:pre-wrap'>%1</pre>").arg(esc(DataValue::display(value))));
}

void objectRows(Table &t, const TreeNode::ObjectEntry &e, const QDateTime &now, int warningDays)
{
    const ObjectInfo &o = e.object;
    t.text(DetailPane::tr("Kind"), ObjectFacts::className(o.cls));
    t.text(DetailPane::tr("Label"), P11Text::escaped(o.labelText()));
    t.text(DetailPane::tr("CKA_ID"), o.id.isEmpty() ? DetailPane::tr("(none)") : ObjectFacts::idHex(o.id));
    if (e.pairing.state != PairState::NotApplicable)
        pairingRows(t, e, now, warningDays);
    const QString kd = ObjectFacts::keyDescription(o);
    if (!kd.isEmpty()) {
        t.text(DetailPane::tr("Key"), kd);
        t.text(DetailPane::tr("Flags"), ObjectFacts::keyFlags(o).join(QStringLiteral(", ")));
    }
    if (o.cls == CKO_CERTIFICATE)
        certificateRows(t, o, now, warningDays);
    if (o.cls == CKO_DATA)
        dataRows(t, o);
}
} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_browser(new QTextBrowser(this)), m_uri(new QLineEdit(this)),
      m_copy(new QPushButton(tr("Copy URI"), this)), m_login(new QPushButton(tr("Log in…"), this)),
      m_logout(new QPushButton(tr("Log out"), this))
{
    auto *v = new QVBoxLayout(this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    v->addWidget(m_title);
    auto *uriRow = new QHBoxLayout;
    m_uri->setReadOnly(true);
    m_uri->setPlaceholderText(tr("PKCS#11 URI"));
    m_uri->setAccessibleName(tr("PKCS#11 URI"));
    uriRow->addWidget(m_uri, 1);
    uriRow->addWidget(m_copy);
    v->addLayout(uriRow);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_login);
    actions->addWidget(m_logout);
    actions->addStretch(1);
    v->addLayout(actions);
    v->addWidget(m_browser, 1);
    m_browser->setOpenLinks(false);
    CopyButton::attach(m_copy, [this] { return m_uri->text(); }); // says "Copied" for a moment
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        bool ok = false;
        const qulonglong handle = url.path().toULongLong(&ok);
        if (url.scheme() == QLatin1String("object") && ok)
            Q_EMIT objectLinkActivated(handle);
    });
    m_login->setObjectName(QStringLiteral("detailLogin"));
    m_logout->setObjectName(QStringLiteral("detailLogout"));
    connect(m_login, &QPushButton::clicked, this, &DetailPane::loginRequested);
    connect(m_logout, &QPushButton::clicked, this, &DetailPane::logoutRequested);
    showNode(nullptr);
}

QString DetailPane::uri() const { return m_uri->text(); }

void DetailPane::followSessionActions(const QAction *login, const QAction *logout)
{
    const auto follow = [this](QPushButton *button, const QAction *action) {
        button->setEnabled(action->isEnabled());
        connect(action, &QAction::enabledChanged, button, &QPushButton::setEnabled);
    };
    follow(m_login, login);
    follow(m_logout, logout);
}

QString DetailPane::html(const TreeNode *n, const QDateTime &now, int warningDays, const DevicePinFacts *device)
{
    Table t;
    if (!n)
        return tr("<p>Select a module, token or object on the left.</p>");
    switch (n->kind) {
    case TreeNode::Kind::Module: {
        const ModuleSnapshot &m = *n->module();
        t.text(tr("File"), m.path);
        t.text(tr("Registered by"), m.userAdded ? tr("you (Add module…)") : tr("p11-kit configuration"));
        if (!m.error.isEmpty()) {
            t.text(tr("Error"), m.error, true);
            break;
        }
        t.text(tr("Description"), m.description);
        t.text(tr("Manufacturer"), m.manufacturer);
        t.text(tr("Library version"), m.libraryVersion);
        t.text(tr("Cryptoki version"), m.cryptokiVersion);
        t.text(tr("Slots"), QString::number(m.slots.size()));
        if (!m.quirk.isEmpty())
            t.text(tr("Quirk"), m.quirk);
        break;
    }
    case TreeNode::Kind::Slot: {
        const SlotSnapshot &s = *n->slot();
        t.text(tr("Slot ID"), QString::number(s.id));
        t.text(tr("Description"), s.description);
        t.text(tr("Manufacturer"), s.manufacturer);
        t.text(tr("Token present"), yesNo(s.flags & CKF_TOKEN_PRESENT));
        t.text(tr("Removable"), yesNo(s.flags & CKF_REMOVABLE_DEVICE));
        if (!s.tokenError.isEmpty())
            t.text(tr("Token error"), s.tokenError, true);
        break;
    }
    case TreeNode::Kind::Token: tokenRows(t, n, device); break;
    case TreeNode::Kind::Group: t.text(tr("Objects"), QString::number(n->group()->count)); break;
    case TreeNode::Kind::Object: objectRows(t, *n->object(), now, warningDays); break;
    }
    return t.html();
}

void DetailPane::showNode(const TreeNode *n)
{
    QString title, uri;
    bool token = false;
    if (n) {
        switch (n->kind) {
        case TreeNode::Kind::Module: title = n->module()->description.isEmpty() ? n->module()->name : n->module()->description; break;
        case TreeNode::Kind::Slot: title = n->slot()->description; break;
        case TreeNode::Kind::Token:
            title = tr("Token “%1”").arg(n->token()->label);
            uri = n->token()->uri;
            token = true;
            break;
        case TreeNode::Kind::Group: break;
        case TreeNode::Kind::Object:
            title = tr("%1 “%2”").arg(ObjectFacts::className(n->object()->object.cls),
                                      P11Text::escaped(n->object()->object.labelText()));
            uri = n->object()->object.uri;
            break;
        }
    }
    m_title->setText(title);
    m_uri->setText(uri);
    m_uri->setCursorPosition(0); // setText leaves the cursor, and the view, at the end: show the start
    m_uri->setVisible(!uri.isEmpty());
    m_copy->setVisible(!uri.isEmpty());
    m_login->setVisible(token && !n->loggedIn);
    m_logout->setVisible(token && n->loggedIn);
    m_browser->setHtml(html(n, QDateTime::currentDateTimeUtc(), m_warningDays, m_device ? &*m_device : nullptr));
}

void DetailPane::setExpiryWarningDays(int days) { m_warningDays = days; }
