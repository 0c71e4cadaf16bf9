// SPDX-License-Identifier: GPL-3.0-or-later
// Never compiled: the call the ui_no_session check must catch.
void start(Inventory &inventory, const TokenRef &token)
{
    inventory.withSession<int>(token, [](QPromise<int> &p, Session &, const CK_TOKEN_INFO &) { p.addResult(1); });
}
