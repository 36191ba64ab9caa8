package org.jcm.ledger.command;

import java.util.ArrayList;
import java.util.List;
import org.jcm.ledger.id.AccountId;

/**
 * The holding accounts a four-eyes action names (issued into, frozen, unfrozen, cancelled from);
 * Article 6.2 actions name units, not accounts. What indexes a proposal under the accounts it
 * concerns, so that an account's history shows a pending action on it.
 */
final class ActionAccounts implements ProposableAction.Visitor<List<AccountId>> {

    static final ActionAccounts INSTANCE = new ActionAccounts();

    private ActionAccounts() {
    }

    @Override
    public List<AccountId> visitIssueCredits(IssueCredits action) {
        List<AccountId> accounts = new ArrayList<>(action.allocations().size());
        for (Allocation a : action.allocations()) {
            accounts.add(a.accountId());
        }
        return accounts;
    }

    @Override
    public List<AccountId> visitFreezeAccount(FreezeAccount action) {
        return List.of(action.accountId());
    }

    @Override
    public List<AccountId> visitUnfreezeAccount(UnfreezeAccount action) {
        return List.of(action.accountId());
    }

    @Override
    public List<AccountId> visitCancelCredits(CancelCredits action) {
        return List.of(action.fromAccountId());
    }

    @Override
    public List<AccountId> visitAuthorizeUnits(AuthorizeUnits action) {
        return List.of(); // names units (an issuance or serial ranges), not accounts
    }

    @Override
    public List<AccountId> visitAmendAuthorization(AmendAuthorization action) {
        return List.of(); // names an authorization and units, not accounts
    }

    @Override
    public List<AccountId> visitRevokeAuthorization(RevokeAuthorization action) {
        return List.of(); // names an authorization, not accounts
    }

    @Override
    public List<AccountId> visitApplyCorrespondingAdjustment(ApplyCorrespondingAdjustment action) {
        return List.of(); // names units, not accounts
    }
}
