// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/treenode.h"

bool TreeNode::ObjectEntry::sameAs(const ObjectEntry &o) const
{
    return object.cls == o.object.cls && object.id == o.object.id && object.label == o.object.label
        && object.uri == o.object.uri && object.attrs.values() == o.object.attrs.values()
        && pairing.state == o.pairing.state && pairing.partnerKey == o.pairing.partnerKey
        && pairing.partnerLabel == o.pairing.partnerLabel && certificate == o.certificate
        && certificateError == o.certificateError;
}

TreeNode *TreeNode::child(const QString &childKey) const
{
    for (const auto &c : children)
        if (c->key == childKey)
            return c.get();
    return nullptr;
}

const TreeNode *TreeNode::ancestor(Kind k) const
{
    for (const TreeNode *n = this; n; n = n->parent)
        if (n->kind == k)
            return n;
    return nullptr;
}

void TreeNode::renumber(std::size_t from)
{
    for (std::size_t i = from; i < children.size(); ++i)
        children[i]->m_row = int(i);
}
