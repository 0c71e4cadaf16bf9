// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/csr/csrkeychoice.h"

#include "inventory/objectfacts.h"

std::vector<CsrKeyChoice> CsrKeyChoice::fromObjects(const std::vector<ObjectInfo> &objects)
{
    std::vector<CsrKeyChoice> out;
    for (const ObjectInfo &o : objects) {
        if (o.cls != CKO_PRIVATE_KEY)
            continue;
        CsrKeyChoice c;
        c.id = o.id;
        c.label = o.labelText();
        c.description = ObjectFacts::keyDescription(o);
        switch (o.attrs.ulong(CKA_KEY_TYPE).value_or(CKK_RSA)) {
        case CKK_EC: c.algorithm = PublicKey::Algorithm::Ec; break;
        case CKK_EC_EDWARDS: c.algorithm = PublicKey::Algorithm::Ed25519; break;
        default: c.algorithm = PublicKey::Algorithm::Rsa; break;
        }
        c.alwaysAuthenticate = o.attrs.boolean(CKA_ALWAYS_AUTHENTICATE).value_or(false);
        out.push_back(c);
    }
    return out;
}
