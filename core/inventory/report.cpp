// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/report.h"

#include "inventory/certificatesummary.h"
#include "inventory/inventory.h"
#include "inventory/objectfacts.h"
#include "inventory/objectorder.h"
#include "inventory/p11text.h"
#include "inventory/pairing.h"
#include "p11/errortext.h"

#include <QJsonArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

#include <cctype>
#include <numeric>

namespace {
QString contentsKey(const ModuleSnapshot &m, const TokenSnapshot &t) { return m.path + QLatin1Char('|') + t.id.key(); }

QJsonArray strings(const QStringList &l) { return QJsonArray::fromStringList(l); }

// A value the token may not have told: a JSON number, or null.
QJsonValue count(CK_ULONG v)
{
    const auto n = P11Text::ulongValue(v);
    return n ? QJsonValue(*n) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); }

bool isKey(CK_OBJECT_CLASS c) { return c == CKO_PRIVATE_KEY || c == CKO_PUBLIC_KEY || c == CKO_SECRET_KEY; }

struct Tr { Q_DECLARE_TR_FUNCTIONS(InventoryReport) };

// Expired, expiring within warningDays, not yet valid: what the text form marks.
QString expiryMarker(CertificateValidity v)
{
    switch (v) {
    case CertificateValidity::Expired: return Tr::tr("[EXPIRED] ");
    case CertificateValidity::ExpiringSoon: return Tr::tr("[EXPIRES SOON] ");
    case CertificateValidity::NotYetValid: return Tr::tr("[NOT YET VALID] ");
    case CertificateValidity::Valid: break;
    }
    return {};
}

// The token's worst expiry: its certificate that expires first (the tree's token row
// shows the same). Over every certificate read, not only those --expiring-within lists.
struct WorstExpiry {
    CertificateSummary summary;
    int needAttention = 0; // certificates expired or expiring within warningDays
};
std::optional<WorstExpiry> worstExpiry(const TokenContents &contents, const ReportOptions &options)
{
    std::optional<WorstExpiry> worst;
    int attention = 0;
    for (const ObjectInfo &o : contents.objects) {
        if (o.cls != CKO_CERTIFICATE)
            continue;
        const auto c = ObjectFacts::certificate(o);
        if (!c)
            continue;
        const CertificateSummary s = CertificateSummary::of(*c, options.now, options.warningDays);
        attention += s.needsAttention();
        if (!worst || s.notAfter < worst->summary.notAfter)
            worst = WorstExpiry{s, 0};
    }
    if (worst)
        worst->needAttention = attention;
    return worst;
}

QJsonValue worstExpiryJson(const TokenContents &contents, const ReportOptions &options)
{
    const auto w = worstExpiry(contents, options);
    if (!w)
        return QJsonValue(QJsonValue::Null);
    QJsonObject j;
    j[QStringLiteral("name")] = w->summary.name;
    j[QStringLiteral("notAfter")] = w->summary.notAfter.toString(Qt::ISODate);
    j[QStringLiteral("daysLeft")] = w->summary.daysLeft();
    j[QStringLiteral("validity")] = w->summary.validityCode();
    j[QStringLiteral("expiry")] = w->summary.expiryPhrase;
    j[QStringLiteral("needAttention")] = w->needAttention;
    return j;
}

