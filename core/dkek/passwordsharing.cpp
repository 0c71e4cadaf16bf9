// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/passwordsharing.h"

#include "dkek/dkekerror.h"
#include "ossl/owned_p.h"

#include <QCoreApplication>

#include <openssl/bn.h>

#include <cstring>
#include <memory>
#include <set>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DkekError)
};

using Bn = ossl::Owned<BIGNUM>;
using BnCtx = ossl::Owned<BN_CTX>;

Bn secureBn()
{
    Bn b(BN_secure_new());
    if (!b)
        throw DkekError::cryptoFailure("BN_secure_new");
    return b;
}

BnCtx secureCtx()
{
    BnCtx c(BN_CTX_secure_new());
    if (!c)
        throw DkekError::cryptoFailure("BN_CTX_secure_new");
    return c;
}

Bn fromBytes(const unsigned char *data, std::size_t n)
{
    Bn b = secureBn();
    if (!BN_bin2bn(data, int(n), b.get()))
        throw DkekError::cryptoFailure("BN_bin2bn");
    return b;
}

Bn fromBytes(const QByteArray &a)
{
    return fromBytes(reinterpret_cast<const unsigned char *>(a.constData()), std::size_t(a.size()));
}

SecureBytes toBytes(const BIGNUM *b)
{
    SecureBytes out(std::size_t(BN_num_bytes(b)));
    if (out.size() && BN_bn2bin(b, out.data()) != int(out.size()))
        throw DkekError::cryptoFailure("BN_bn2bin");
    return out;
}

// Uniform in [0, p), from the caller's random source (rejection sampling).
Bn randomBelow(const BIGNUM *p, RandomSource &rng)
{
    const int bytes = BN_num_bytes(p);
    const int topBits = BN_num_bits(p) % 8;
    SecureBytes buf{static_cast<std::size_t>(bytes)};
    for (;;) {
        rng.fill(buf.data(), buf.size());
        if (topBits)
            buf.data()[0] &= static_cast<unsigned char>((1u << topBits) - 1);
        Bn r = fromBytes(buf.data(), buf.size());
        if (BN_cmp(r.get(), p) < 0)
            return r;
    }
}

void check(int ok, const char *what)
{
    if (ok != 1)
        throw DkekError::cryptoFailure(what);
}

} // namespace

QString PasswordSharing::checkCounts(int threshold, int total)
{
    if (total < kMinTotal || total > kMaxTotal)
        return QCoreApplication::translate("DkekError", "The number of key custodians must be from %1 to %2.")
            .arg(kMinTotal)
            .arg(kMaxTotal);
    if (threshold < kMinThreshold || threshold > total)
        return QCoreApplication::translate("DkekError",
                                           "The number of custodians needed must be from %1 to %2 (all of them).")
            .arg(kMinThreshold)
            .arg(total);
    return {};
}

SharedPassword PasswordSharing::generate(int threshold, int total, RandomSource &rng)
{
    const QString problem = checkCounts(threshold, total);
    if (!problem.isEmpty())
        throw DkekError::invalidParameters(problem);

    SharedPassword result;
    result.threshold = threshold;
    result.password = SecureBytes(kPasswordSize);
    do {
        rng.fill(result.password.data(), result.password.size());
        // Top bit cleared as sc-hsm-tool does (the secret must stay below the 64-bit prime);
        // a zero first byte is drawn again, because sc-hsm-tool would re-import such a
        // password without it and fail to open its own file.
        result.password.data()[0] &= 0x7f;
    } while (result.password.data()[0] == 0);
    result.shares = split(result.password, threshold, total, rng);
    return result;
}

