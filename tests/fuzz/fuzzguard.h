// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <exception>

namespace fuzz {
// Runs one parser call on hostile input: a result or one of our exceptions (all derive
// from std::exception) is fine; anything else (a crash, a sanitizer report) is the finding.
template <typename F> void guarded(F f)
{
    try {
        f();
    } catch (const std::exception &) {
    }
}
} // namespace fuzz