QJsonObject objectJson(const ObjectInfo &o, const PairInfo &pairing, const ReportOptions &options)
{
    QJsonObject j;
    j[QStringLiteral("class")] = ObjectFacts::className(o.cls);
    j[QStringLiteral("label")] = o.labelKnown() ? QJsonValue(o.labelText()) : QJsonValue(QJsonValue::Null);
    j[QStringLiteral("id")] = o.idKnown() ? QJsonValue(ObjectFacts::idHex(o.id)) : QJsonValue(QJsonValue::Null);
    j[QStringLiteral("uri")] = o.uri;
    if (isKey(o.cls)) {
        j[QStringLiteral("keyType")] = stringOrNull(ObjectFacts::keyTypeName(o));
        j[QStringLiteral("key")] = stringOrNull(ObjectFacts::keyDescription(o));
        j[QStringLiteral("flags")] = strings(ObjectFacts::keyFlags(o));
    }
    if (o.cls == CKO_CERTIFICATE) {
        QString err;
        if (auto c = ObjectFacts::certificate(o, &err)) {
            j[QStringLiteral("subject")] = c->subject;
            j[QStringLiteral("issuer")] = c->issuer;
            j[QStringLiteral("serial")] = c->serialHex;
            j[QStringLiteral("notBefore")] = c->notBefore.toString(Qt::ISODate);
            j[QStringLiteral("notAfter")] = c->notAfter.toString(Qt::ISODate);
            j[QStringLiteral("key")] = c->publicKeyDescription;
            j[QStringLiteral("sha256")] = c->sha256Fingerprint;
            j[QStringLiteral("trailingBytes")] = qint64(c->trailingBytes);
            const CertificateSummary s = CertificateSummary::of(*c, options.now, options.warningDays);
            j[QStringLiteral("name")] = s.name;
            j[QStringLiteral("daysLeft")] = s.daysLeft();
            j[QStringLiteral("validity")] = s.validityCode();
            j[QStringLiteral("expiry")] = s.expiryPhrase;
        } else {
            j[QStringLiteral("error")] = err;
        }
    }
    if (pairing.state != PairState::NotApplicable) {
        QJsonObject p;
        p[QStringLiteral("status")] = pairing.code();
        if (!pairing.partnerKey.isEmpty()) {
            p[QStringLiteral("partnerId")] = ObjectFacts::idHex(pairing.partnerId);
            p[QStringLiteral("partnerLabel")] = pairing.partnerLabel;
        }
        p[QStringLiteral("message")] = pairing.summary();
        j[QStringLiteral("pairing")] = p;
    }
    return j;
}

// The device's word where the caller has it (ReportOptions::deviceInitialized), else the module's flag.
bool tokenInitialized(const ModuleSnapshot &m, const TokenSnapshot &t, const ReportOptions &options)
{
    if (const auto it = options.deviceInitialized.find(contentsKey(m, t)); it != options.deviceInitialized.end())
        return it->second;
    return (t.info.flags & CKF_TOKEN_INITIALIZED) != 0;
}

QJsonObject tokenJson(const ModuleSnapshot &m, const TokenSnapshot &t, const ReportOptions &options)
{
    QJsonObject j;
    j[QStringLiteral("label")] = t.label;
    j[QStringLiteral("manufacturer")] = t.id.manufacturer;
    j[QStringLiteral("model")] = t.id.model;
    j[QStringLiteral("serial")] = t.id.serial;
    j[QStringLiteral("uri")] = t.uri;
    j[QStringLiteral("initialized")] = tokenInitialized(m, t, options);
    j[QStringLiteral("flags")] = strings(P11Text::tokenFlagNames(t.info.flags));
    j[QStringLiteral("userPin")] = P11Text::userPinState(t.info.flags);
    j[QStringLiteral("soPin")] = P11Text::soPinState(t.info.flags);
    j[QStringLiteral("minPinLength")] = count(t.info.ulMinPinLen);
    j[QStringLiteral("maxPinLength")] = count(t.info.ulMaxPinLen);
    j[QStringLiteral("freePublicMemory")] = count(t.info.ulFreePublicMemory);
    j[QStringLiteral("totalPublicMemory")] = count(t.info.ulTotalPublicMemory);
    j[QStringLiteral("freePrivateMemory")] = count(t.info.ulFreePrivateMemory);
    j[QStringLiteral("totalPrivateMemory")] = count(t.info.ulTotalPrivateMemory);
    j[QStringLiteral("mechanisms")] = qint64(t.mechanisms.size());
    return j;
}

// Text output goes to a terminal: everything a module or a certificate supplied is escaped.
QString esc(const QString &s) { return P11Text::escaped(s); }

