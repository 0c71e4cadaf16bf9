// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/custodianshare.h"

#include <cstring>
#include <string_view>

#include "dkek/dkekerror.h"
#include "dkek/passwordsharing.h"
#include "ossl/owned_p.h"

#include <QCoreApplication>

#include <openssl/bn.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DkekError)
};

int hexDigit(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isSeparator(unsigned char c)
{
    return c == ':' || c == ' ' || c == '\t' || c == '-' || c == '\r' || c == '\n';
}

// Hex with optional colon/space separators (each group then one or two digits,
// as sc-hsm-tool prints them) or one run of digits (an odd count gets a leading 0).
// Leading zero bytes are dropped, as BN_bin2bn would. nullopt on anything else.
std::optional<SecureBytes> parseHexNumber(const unsigned char *p, std::size_t n)
{
    std::size_t b = 0, e = n;
    while (b < e && isSeparator(p[b]) && p[b] != ':')
        ++b;
    while (e > b && isSeparator(p[e - 1]) && p[e - 1] != ':')
        --e;
    if (e - b >= 2 && p[b] == '0' && (p[b + 1] == 'x' || p[b + 1] == 'X'))
        b += 2;
    if (b == e)
        return std::nullopt;

    SecureBytes digits(e - b); // hex digits only, separators replaced by group boundaries
    std::vector<std::size_t> groupLengths;
    std::size_t nd = 0, run = 0;
    for (std::size_t i = b; i < e; ++i) {
        if (isSeparator(p[i])) {
            if (run == 0)
                continue; // "ff: 0e" - a run of separators is one boundary
            groupLengths.push_back(run);
            run = 0;
            continue;
        }
        const int d = hexDigit(p[i]);
        if (d < 0)
            return std::nullopt;
        digits.data()[nd++] = static_cast<unsigned char>(d);
        ++run;
    }
    if (run == 0)
        return std::nullopt;
    groupLengths.push_back(run);

    SecureBytes bytes(nd); // upper bound
    std::size_t nb = 0, pos = 0;
    const bool bytePerGroup = groupLengths.size() > 1
        && std::all_of(groupLengths.begin(), groupLengths.end(), [](std::size_t l) { return l <= 2; });
    // Longer groups must each be whole bytes: "fff:e:2e" or "ff:e:2e17" mixes both forms,
    // and reading it either way would silently give a number the custodian did not write.
    if (!bytePerGroup && groupLengths.size() > 1
        && !std::all_of(groupLengths.begin(), groupLengths.end(), [](std::size_t l) { return l % 2 == 0; }))
        return std::nullopt;
    if (!bytePerGroup) { // "e6fb13da…" or "e6fb 13da …": one run of digits
        std::size_t i = 0;
        if (nd % 2) {
            bytes.data()[nb++] = digits.data()[0];
            i = 1;
        }
        for (; i < nd; i += 2)
            bytes.data()[nb++] = static_cast<unsigned char>(digits.data()[i] << 4 | digits.data()[i + 1]);
    } else {
        for (std::size_t len : groupLengths) {
            bytes.data()[nb++] = static_cast<unsigned char>(
                len == 2 ? (digits.data()[pos] << 4 | digits.data()[pos + 1]) : digits.data()[pos]);
            pos += len;
        }
    }
    std::size_t skip = 0;
    while (skip < nb && bytes.data()[skip] == 0)
        ++skip;
    return SecureBytes(bytes.data() + skip, nb - skip);
}

std::optional<quint32> parseId(QStringView text)
{
    const QString t = text.trimmed().toString();
    bool ok = false;
    quint32 v = 0;
    if (t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        v = t.mid(2).toUInt(&ok, 16);
    else if (!t.isEmpty() && std::all_of(t.begin(), t.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        v = t.toUInt(&ok, 10); // as printed; 1-9 read the same in hex, which sc-hsm-tool uses
    else
        v = t.toUInt(&ok, 16); // "a", "0f": a custodian who knows sc-hsm-tool reads IDs as hex
    if (!ok || v < 1 || v > 255)
        return std::nullopt;
    return v;
}

// Checks that a parsed prime is one (a mistyped prime almost never is).
void checkPrime(const QByteArray &prime)
{
    ossl::Owned<BIGNUM> p(BN_bin2bn(reinterpret_cast<const unsigned char *>(prime.constData()),
                                    int(prime.size()), nullptr));
    ossl::Owned<BN_CTX> ctx(BN_CTX_new());
    if (!p || !ctx)
        throw DkekError::cryptoFailure("BN_bin2bn");
    if (BN_num_bits(p.get()) < 9)
        throw DkekError::invalidCustodianShare(Tr::tr("The prime is too small; it has been mistyped."));
    const int r = BN_check_prime(p.get(), ctx.get(), nullptr);
    if (r < 0)
        throw DkekError::cryptoFailure("BN_check_prime");
    if (r == 0)
        throw DkekError::invalidCustodianShare(Tr::tr("The prime is not a prime number; it has been mistyped."));
}

int compareBigEndian(const unsigned char *a, std::size_t na, const unsigned char *b, std::size_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    for (std::size_t i = 0; i < na; ++i)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

} // namespace

CustodianShare::CustodianShare(QByteArray prime, quint32 id, SecureBytes value)
    : m_prime(std::move(prime)), m_id(id), m_value(std::move(value))
{
}

std::size_t CustodianShare::colonHexSize(std::size_t size)
{
    return size == 0 ? 2 : size * 3 - 1;
}

void CustodianShare::writeColonHex(const unsigned char *data, std::size_t size, char *out)
{
    static const char digits[] = "0123456789abcdef";
    if (size == 0) {
        out[0] = out[1] = '0';
        return;
    }
    for (std::size_t i = 0; i < size; ++i) {
        if (i)
            *out++ = ':';
        *out++ = digits[data[i] >> 4];
        *out++ = digits[data[i] & 0xf];
    }
}

QString CustodianShare::colonHex(const unsigned char *data, std::size_t size)
{
    QByteArray text(qsizetype(colonHexSize(size)), Qt::Uninitialized);
    writeColonHex(data, size, text.data());
    return QString::fromLatin1(text);
}

QString CustodianShare::primeText() const
{
    return colonHex(reinterpret_cast<const unsigned char *>(m_prime.constData()), std::size_t(m_prime.size()));
}

QString CustodianShare::idText() const
{
    return QString::number(m_id);
}

SecureBytes CustodianShare::printedForm() const
{
    static constexpr std::string_view kPrime = "Prime       : ";
    static constexpr std::string_view kId = "\nShare ID    : ";
    static constexpr std::string_view kValue = "\nShare value : ";
    const QByteArray id = QByteArray::number(m_id);
    const auto *prime = reinterpret_cast<const unsigned char *>(m_prime.constData());
    const std::size_t primeSize = colonHexSize(std::size_t(m_prime.size()));
    const std::size_t valueSize = colonHexSize(m_value.size());
    SecureBytes out(kPrime.size() + primeSize + kId.size() + std::size_t(id.size()) + kValue.size() + valueSize);
    char *p = reinterpret_cast<char *>(out.data());
    auto put = [&p](std::string_view s) {
        std::memcpy(p, s.data(), s.size());
        p += s.size();
    };
    put(kPrime);
    writeColonHex(prime, std::size_t(m_prime.size()), p);
    p += primeSize;
    put(kId);
    put(std::string_view(id.constData(), std::size_t(id.size())));
    put(kValue);
    writeColonHex(m_value.data(), m_value.size(), p);
    return out;
}

CustodianShare CustodianShare::parse(QStringView primeText, QStringView idText, const SecureBytes &valueText)
{
    const QByteArray primeLatin1 = primeText.toLatin1();
    const auto prime = parseHexNumber(reinterpret_cast<const unsigned char *>(primeLatin1.constData()),
                                      std::size_t(primeLatin1.size()));
    if (!prime || prime->empty())
        throw DkekError::invalidCustodianShare(
            Tr::tr("The prime is not a hexadecimal number like ff:0e:2e:17:8f:74:6c:cb."));
    // sc-hsm-tool's primes have 64 bits; a longer one is mistyped or hostile, and testing
    // a real prime of thousands of bits keeps the worker busy for seconds to minutes.
    if (prime->size() > std::size_t(PasswordSharing::kPrimeBits / 8))
        throw DkekError::invalidCustodianShare(
            Tr::tr("The prime has more than %1 bits; it has been mistyped.").arg(PasswordSharing::kPrimeBits));
    const QByteArray primeBytes(reinterpret_cast<const char *>(prime->data()), qsizetype(prime->size()));
    checkPrime(primeBytes);

    const auto id = parseId(idText);
    if (!id)
        throw DkekError::invalidCustodianShare(Tr::tr("The share ID must be a number from 1 to 255."));

    auto value = parseHexNumber(valueText.data(), valueText.size());
    if (!value)
        throw DkekError::invalidCustodianShare(
            Tr::tr("The share value is not a hexadecimal number like e6:fb:13:da:9e:fd:45:07."));
    if (compareBigEndian(value->data(), value->size(), prime->data(), prime->size()) >= 0)
        throw DkekError::invalidCustodianShare(
            Tr::tr("The share value is larger than the prime: it has been mistyped, or it belongs to another prime."));
    return CustodianShare(primeBytes, *id, std::move(*value));
}

std::vector<CustodianShare> CustodianShare::parsePrinted(const SecureBytes &text)
{
    // Line by line over the secret bytes, so no QString ever holds a share value.
    std::vector<CustodianShare> result;
    QString prime, id;
    const unsigned char *p = text.data();
    const std::size_t n = text.size();
    std::size_t lineStart = 0;
    while (lineStart < n) {
        std::size_t lineEnd = lineStart;
        while (lineEnd < n && p[lineEnd] != '\n')
            ++lineEnd;
        std::size_t colon = lineStart;
        while (colon < lineEnd && p[colon] != ':')
            ++colon;
        if (colon < lineEnd) {
            const QString key = QString::fromLatin1(reinterpret_cast<const char *>(p + lineStart),
                                                    qsizetype(colon - lineStart))
                                    .simplified()
                                    .toLower();
            const std::size_t valueStart = colon + 1;
            if (key == QLatin1String("prime")) {
                prime = QString::fromLatin1(reinterpret_cast<const char *>(p + valueStart),
                                            qsizetype(lineEnd - valueStart));
            } else if (key == QLatin1String("share id")) {
                id = QString::fromLatin1(reinterpret_cast<const char *>(p + valueStart),
                                         qsizetype(lineEnd - valueStart));
            } else if (key == QLatin1String("share value")) {
                if (prime.isEmpty() || id.isEmpty())
                    throw DkekError::invalidCustodianShare(
                        Tr::tr("Each share value needs a prime and a share ID before it."));
                SecureBytes value(p + valueStart, lineEnd - valueStart);
                result.push_back(parse(prime, id, value));
                id.clear();
            }
        }
        lineStart = lineEnd + 1;
    }
    if (result.empty())
        throw DkekError::invalidCustodianShare(Tr::tr("No \u201cShare value\u201d line was found."));
    return result;
}
