// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/requestextensions_p.h"

namespace keysdetail {

namespace {
GENERAL_NAME *generalName(const SubjectAltName &n)
{
    const QByteArray v = n.value.trimmed().toUtf8();
    GENERAL_NAME *g = GENERAL_NAME_new();
    if (!g)
        opensslFailed("GENERAL_NAME_new");
    int type = GEN_DNS;
    ASN1_STRING *value = nullptr;
    switch (n.type) {
    case SubjectAltName::Type::IpAddress:
        type = GEN_IPADD;
        value = a2i_IPADDRESS(v.constData());
        break;
    case SubjectAltName::Type::Email: type = GEN_EMAIL; break;
    case SubjectAltName::Type::Uri: type = GEN_URI; break;
    default: type = GEN_DNS; break;
    }
    if (type != GEN_IPADD) {
        value = ASN1_IA5STRING_new();
        if (value && !ASN1_STRING_set(value, v.constData(), int(v.size()))) {
            ASN1_IA5STRING_free(value);
            value = nullptr;
        }
    }
    if (!value) {
        GENERAL_NAME_free(g);
        opensslFailed("subjectAltName value");
    }
    GENERAL_NAME_set0_value(g, type, value);
    return g;
}

void addConf(STACK_OF(X509_EXTENSION) **exts, int nid, const QString &conf)
{
    if (conf.isEmpty())
        return;
    const QByteArray c = conf.toLatin1();
    Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, nullptr, nid, c.constData()));
    if (!ext)
        opensslFailed(OBJ_nid2sn(nid));
    ensure(X509v3_add_ext(exts, ext.get(), -1) != nullptr, "X509v3_add_ext");
}
} // namespace

Owned<STACK_OF(X509_EXTENSION)> requestExtensions(const QList<SubjectAltName> &altNames, const UsageExtensions &usage,
                                                  bool altNamesCritical)
{
    Owned<STACK_OF(X509_EXTENSION)> exts(sk_X509_EXTENSION_new_null());
    if (!exts)
        opensslFailed("sk_X509_EXTENSION_new_null");
    // The add functions take STACK_OF** so they could create the stack; it exists, so they only push.
    STACK_OF(X509_EXTENSION) *raw = exts.get();
    if (!altNames.isEmpty()) {
        Owned<GENERAL_NAMES> names(GENERAL_NAMES_new());
        if (!names)
            opensslFailed("GENERAL_NAMES_new");
        for (const SubjectAltName &n : altNames) {
            GENERAL_NAME *g = generalName(n);
            if (!sk_GENERAL_NAME_push(names.get(), g)) {
                GENERAL_NAME_free(g);
                opensslFailed("sk_GENERAL_NAME_push");
            }
        }
        ensure(X509V3_add1_i2d(&raw, NID_subject_alt_name, names.get(), altNamesCritical ? 1 : 0,
                               X509V3_ADD_APPEND),
               "subjectAltName");
    }
    addConf(&raw, NID_key_usage, usage.keyUsageConf());
    addConf(&raw, NID_ext_key_usage, usage.extendedKeyUsageConf());
    return exts;
}

} // namespace keysdetail
