// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/ecparams_p.h"

#include "x509/opensslutil_p.h"
#include "x509/x509error.h"

#include <openssl/obj_mac.h>
#include <openssl/objects.h>

namespace x509detail {

namespace {

bool edwardsOrMontgomery(int nid, EcParams &out)
{
    switch (nid) {
    case NID_ED25519: out.family = EcParams::Family::Edwards; out.degree = 255; out.display = QStringLiteral("Ed25519"); return true;
    case NID_ED448: out.family = EcParams::Family::Edwards; out.degree = 448; out.display = QStringLiteral("Ed448"); return true;
    case NID_X25519: out.family = EcParams::Family::Montgomery; out.degree = 255; out.display = QStringLiteral("X25519"); return true;
    case NID_X448: out.family = EcParams::Family::Montgomery; out.degree = 448; out.display = QStringLiteral("X448"); return true;
    default: return false;
    }
}

[[noreturn]] void malformed(const QString &detail = {})
{
    throw X509Error(X509Error::Kind::InvalidPublicKey,
                    Tr::tr("The key's curve parameters (CKA_EC_PARAMS) are malformed."), detail);
}

} // namespace

EcParams parseEcParams(const QByteArray &ecParams)
{
    if (ecParams.isEmpty())
        throw X509Error(X509Error::Kind::InvalidPublicKey,
                        Tr::tr("The token did not return the key's curve parameters (CKA_EC_PARAMS)."));
    EcParams out;
    const unsigned char *begin = bytes(ecParams);
    const unsigned char *p = begin;
    const long len = long(ecParams.size());

    switch (static_cast<unsigned char>(ecParams.at(0))) {
    case V_ASN1_OBJECT: {
        OsslPtr<ASN1_OBJECT> oid(d2i_ASN1_OBJECT(nullptr, &p, len));
        if (!oid)
            malformed(takeOpensslErrors());
        out.der = ecParams.left(p - begin);
        out.nid = OBJ_obj2nid(oid.get());
        if (edwardsOrMontgomery(out.nid, out))
            return out;
        OsslPtr<EC_GROUP> group(out.nid == NID_undef ? nullptr : EC_GROUP_new_by_curve_name(out.nid));
        if (!group) {
            takeOpensslErrors();
            throw X509Error(X509Error::Kind::UnsupportedKeyType,
                            Tr::tr("The key uses an elliptic curve TokenDesk does not know (OID %1).").arg(oidText(oid.get())));
        }
        out.degree = EC_GROUP_get_degree(group.get());
        out.display = curveDisplayName(out.nid);
        return out;
    }
    case V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED: {
        // Explicit ECParameters: EC_GROUP is the only non-deprecated 3.0 parser for them.
        OsslPtr<EC_GROUP> group(d2i_ECPKParameters(nullptr, &p, len));
        if (!group)
            malformed(takeOpensslErrors());
        out.form = EcParams::Form::Explicit;
        out.der = ecParams.left(p - begin);
        out.degree = EC_GROUP_get_degree(group.get());
        const int named = EC_GROUP_check_named_curve(group.get(), 0, nullptr);
        takeOpensslErrors(); // a failed match leaves errors behind; it is not an error for us
        if (named > 0) {
            out.nid = named;
            out.display = Tr::tr("%1, explicit parameters").arg(curveDisplayName(named));
        } else {
            out.display = Tr::tr("explicit parameters (%1 bits)").arg(out.degree);
        }
        return out;
    }
    case V_ASN1_NULL:
        throw X509Error(X509Error::Kind::UnsupportedKeyType,
                        Tr::tr("The key inherits its curve from a CA (implicitlyCA), which TokenDesk cannot use."));
    case V_ASN1_PRINTABLESTRING: {
        OsslPtr<ASN1_STRING> name(d2i_ASN1_PRINTABLESTRING(nullptr, &p, len));
        if (!name)
            malformed(takeOpensslErrors());
        out.form = EcParams::Form::CurveName;
        out.der = ecParams.left(p - begin);
        const QString s = asn1StringToQString(name.get());
        // PKCS#11 3.0, section 2.3.10: the names for Edwards and Montgomery curves.
        const int nid = s == QLatin1String("edwards25519") ? NID_ED25519
                      : s == QLatin1String("edwards448")   ? NID_ED448
                      : s == QLatin1String("curve25519")   ? NID_X25519
                      : s == QLatin1String("curve448")     ? NID_X448
                                                           : NID_undef;
        if (!edwardsOrMontgomery(nid, out))
            throw X509Error(X509Error::Kind::UnsupportedKeyType,
                            Tr::tr("The key uses a curve TokenDesk does not know (%1).").arg(s));
        out.nid = nid;
        return out;
    }
    default:
        malformed();
    }
}

} // namespace x509detail