std::vector<CustodianShare> PasswordSharing::split(const SecureBytes &secretBytes, int threshold, int total,
                                                  RandomSource &rng)
{
    if (threshold < 2 || threshold > total || total > 255)
        throw DkekError::invalidParameters(checkCounts(threshold, total));
    if (secretBytes.empty() || secretBytes.size() > CK_ULONG(kPasswordSize))
        throw DkekError::invalidParameters(Tr::tr("The password to split must have from 1 to 8 bytes."));

    BnCtx ctx = secureCtx();
    Bn secret = fromBytes(secretBytes.data(), secretBytes.size());

    // A fresh 64-bit safe prime, as sc-hsm-tool uses; it is public and printed on every share.
    Bn prime(BN_new());
    if (!prime)
        throw DkekError::cryptoFailure("BN_new");
    int tries = 0;
    do {
        check(BN_generate_prime_ex2(prime.get(), kPrimeBits, 1, nullptr, nullptr, nullptr, ctx.get()),
              "BN_generate_prime_ex2");
        if (++tries > 1000)
            throw DkekError::cryptoFailure("prime larger than the secret");
    } while (BN_cmp(prime.get(), secret.get()) <= 0);
    SecureBytes primeBytes = toBytes(prime.get());
    const QByteArray primeArray(reinterpret_cast<const char *>(primeBytes.data()), qsizetype(primeBytes.size()));

    std::vector<Bn> coefficients;
    coefficients.push_back(std::move(secret));
    for (int i = 1; i < threshold; ++i)
        coefficients.push_back(randomBelow(prime.get(), rng));

    std::vector<CustodianShare> shares;
    Bn x = secureBn(), y = secureBn();
    for (int id = 1; id <= total; ++id) {
        check(BN_set_word(x.get(), static_cast<BN_ULONG>(id)), "BN_set_word");
        // Horner: y = (((a[t-1]) x + a[t-2]) x + …) x + a[0]  (mod p)
        if (!BN_copy(y.get(), coefficients.back().get()))
            throw DkekError::cryptoFailure("BN_copy");
        for (int k = threshold - 2; k >= 0; --k) {
            check(BN_mod_mul(y.get(), y.get(), x.get(), prime.get(), ctx.get()), "BN_mod_mul");
            check(BN_mod_add(y.get(), y.get(), coefficients[std::size_t(k)].get(), prime.get(), ctx.get()),
                  "BN_mod_add");
        }
        shares.emplace_back(primeArray, quint32(id), toBytes(y.get()));
    }
    return shares;
}

SecureBytes PasswordSharing::reconstruct(const std::vector<const CustodianShare *> &shares)
{
    if (shares.size() < 2)
        throw DkekError::invalidCustodianShare(Tr::tr("At least two custodian shares are needed."));
    const QByteArray &primeBytes = shares.front()->prime();
    std::set<quint32> ids;
    for (const CustodianShare *s : shares) {
        if (s->prime() != primeBytes)
            throw DkekError::invalidCustodianShare(
                Tr::tr("The shares show different primes; all shares of one password have the same prime."));
        if (!ids.insert(s->id()).second)
            throw DkekError::invalidCustodianShare(
                Tr::tr("Share ID %1 was entered twice; each custodian's share has its own ID.").arg(s->id()));
    }

    BnCtx ctx = secureCtx();
    Bn prime = fromBytes(primeBytes);
    Bn secret = secureBn(), num = secureBn(), den = secureBn(), diff = secureBn(), term = secureBn();
    Bn xi = secureBn(), xj = secureBn();
    BN_zero(secret.get());

    // s = sum_i y_i * prod_{j != i} x_j / (x_j - x_i)   (mod p)
    for (std::size_t i = 0; i < shares.size(); ++i) {
        check(BN_one(num.get()), "BN_one");
        check(BN_one(den.get()), "BN_one");
        check(BN_set_word(xi.get(), shares[i]->id()), "BN_set_word");
        for (std::size_t j = 0; j < shares.size(); ++j) {
            if (i == j)
                continue;
            check(BN_set_word(xj.get(), shares[j]->id()), "BN_set_word");
            check(BN_mod_mul(num.get(), num.get(), xj.get(), prime.get(), ctx.get()), "BN_mod_mul");
            check(BN_mod_sub(diff.get(), xj.get(), xi.get(), prime.get(), ctx.get()), "BN_mod_sub");
            check(BN_mod_mul(den.get(), den.get(), diff.get(), prime.get(), ctx.get()), "BN_mod_mul");
        }
        if (!BN_mod_inverse(den.get(), den.get(), prime.get(), ctx.get()))
            throw DkekError::invalidCustodianShare(Tr::tr("The prime is not a prime number; it has been mistyped."));
        Bn y = fromBytes(shares[i]->value().data(), shares[i]->value().size());
        check(BN_mod_mul(term.get(), y.get(), num.get(), prime.get(), ctx.get()), "BN_mod_mul");
        check(BN_mod_mul(term.get(), term.get(), den.get(), prime.get(), ctx.get()), "BN_mod_mul");
        check(BN_mod_add(secret.get(), secret.get(), term.get(), prime.get(), ctx.get()), "BN_mod_add");
    }
    return toBytes(secret.get());
}

std::vector<SecureBytes> PasswordSharing::passwordCandidates(const SecureBytes &reconstructed)
{
    std::vector<SecureBytes> candidates;
    if (reconstructed.size() < CK_ULONG(kPasswordSize)) {
        SecureBytes padded(kPasswordSize);
        const std::size_t offset = kPasswordSize - reconstructed.size();
        if (reconstructed.size())
            std::memcpy(padded.data() + offset, reconstructed.data(), reconstructed.size());
        candidates.push_back(std::move(padded));
    }
    candidates.push_back(reconstructed.clone());
    return candidates;
}