void objectText(QTextStream &ts, const ObjectInfo &o, const PairInfo &pairing, const ReportOptions &options)
{
    const QString label = o.labelKnown() ? QStringLiteral("\"%1\"").arg(esc(o.labelText())) : QStringLiteral("(label unknown)");
    const QString id = !o.idKnown() ? QStringLiteral("unknown")
                                    : (o.id.isEmpty() ? QStringLiteral("(none)") : ObjectFacts::idHex(o.id));
    ts << "      - " << ObjectFacts::className(o.cls) << "  " << label << "  id " << id << "\n";
    ts << "          " << esc(o.uri) << "\n";
    if (isKey(o.cls)) {
        const QString kd = ObjectFacts::keyDescription(o);
        ts << "          " << (kd.isEmpty() ? QStringLiteral("key type unknown") : kd) << "; "
           << ObjectFacts::keyFlags(o).join(QStringLiteral(", ")) << "\n";
    }
    if (o.cls == CKO_CERTIFICATE) {
        QString err;
        if (auto c = ObjectFacts::certificate(o, &err)) {
            const CertificateSummary s = CertificateSummary::of(*c, options.now, options.warningDays);
            ts << "          name    " << esc(s.name) << "\n          expiry  " << expiryMarker(s.validity) << s.expiryPhrase
               << "\n          subject " << esc(c->subject) << "\n          issuer  " << esc(c->issuer)
               << "\n          serial  " << c->serialHex << "\n          valid   " << c->notBefore.toString(Qt::ISODate)
               << " – " << c->notAfter.toString(Qt::ISODate) << "\n          sha256  " << c->sha256Fingerprint << "\n";
            if (c->trailingBytes > 0)
                ts << "          WARNING: " << c->trailingBytes
                   << " bytes follow the certificate in the stored value; the fingerprint is of the stored value\n";
        } else {
            ts << "          " << esc(err) << "\n";
        }
    }
    if (pairing.state != PairState::NotApplicable)
        ts << "          pairing: " << esc(pairing.summary()) << "\n";
}

