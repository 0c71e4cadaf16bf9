// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to core: an owner for p11-kit's parsed URIs (core/p11/uri.cpp formats them,
// core/workstation/keylocator.cpp parses what the user or a configuration names).

#include <p11-kit/uri.h>

#include <memory>

struct P11KitUriFree {
    void operator()(P11KitUri *u) const noexcept { p11_kit_uri_free(u); }
};
using P11KitUriPtr = std::unique_ptr<P11KitUri, P11KitUriFree>;
