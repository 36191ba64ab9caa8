package org.jcm.ledger.state;

import java.util.Locale;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.UnfreezeAccount;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;

/**
 * The rules of the four-eyes actions themselves, without the four-eyes guard: what a proposal is
 * checked against when it is made (with the proposer as actor) and when it is approved (with the
 * approver as actor). {@link #direct} is the guard for a four-eyes command submitted on its own:
 * refused with {@code approval_required} when the actor's role is the one that proposes it, so that
 * it never executes without a second subject.
 */
final class ActionRules implements ProposableAction.Visitor<Outcome> {

    private final LedgerData s;
    private final CommandContext ctx;

    ActionRules(LedgerData s, CommandContext ctx) {
        this.s = s;
        this.ctx = ctx;
    }

    /** The action's own rules on the state {@code s}, for {@code ctx.actor()} at {@code ctx.at()}. */
    static Outcome decide(LedgerData s, ProposableAction action, CommandContext ctx) {
        return action.acceptAction(new ActionRules(s, ctx));
    }

    /**
     * A four-eyes command submitted directly: {@code approval_required} when the actor has the
     * role that proposes it (a registry administrator's cancellation only for reason
     * {@code CORRECTION}); otherwise the action's own rules, which refuse every other role with
     * {@code forbidden_role} (an account holder's own cancellation stays a direct command).
     */
    static Outcome direct(LedgerData s, ProposableAction action, CommandContext ctx) {
        if (needsApproval(action, ctx.actor())) {
            return StateMachine.reject(Rejection.APPROVAL_REQUIRED, "a " + action.kind().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + " by a " + ctx.actor().role().wireName()
                    + " needs a second subject: propose it (ProposeAction) and have it approved");
        }
        return decide(s, action, ctx);
    }

    /** True when {@code action} by {@code actor} is a four-eyes action. */
    static boolean needsApproval(ProposableAction action, Actor actor) {
        if (actor.role() != action.kind().role()) {
            return false;
        }
        return !(action instanceof CancelCredits c) || c.reason() == CancellationReason.CORRECTION;
    }

    @Override
    public Outcome visitIssueCredits(IssueCredits c) {
        return IssuanceRules.issue(s, c, ctx);
    }

    @Override
    public Outcome visitFreezeAccount(FreezeAccount c) {
        return ReferenceRules.freeze(s, c, ctx);
    }

    @Override
    public Outcome visitUnfreezeAccount(UnfreezeAccount c) {
        return ReferenceRules.unfreeze(s, c, ctx);
    }

    @Override
    public Outcome visitCancelCredits(CancelCredits c) {
        return MovementRules.cancel(s, c, ctx);
    }

    @Override
    public Outcome visitAuthorizeUnits(AuthorizeUnits c) {
        return Article6Rules.authorize(s, c, ctx);
    }

    @Override
    public Outcome visitAmendAuthorization(AmendAuthorization c) {
        return Article6Rules.amend(s, c, ctx);
    }

    @Override
    public Outcome visitRevokeAuthorization(RevokeAuthorization c) {
        return Article6Rules.revoke(s, c, ctx);
    }

    @Override
    public Outcome visitApplyCorrespondingAdjustment(ApplyCorrespondingAdjustment c) {
        return AdjustmentRules.adjust(s, c, ctx);
    }
}