void tokenText(QTextStream &ts, const InventoryReport &r, const ModuleSnapshot &m, const TokenSnapshot &t,
               const ReportOptions &options)
{
    ts << "    Token " << (t.label.isEmpty() ? QStringLiteral("(no label)") : QStringLiteral("\"%1\"").arg(t.label)) << "  "
       << P11Text::displayText(t.info.manufacturerID) << " / " << P11Text::displayText(t.info.model) << " / serial "
       << P11Text::displayText(t.info.serialNumber) << "\n";
    ts << "      URI:      " << esc(t.uri) << "\n";
    if (!tokenInitialized(m, t, options)) {
        if (t.info.flags & CKF_TOKEN_INITIALIZED)
            ts << "      " << Tr::tr("(not initialized, as the device says; the PKCS#11 module reports it as initialized)")
               << "\n";
        else
            ts << "      (not initialized)\n";
        return;
    }
    const auto len = [](CK_ULONG v) { return P11Text::ulongValue(v) ? QString::number(v) : QStringLiteral("?"); };
    ts << "      User PIN: " << P11Text::userPinState(t.info.flags) << "   SO-PIN: " << P11Text::soPinState(t.info.flags)
       << "   PIN length " << len(t.info.ulMinPinLen) << "–" << len(t.info.ulMaxPinLen) << "\n";
    // Memory 0 is 0 bytes; only the session counts use 0 for "effectively infinite".
    ts << "      Memory:   "
       << QCoreApplication::translate("InventoryReport", "public %1; private %2")
              .arg(P11Text::memoryText(t.info.ulFreePublicMemory, t.info.ulTotalPublicMemory),
                   P11Text::memoryText(t.info.ulFreePrivateMemory, t.info.ulTotalPrivateMemory))
       << "\n";
    ts << "      Sessions: "
       << QCoreApplication::translate("InventoryReport", "%1 open of %2, read/write %3 of %4")
              .arg(P11Text::ulongOrUnknown(t.info.ulSessionCount), P11Text::sessionLimit(t.info.ulMaxSessionCount),
                   P11Text::ulongOrUnknown(t.info.ulRwSessionCount), P11Text::sessionLimit(t.info.ulMaxRwSessionCount))
       << "\n";
    ts << "      Flags:    " << P11Text::tokenFlagNames(t.info.flags).join(QStringLiteral(", ")) << "\n";
    const QString key = contentsKey(m, t);
    if (auto e = r.tokenErrors.find(key); e != r.tokenErrors.end())
        ts << "      ERROR reading objects: " << esc(e->second) << "\n";
    if (auto e = r.loginErrors.find(key); e != r.loginErrors.end())
        ts << "      " << Tr::tr("LOGIN FAILED: %1").arg(esc(e->second)) << "\n";
    auto it = r.contents.find(key);
    if (it == r.contents.end())
        return;
    if (const auto w = worstExpiry(it->second, options))
        ts << "      Expiry:   " << expiryMarker(w->summary.validity)
           << QCoreApplication::translate("InventoryReport", "first to expire: %1, %2").arg(esc(w->summary.name), w->summary.expiryPhrase) << "; "
           << QCoreApplication::translate("InventoryReport", "certificates expired or expiring within %1 days: %2")
                  .arg(options.warningDays)
                  .arg(w->needAttention)
           << "\n";
    if (it->second.privateObjectsHidden)
        ts << "      (not logged in: private objects are not listed)\n";
    const auto pairing = computePairing(it->second);
    const std::vector<std::size_t> listed = InventoryReport::listed(it->second, options);
    for (const std::size_t i : listed)
        objectText(ts, it->second.objects[i], pairing[i], options);
    if (listed.empty() && options.expiringWithin)
        ts << "      " << Tr::tr("(no certificate expires within %n day(s))", nullptr, *options.expiringWithin) << "\n";
}
} // namespace

int InventoryReport::failedModules() const
{
    return int(std::count_if(modules.begin(), modules.end(), [](const ModuleSnapshot &m) { return !m.error.isEmpty(); }));
}

QString InventoryReport::key(const ModuleSnapshot &m, const TokenSnapshot &t) { return contentsKey(m, t); }

std::vector<std::size_t> InventoryReport::listed(const TokenContents &contents, const ReportOptions &options)
{
    std::vector<std::size_t> order(contents.objects.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    if (options.expiringWithin) {
        // As `openssl x509 -checkend DAYS*86400` answers "will expire": notAfter before now + DAYS.
        const QDateTime horizon = options.now.addSecs(qint64(*options.expiringWithin) * 24 * 3600);
        std::erase_if(order, [&](std::size_t i) {
            const ObjectInfo &o = contents.objects[i];
            if (o.cls != CKO_CERTIFICATE)
                return true;
            const auto c = ObjectFacts::certificate(o);
            return !c || !(c->notAfter < horizon);
        });
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return ObjectOrder::less(contents.objects[a], contents.objects[b]); });
    return order;
}

int InventoryReport::expiringCertificates(const ReportOptions &options) const
{
    if (!options.expiringWithin)
        return 0;
    int n = 0;
    for (const auto &[key, c] : contents)
        n += int(listed(c, options).size());
    return n;
}

int InventoryReport::failures() const
{
    int n = failedModules() + int(tokenErrors.size()) + int(loginErrors.size());
    for (const ModuleSnapshot &m : modules)
        n += int(std::count_if(m.slots.begin(), m.slots.end(), [](const SlotSnapshot &s) { return !s.tokenError.isEmpty(); }));
    return n;
}

