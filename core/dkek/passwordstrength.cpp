// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/passwordstrength.h"

#include <QCoreApplication>

#include <cmath>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(PasswordStrength)
};
} // namespace

PasswordStrength PasswordStrength::estimate(const SecureBytes &utf8)
{
    bool lower = false, upper = false, digit = false, symbol = false, nonAscii = false;
    int chars = 0, repeats = 0;
    unsigned char prev = 0;
    for (CK_ULONG i = 0; i < utf8.size(); ++i) {
        const unsigned char c = utf8.data()[i];
        if ((c & 0xc0) == 0x80)
            continue; // UTF-8 continuation byte: part of the previous character
        ++chars;
        if (chars > 1 && (c == prev || c == prev + 1 || c + 1 == prev))
            ++repeats; // "aaaa", "1234", "dcba" add little
        prev = c;
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else if (c < 0x80)
            symbol = true;
        else
            nonAscii = true;
    }

    int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (nonAscii ? 100 : 0);
    PasswordStrength s;
    const int effective = chars - repeats / 2;
    s.bits = pool > 1 ? int(std::floor(effective * std::log2(double(pool)))) : 0;

    if (chars < kMinLength) {
        s.level = Level::TooShort;
        s.hint = Tr::tr("Too short: use at least %1 characters; more than 10 is recommended.").arg(kMinLength);
    } else if (s.bits < 50) {
        s.level = Level::Weak;
        s.hint = Tr::tr("Weak: someone with the file could guess this. Make it longer and mix letters, digits and symbols.");
    } else if (s.bits < 80) {
        s.level = Level::Fair;
        s.hint = Tr::tr("Fair: a few more characters or words would make it strong.");
    } else {
        s.level = Level::Strong;
        s.hint = Tr::tr("Strong.");
    }
    return s;
}
