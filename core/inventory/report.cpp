// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/report.h"

#include "inventory/inventory.h"
#include "inventory/objectfacts.h"
#include "inventory/p11text.h"
#include "inventory/pairing.h"
#include "p11/errortext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace {
QString contentsKey(const ModuleSnapshot &m, const TokenSnapshot &t) { return m.path + QLatin1Char('|') + t.id.key(); }

QJsonArray strings(const QStringList &l) { return QJsonArray::fromStringList(l); }

QJsonObject objectJson(const ObjectInfo &o, const std::map<QString, PairInfo> &pairing)
{
    QJsonObject j;
    j[QStringLiteral("class")] = ObjectFacts::className(o.cls);
    j[QStringLiteral("label")] = o.labelText();
    j[QStringLiteral("id")] = ObjectFacts::idHex(o.id);
    j[QStringLiteral("uri")] = o.uri;
    if (o.cls == CKO_PRIVATE_KEY || o.cls == CKO_PUBLIC_KEY || o.cls == CKO_SECRET_KEY) {
        j[QStringLiteral("keyType")] = ObjectFacts::keyTypeName(o);
        j[QStringLiteral("key")] = ObjectFacts::keyDescription(o);
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
        } else {
            j[QStringLiteral("error")] = err;
        }
    }
    if (auto it = pairing.find(o.key()); it != pairing.end()) {
        QJsonObject p;
        p[QStringLiteral("status")] = it->second.code();
        if (!it->second.partnerKey.isEmpty()) {
            p[QStringLiteral("partnerId")] = ObjectFacts::idHex(it->second.partnerId);
            p[QStringLiteral("partnerLabel")] = it->second.partnerLabel;
        }
        p[QStringLiteral("message")] = it->second.summary();
        j[QStringLiteral("pairing")] = p;
    }
    return j;
}

QJsonObject tokenJson(const TokenSnapshot &t)
{
    QJsonObject j;
    j[QStringLiteral("label")] = t.label;
    j[QStringLiteral("manufacturer")] = t.id.manufacturer;
    j[QStringLiteral("model")] = t.id.model;
    j[QStringLiteral("serial")] = t.id.serial;
    j[QStringLiteral("uri")] = t.uri;
    j[QStringLiteral("flags")] = strings(P11Text::tokenFlagNames(t.info.flags));
    j[QStringLiteral("userPin")] = P11Text::userPinState(t.info.flags);
    j[QStringLiteral("soPin")] = P11Text::soPinState(t.info.flags);
    j[QStringLiteral("minPinLength")] = qint64(t.info.ulMinPinLen);
    j[QStringLiteral("maxPinLength")] = qint64(t.info.ulMaxPinLen);
    j[QStringLiteral("freePublicMemory")] = P11Text::ulongOrUnknown(t.info.ulFreePublicMemory);
    j[QStringLiteral("totalPublicMemory")] = P11Text::ulongOrUnknown(t.info.ulTotalPublicMemory);
    j[QStringLiteral("mechanisms")] = qint64(t.mechanisms.size());
    return j;
}
} // namespace

int InventoryReport::failedModules() const
{
    return int(std::count_if(modules.begin(), modules.end(), [](const ModuleSnapshot &m) { return !m.error.isEmpty(); }));
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

QJsonDocument reportToJson(const InventoryReport &r)
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
        QJsonArray slots;
        for (const SlotSnapshot &s : m.slots) {
            QJsonObject sj;
            sj[QStringLiteral("id")] = qint64(s.id);
            sj[QStringLiteral("description")] = s.description;
            sj[QStringLiteral("flags")] = strings(P11Text::slotFlagNames(s.flags));
            if (!s.tokenError.isEmpty())
                sj[QStringLiteral("tokenError")] = s.tokenError;
            if (s.token) {
                QJsonObject tj = tokenJson(*s.token);
                const QString key = contentsKey(m, *s.token);
                if (auto it = r.contents.find(key); it != r.contents.end()) {
                    const auto pairing = computePairing(it->second);
                    QJsonArray objects;
                    for (const ObjectInfo &o : it->second.objects)
                        objects.append(objectJson(o, pairing));
                    tj[QStringLiteral("loggedIn")] = it->second.loggedIn;
                    tj[QStringLiteral("privateObjectsHidden")] = it->second.privateObjectsHidden;
                    tj[QStringLiteral("objects")] = objects;
                }
                if (auto it = r.tokenErrors.find(key); it != r.tokenErrors.end())
                    tj[QStringLiteral("error")] = it->second;
                sj[QStringLiteral("token")] = tj;
            }
            slots.append(sj);
        }
        mj[QStringLiteral("slots")] = slots;
        modules.append(mj);
    }
    QJsonObject root;
    root[QStringLiteral("modules")] = modules;
    return QJsonDocument(root);
}

