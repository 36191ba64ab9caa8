package org.jcm.ledger.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.ExpireProposals;
import org.jcm.ledger.command.ProcessDueTransfers;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.RejectProposal;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.ProposalRejected;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.jcm.ledger.serial.UnitRange;

/**
 * The rules of proposals (four eyes): making one (the action's own rules with the proposer as
 * actor, then {@code ProposalMade}), approving it (the action decided again on the state of the
 * moment with the approver as actor: {@code ProposalApproved} and the action's events in one
 * outcome), rejecting or withdrawing it, and expiring the due ones. The checks of approval and
 * rejection run in the precedence order of {@link Rejection}: the role (one that proposes at all),
 * the proposal's existence, the scope (the proposer's role and scope), the subject (approval only:
 * not the proposer), the proposal's state (pending, not expired).
 */
final class ProposalRules {

    /** The most serial ranges a command names: a cancellation's reserved units become its ranges when approved. */
    static final int MAX_RESERVED_RANGES = 1000;

    private ProposalRules() {
    }

    static Outcome propose(LedgerData s, ProposeAction c, CommandContext ctx) {
        ProposableAction action = c.action();
        Role role = action.kind().role();
        if (ctx.actor().role() != role) {
            return StateMachine.reject(Rejection.FORBIDDEN_ROLE, "role " + ctx.actor().role().wireName()
                    + " may not propose a " + describe(action) + "; it needs " + role.wireName());
        }
        Outcome decided = ActionRules.decide(s, action, ctx);
        if (decided instanceof Outcome.Rejected rejected) {
            return rejected;
        }
        List<BlockRange> reserved = List.of();
        if (action instanceof CancelCredits) {
            reserved = ((CreditsCancelled) ((Outcome.Accepted) decided).events().get(0)).ranges();
            if (serials(s, reserved).size() > MAX_RESERVED_RANGES) {
                return StateMachine.reject(Rejection.INSUFFICIENT_UNITS, "the units selected lie in more than "
                        + MAX_RESERVED_RANGES + " separate ranges; name fewer units or their serial ranges");
            }
        }
        ProposalId id = ProposalId.of(s.proposals.size() + 1L);
        Instant expiresAt = ctx.at().plus(s.config.proposalTimeout());
        return StateMachine.accept(new ProposalMade(s.nextSeq, ctx.at(), ctx.actor(), id, action.kind(), action, expiresAt,
                reserved));
    }

    static Outcome approve(LedgerData s, ApproveProposal c, CommandContext ctx) {
        Outcome.Rejected r = check(s, c.proposalId(), ctx, true);
        if (r != null) {
            return r;
        }
        Proposal p = s.proposals.get(c.proposalId());
        // The action's events follow the approval event: decide them one sequence number further.
        // Deciding changes nothing else, and the number is restored before anything reads it again.
        // A cancellation for correction names exactly the units reserved for it, which only its own
        // approval may select.
        Outcome decided;
        s.nextSeq++;
        s.executing = p.id();
        try {
            decided = ActionRules.decide(s, executed(s, p), ctx);
        } finally {
            s.nextSeq--;
            s.executing = null;
        }
        if (decided instanceof Outcome.Rejected rejected) {
            return rejected;
        }
        List<LedgerEvent> events = new ArrayList<>();
        events.add(new ProposalApproved(s.nextSeq, ctx.at(), ctx.actor(), p.id(), p.proposer()));
        events.addAll(((Outcome.Accepted) decided).events());
        return new Outcome.Accepted(events);
    }

    static Outcome reject(LedgerData s, RejectProposal c, CommandContext ctx) {
        Outcome.Rejected r = check(s, c.proposalId(), ctx, false);
        if (r != null) {
            return r;
        }
        Proposal p = s.proposals.get(c.proposalId());
        return StateMachine.accept(new ProposalRejected(s.nextSeq, ctx.at(), ctx.actor(), p.id(), p.proposer(), c.reason()));
    }

