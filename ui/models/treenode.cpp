// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/treenode.h"

int TreeNode::row() const
{
    if (!parent)
        return 0;
    for (std::size_t i = 0; i < parent->children.size(); ++i)
        if (parent->children[i].get() == this)
            return int(i);
    return 0;
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