QString reportToText(const InventoryReport &r)
{
    QString out;
    QTextStream ts(&out);
    for (const ModuleSnapshot &m : r.modules) {
        ts << "Module " << m.name << "  " << m.path << (m.userAdded ? "  (added by you)" : "") << "\n";
        if (!m.error.isEmpty()) {
            ts << "  ERROR: " << m.error << "\n\n";
            continue;
        }
        ts << "  " << m.description << ", " << m.manufacturer << ", version " << m.libraryVersion << "\n";
        if (m.slots.empty())
            ts << "  (no slots: no reader or token)\n";
        for (const SlotSnapshot &s : m.slots) {
            ts << "  Slot " << s.id << "  " << s.description << "\n";
            if (!s.tokenError.isEmpty())
                ts << "    token error: " << s.tokenError << "\n";
            if (!s.token) {
                ts << "    (no token)\n";
                continue;
            }
            const TokenSnapshot &t = *s.token;
            ts << "    Token \"" << t.label << "\"  " << t.id.manufacturer << " / " << t.id.model << " / serial "
               << t.id.serial << "\n";
            ts << "      URI:      " << t.uri << "\n";
            if (!(t.info.flags & CKF_TOKEN_INITIALIZED)) {
                ts << "      (not initialized)\n";
                continue;
            }
            ts << "      User PIN: " << P11Text::userPinState(t.info.flags) << "   SO-PIN: "
               << P11Text::soPinState(t.info.flags) << "   PIN length " << t.info.ulMinPinLen << "–"
               << t.info.ulMaxPinLen << "\n";
            ts << "      Flags:    " << P11Text::tokenFlagNames(t.info.flags).join(QStringLiteral(", ")) << "\n";
            const QString key = contentsKey(m, t);
            if (auto e = r.tokenErrors.find(key); e != r.tokenErrors.end())
                ts << "      ERROR reading objects: " << e->second << "\n";
            auto it = r.contents.find(key);
            if (it == r.contents.end())
                continue;
            if (it->second.privateObjectsHidden)
                ts << "      (not logged in: private objects are not listed)\n";
            const auto pairing = computePairing(it->second);
            for (const ObjectInfo &o : it->second.objects) {
                ts << "      - " << ObjectFacts::className(o.cls) << "  \"" << o.labelText() << "\"  id "
                   << (o.id.isEmpty() ? QStringLiteral("(none)") : ObjectFacts::idHex(o.id)) << "\n";
                ts << "          " << o.uri << "\n";
                const QString kd = ObjectFacts::keyDescription(o);
                if (!kd.isEmpty())
                    ts << "          " << kd << "; " << ObjectFacts::keyFlags(o).join(QStringLiteral(", ")) << "\n";
                if (o.cls == CKO_CERTIFICATE) {
                    QString err;
                    if (auto c = ObjectFacts::certificate(o, &err)) {
                        ts << "          subject " << c->subject << "\n          issuer  " << c->issuer
                           << "\n          serial  " << c->serialHex << "\n          valid   "
                           << c->notBefore.toString(Qt::ISODate) << " – " << c->notAfter.toString(Qt::ISODate) << "\n";
                    } else {
                        ts << "          " << err << "\n";
                    }
                }
                if (auto p = pairing.find(o.key()); p != pairing.end())
                    ts << "          pairing: " << p->second.summary() << "\n";
            }
        }
        ts << "\n";
    }
    return out;
}