InventoryReport collectReport(Inventory &inventory, const QList<ModuleSpec> &specs)
{
    InventoryReport r;
    for (const ModuleSpec &spec : specs) {
        QFuture<ModuleSnapshot> f = inventory.scan(spec);
        r.modules.push_back(f.result());
    }
    for (const ModuleSnapshot &m : r.modules) {
        for (const SlotSnapshot &s : m.slots) {
            if (!s.token || !(s.token->info.flags & CKF_TOKEN_INITIALIZED))
                continue;
            const QString key = contentsKey(m, *s.token);
            try {
                r.contents[key] = inventory.readObjects(TokenRef{m.path, s.id, s.token->id}).result();
            } catch (...) {
                r.tokenErrors[key] = userError(std::current_exception(), s.token->info.flags).text();
            }
        }
    }
    return r;
}

namespace {
// A token's object list that writeReportJson makes and writes one object at a time.
struct DeferredObjects {
    const TokenContents *contents = nullptr;
    std::vector<std::size_t> listed;
};

// The document; with deferred, each token's "objects" is the index of its DeferredObjects
// instead of the array (a number: no value a module supplies is written as one).
QJsonDocument reportJson(const InventoryReport &r, const ReportOptions &options, std::vector<DeferredObjects> *deferred)
{
    QJsonArray modules;
    for (const ModuleSnapshot &m : r.modules) {
        QJsonObject mj;
        mj[QStringLiteral("path")] = m.path;
        mj[QStringLiteral("name")] = m.name;
        mj[QStringLiteral("userAdded")] = m.userAdded;
        if (!m.error.isEmpty()) {
            mj[QStringLiteral("error")] = m.error;
            modules.append(mj);
            continue;
        }
        mj[QStringLiteral("description")] = m.description;
        mj[QStringLiteral("manufacturer")] = m.manufacturer;
        mj[QStringLiteral("libraryVersion")] = m.libraryVersion;
        mj[QStringLiteral("cryptokiVersion")] = m.cryptokiVersion;
        QJsonArray slots;
        for (const SlotSnapshot &s : m.slots) {
            QJsonObject sj;
            sj[QStringLiteral("id")] = qint64(s.id);
            sj[QStringLiteral("description")] = s.description;
            sj[QStringLiteral("flags")] = strings(P11Text::slotFlagNames(s.flags));
            if (!s.tokenError.isEmpty())
                sj[QStringLiteral("tokenError")] = s.tokenError;
            if (s.token) {
                QJsonObject tj = tokenJson(m, *s.token, options);
                const QString key = contentsKey(m, *s.token);
                if (auto it = r.contents.find(key); it != r.contents.end()) {
                    if (deferred) {
                        tj[QStringLiteral("objects")] = qint64(deferred->size());
                        deferred->push_back({&it->second, InventoryReport::listed(it->second, options)});
                    } else {
                        const auto pairing = computePairing(it->second);
                        QJsonArray objects;
                        for (const std::size_t i : InventoryReport::listed(it->second, options))
                            objects.append(objectJson(it->second.objects[i], pairing[i], options));
                        tj[QStringLiteral("objects")] = objects;
                    }
                    tj[QStringLiteral("loggedIn")] = it->second.loggedIn;
                    tj[QStringLiteral("privateObjectsHidden")] = it->second.privateObjectsHidden;
                    tj[QStringLiteral("worstExpiry")] = worstExpiryJson(it->second, options);
                }
                if (auto it = r.tokenErrors.find(key); it != r.tokenErrors.end())
                    tj[QStringLiteral("error")] = it->second;
                if (auto it = r.loginErrors.find(key); it != r.loginErrors.end())
                    tj[QStringLiteral("loginError")] = it->second;
                sj[QStringLiteral("token")] = tj;
            }
            slots.append(sj);
        }
        mj[QStringLiteral("slots")] = slots;
        modules.append(mj);
    }
    QJsonObject root;
    root[QStringLiteral("listedAt")] = options.now.toUTC().toString(Qt::ISODate);
    root[QStringLiteral("expiryWarningDays")] = options.warningDays;
    if (options.expiringWithin)
        root[QStringLiteral("expiringWithin")] = *options.expiringWithin;
    root[QStringLiteral("modules")] = modules;
    return QJsonDocument(root);
}
} // namespace

