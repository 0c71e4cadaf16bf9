// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/subjectname.h"

#include "keys/ossl_p.h"

#include <QList>

#include <utility>

using namespace keysdetail;

namespace {
struct Field {
    int nid;
    const char *shortName;
    QString value;
};

QList<Field> fields(const SubjectName &n)
{
    QList<Field> all{{NID_countryName, "C", n.country.trimmed()},
                     {NID_stateOrProvinceName, "ST", n.state.trimmed()},
                     {NID_localityName, "L", n.locality.trimmed()},
                     {NID_organizationName, "O", n.organization.trimmed()},
                     {NID_organizationalUnitName, "OU", n.organizationalUnit.trimmed()},
                     {NID_commonName, "CN", n.commonName.trimmed()},
                     {NID_pkcs9_emailAddress, "emailAddress", n.emailAddress.trimmed()}};
    QList<Field> out;
    for (Field &f : all)
        if (!f.value.isEmpty())
            out.append(std::move(f));
    return out;
}

Owned<X509_NAME> build(const SubjectName &n)
{
    Owned<X509_NAME> name(X509_NAME_new());
    if (!name)
        opensslFailed("X509_NAME_new");
    for (const Field &f : fields(n)) {
        const QByteArray utf8 = f.value.toUtf8();
        // MBSTRING_UTF8: OpenSSL picks the string type per attribute (PrintableString
        // for C, IA5String for emailAddress, UTF8String otherwise), as RFC 5280 asks.
        ensure(X509_NAME_add_entry_by_NID(name.get(), f.nid, MBSTRING_UTF8, bytes(utf8), int(utf8.size()), -1, 0),
               f.shortName);
    }
    return name;
}
} // namespace

bool SubjectName::isEmpty() const { return fields(*this).isEmpty(); }

QByteArray SubjectName::der() const { return toDer(build(*this).get(), i2d_X509_NAME); }

QString SubjectName::rfc4514() const
{
    Owned<X509_NAME> name = build(*this);
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name.get(), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        opensslFailed("X509_NAME_print_ex");
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, len);
}

QString SubjectName::openssl() const
{
    QString out;
    for (const Field &f : fields(*this)) {
        QString v = f.value;
        v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        for (const char c : {'/', '+', '='})
            v.replace(QLatin1Char(c), QString(QLatin1Char('\\')) + QLatin1Char(c));
        out += QLatin1Char('/') + QLatin1String(f.shortName) + QLatin1Char('=') + v;
    }
    return out.isEmpty() ? QStringLiteral("/") : out;
}
