// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <openssl/crypto.h>

#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

// The only type that may hold a PIN, SO-PIN, password or share. Move-only;
// wipes itself on destruction, on move-assignment and on wipe(). Deliberately
// has no QDebug operator and no conversion to QString.
class SecureBytes {
public:
    explicit SecureBytes(std::size_t n = 0) : m_buf(n) {}
    SecureBytes(const void *data, std::size_t n) : m_buf(n)
    {
        if (n)
            std::memcpy(m_buf.data(), data, n);
    }
    static SecureBytes fromUtf8(std::string_view s) { return SecureBytes(s.data(), s.size()); }
    SecureBytes(SecureBytes &&o) noexcept : m_buf(std::move(o.m_buf)) { o.m_buf.clear(); }
    SecureBytes &operator=(SecureBytes &&o) noexcept
    {
        if (this != &o) {
            wipe();
            m_buf = std::move(o.m_buf);
            o.m_buf.clear();
        }
        return *this;
    }
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;
    ~SecureBytes() { wipe(); }

    void wipe() noexcept
    {
        if (!m_buf.empty())
            OPENSSL_cleanse(m_buf.data(), m_buf.size());
        m_buf.clear();
    }
    // Grows without leaving an unwiped copy behind (std::vector would reallocate silently).
    void append(const void *data, std::size_t n)
    {
        std::vector<CK_UTF8CHAR> bigger(m_buf.size() + n);
        if (!m_buf.empty())
            std::memcpy(bigger.data(), m_buf.data(), m_buf.size());
        if (n)
            std::memcpy(bigger.data() + m_buf.size(), data, n);
        wipe();
        m_buf = std::move(bigger);
    }
    SecureBytes clone() const { return SecureBytes(m_buf.data(), m_buf.size()); }

    CK_UTF8CHAR_PTR data() noexcept { return m_buf.data(); }
    const CK_UTF8CHAR *data() const noexcept { return m_buf.data(); }
    CK_ULONG size() const noexcept { return CK_ULONG(m_buf.size()); }
    bool empty() const noexcept { return m_buf.empty(); }
    bool operator==(const SecureBytes &o) const noexcept
    {
        return m_buf.size() == o.m_buf.size() && CRYPTO_memcmp(m_buf.data(), o.m_buf.data(), m_buf.size()) == 0;
    }

private:
    std::vector<CK_UTF8CHAR> m_buf;
};