QJsonDocument reportToJson(const InventoryReport &r, const ReportOptions &options)
{
    return reportJson(r, options, nullptr);
}

void writeReportJson(const InventoryReport &r, const ReportOptions &options,
                     const std::function<void(QJsonObject &)> &decorate, const std::function<void(QByteArrayView)> &write)
{
    std::vector<DeferredObjects> deferred;
    QJsonObject root = reportJson(r, options, &deferred).object();
    if (decorate)
        decorate(root);
    const QByteArray skeleton = QJsonDocument(root).toJson(QJsonDocument::Indented);
    // Qt's indented form: 4 spaces a level; an array's elements one level deeper than its
    // key, each line of an element's own document shifted by that much; "]" at the key's level.
    static const QByteArray marker = QByteArrayLiteral("\"objects\": ");
    qsizetype from = 0; // written up to here
    for (qsizetype at = skeleton.indexOf(marker); at >= 0; at = skeleton.indexOf(marker, at + 1)) {
        const qsizetype number = at + marker.size();
        qsizetype end = number;
        while (end < skeleton.size() && std::isdigit(static_cast<unsigned char>(skeleton[end])))
            ++end;
        if (end == number)
            continue; // an "objects" array someone else made (decorate)
        const qsizetype lineStart = skeleton.lastIndexOf('\n', at) + 1;
        const QByteArray closing(at - lineStart, ' ');
        const QByteArray pad = closing + QByteArray(4, ' ');
        write(QByteArrayView(skeleton).sliced(from, number - from));
        const DeferredObjects &d = deferred.at(std::size_t(skeleton.mid(number, end - number).toLongLong()));
        const auto pairing = computePairing(*d.contents);
        write("[\n");
        for (std::size_t k = 0; k < d.listed.size(); ++k) {
            const std::size_t i = d.listed[k];
            QByteArray text = QJsonDocument(objectJson(d.contents->objects[i], pairing[i], options)).toJson(QJsonDocument::Indented);
            text.chop(1); // its final line break
            text.replace('\n', QByteArray('\n' + pad));
            write(pad + text + (k + 1 < d.listed.size() ? ",\n" : "\n"));
        }
        write(closing + ']');
        from = end;
    }
    write(QByteArrayView(skeleton).sliced(from));
}

QString reportToText(const InventoryReport &r, const ReportOptions &options)
{
    QString out;
    QTextStream ts(&out);
    writeReportText(r, options, ts);
    return out;
}

void writeReportText(const InventoryReport &r, const ReportOptions &options, QTextStream &ts)
{
    for (const ModuleSnapshot &m : r.modules) {
        ts << "Module " << esc(m.name) << "  " << esc(m.path) << (m.userAdded ? "  (added by you)" : "") << "\n";
        if (!m.error.isEmpty()) {
            ts << "  ERROR: " << esc(m.error) << "\n\n";
            continue;
        }
        ts << "  " << esc(m.description) << ", " << esc(m.manufacturer) << ", version " << m.libraryVersion << "\n";
        if (m.slots.empty())
            ts << "  (no slots: no reader or token)\n";
        for (const SlotSnapshot &s : m.slots) {
            ts << "  Slot " << s.id << "  " << esc(s.description) << "\n";
            if (!s.tokenError.isEmpty())
                ts << "    token error: " << esc(s.tokenError) << "\n";
            if (s.token)
                tokenText(ts, r, m, *s.token, options);
            else if (s.tokenError.isEmpty())
                ts << "    (no token)\n";
        }
        ts << "\n";
    }
    if (const int n = r.expiringCertificates(options))
        ts << Tr::tr("%n certificate(s) expire within %1 day(s) or have expired.", nullptr, n).arg(*options.expiringWithin) << "\n";
    else if (options.expiringWithin)
        ts << Tr::tr("No certificate expires within %n day(s).", nullptr, *options.expiringWithin) << "\n";
}
