package org.jcm.ledger.command;

import java.util.List;
import org.jcm.ledger.id.AccountId;

/**
 * A command that needs four eyes: one subject proposes it ({@link ProposeAction}), another subject
 * of the same role and scope approves it ({@link ApproveProposal}), and only then does it execute.
 * Submitted directly, it is refused with {@code approval_required} when the actor's role is the
 * role that proposes it ({@link ProposalKind#role()}); a cancellation is such an action only for
 * reason {@code CORRECTION} (account holders still cancel their own units directly).
 *
 * <p>Sealed, with its own visitor, so that the compiler lists every place that tells the eight
 * actions apart (their kind, their JSON codec) when one is added.
 */
public sealed interface ProposableAction extends Command
        permits IssueCredits, FreezeAccount, UnfreezeAccount, CancelCredits, AuthorizeUnits, AmendAuthorization,
        RevokeAuthorization, ApplyCorrespondingAdjustment {

    /** Dispatches on the action type to the matching {@code visit} method of {@code visitor}. */
    <R> R acceptAction(Visitor<R> visitor);

    /** What kind of four-eyes action this is (and so which role proposes and approves it). */
    default ProposalKind kind() {
        return acceptAction(ProposalKind.OF_ACTION);
    }

    /** The holding accounts the action names (issued into, frozen, unfrozen, cancelled from); none for Article 6.2 actions. */
    default List<AccountId> accountIds() {
        return acceptAction(ActionAccounts.INSTANCE);
    }

    /**
     * One method per action record and no default methods.
     *
     * @param <R> what the visit returns
     */
    interface Visitor<R> {
        R visitIssueCredits(IssueCredits action);

        R visitFreezeAccount(FreezeAccount action);

        R visitUnfreezeAccount(UnfreezeAccount action);

        R visitCancelCredits(CancelCredits action);

        R visitAuthorizeUnits(AuthorizeUnits action);

        R visitAmendAuthorization(AmendAuthorization action);

        R visitRevokeAuthorization(RevokeAuthorization action);

        R visitApplyCorrespondingAdjustment(ApplyCorrespondingAdjustment action);
    }
}