    /** One {@code ProposalExpired} per pending proposal due at {@code ctx.at()}, by id; none when nothing is due. */
    static Outcome expire(LedgerData s, ExpireProposals c, CommandContext ctx) {
        Actor actor = ctx.actor();
        if (actor.role() != Role.OPERATOR || !ProcessDueTransfers.SYSTEM_SUBJECT.equals(actor.subject())) {
            return StateMachine.reject(Rejection.FORBIDDEN_ROLE, "only the writer (operator "
                    + ProcessDueTransfers.SYSTEM_SUBJECT + ") expires proposals");
        }
        List<LedgerEvent> events = new ArrayList<>();
        for (Proposal p : s.pendingProposals.values()) {
            if (!ctx.at().isBefore(p.expiresAt())) {
                events.add(new ProposalExpired(s.nextSeq + events.size(), ctx.at(), ctx.actor(), p.id(), p.proposer(),
                        p.expiresAt()));
            }
        }
        return new Outcome.Accepted(events);
    }

    /**
     * What an approval executes: the proposed action; for a cancellation for correction, exactly
     * the units it reserved, named by their serial ranges.
     */
    private static ProposableAction executed(LedgerData s, Proposal p) {
        if (p.action() instanceof CancelCredits c) {
            return new CancelCredits(c.fromAccountId(), Quantity.of(p.reservedQuantity()), serials(s, p.reserved()),
                    Optional.empty(), c.reason(), c.note());
        }
        return p.action();
    }

    /**
     * The ranges as block serials (naming the host of a range numbered in another host's line than
     * the project's first host's), adjacent ranges of one project, host and vintage joined.
     */
    static List<BlockSerial> serials(LedgerData s, List<BlockRange> ranges) {
        List<BlockSerial> out = new ArrayList<>();
        for (BlockRange range : ranges) {
            BlockSerial next = Units.serial(s, range);
            int last = out.size() - 1;
            if (last >= 0) {
                BlockSerial prev = out.get(last);
                if (prev.projectId().equals(next.projectId()) && prev.numberingHost().equals(next.numberingHost())
                        && prev.vintage().equals(next.vintage()) && prev.range().last() + 1 == next.range().first()) {
                    out.set(last, prev.withRange(UnitRange.of(prev.range().first(), next.range().last())));
                    continue;
                }
            }
            out.add(next);
        }
        return out;
    }

    /** The checks approving and rejecting share, in precedence order; null when they pass. */
    private static Outcome.Rejected check(LedgerData s, ProposalId id, CommandContext ctx, boolean approving) {
        Actor actor = ctx.actor();
        if (actor.role() != Role.REGISTRY_ADMIN && actor.role() != Role.GOVERNMENT) {
            return StateMachine.reject(Rejection.FORBIDDEN_ROLE, "role " + actor.role().wireName()
                    + " may not approve or reject proposals; registry-admin and government do, for their own proposals");
        }
        Proposal p = s.proposals.get(id);
        if (p == null) {
            return StateMachine.reject(Rejection.PROPOSAL_NOT_FOUND, "proposal " + id + " does not exist");
        }
        if (actor.role() != p.approverRole() || !actor.scope().equals(p.approverScope())) {
            return StateMachine.reject(Rejection.FORBIDDEN_SCOPE, "proposal " + id + " is for a " + p.approverRole().wireName()
                    + " of " + p.approverScope() + ", outside the actor's scope " + actor.role().wireName() + " " + actor.scope());
        }
        if (approving && actor.subject().equals(p.proposer().subject())) {
            return StateMachine.reject(Rejection.APPROVAL_BY_PROPOSER, "proposal " + id + " was made by " + actor.subject()
                    + "; another subject must approve it (the proposer may withdraw it by rejecting it)");
        }
        if (!p.isPending()) {
            return StateMachine.reject(Rejection.PROPOSAL_NOT_PENDING, "proposal " + id + " was already "
                    + p.status().name().toLowerCase(Locale.ROOT));
        }
        if (!ctx.at().isBefore(p.expiresAt())) {
            return StateMachine.reject(Rejection.PROPOSAL_EXPIRED, "proposal " + id + " expired at " + p.expiresAt());
        }
        return null;
    }

    private static String describe(ProposableAction action) {
        return action.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
