package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.accept;
import static org.jcm.ledger.state.StateMachine.reject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ApprovePendingTransfer;
import org.jcm.ledger.command.CancelPendingTransfer;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.ProcessDueTransfers;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.PendingTransferApproved;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.PendingTransferExpired;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;

/**
 * Rules for transfers the organization's policy holds back: pending them (their units reserved),
 * approving (by another account holder of the organization), cancelling, and the writer's
 * processing of those that came due (execution, or expiry of an approval not given in time). An
 * execution re-checks what can have changed since the transfer was initiated (accounts closed or
 * frozen) and ends the transfer with that rejection's code instead of executing it.
 */
final class PendingTransferRules {

    private PendingTransferRules() {
    }

    /** A transfer that passed every rule of a direct transfer but needs approval or a delay: its units are reserved. */
    static Outcome pend(LedgerData s, TransferCredits c, CommandContext ctx, AccountState from, AccountState to,
                        MovementRules.Selected selected, boolean trusted, boolean approval, Duration delay) {
        Instant at = ctx.at();
        return accept(new TransferPended(s.nextSeq, at, ctx.actor(), PendingTransferId.of(s.nextPendingTransferNumber),
                from.organizationId, from.id, to.id, c.quantity().tonnes(), selected.ranges, c.trade(), c.memo(), trusted,
                approval, delay, approval ? Optional.of(at.plus(s.config.pendingApprovalTimeout())) : Optional.empty(),
                approval ? Optional.empty() : Optional.of(at.plus(delay))));
    }

    static Outcome approve(LedgerData s, ApprovePendingTransfer c, CommandContext ctx) {
        Actor actor = ctx.actor();
        Outcome r = found(s, c.pendingTransferId(), actor);
        if (r != null) {
            return r;
        }
        PendingTransfer pt = s.pendingTransfers.get(c.pendingTransferId());
        if (pt.initiator().subject().equals(actor.subject())) {
            return reject(Rejection.APPROVAL_BY_PROPOSER, "subject " + actor.subject() + " initiated " + pt.id()
                    + "; another account holder of " + pt.organizationId() + " must approve it");
        }
        if (pt.status() != PendingTransferStatus.AWAITING_APPROVAL) {
            return reject(Rejection.PROPOSAL_NOT_PENDING, pt.id() + " does not await approval: " + describe(pt));
        }
        if (!ctx.at().isBefore(pt.expiresAt().orElseThrow())) {
            return reject(Rejection.PROPOSAL_EXPIRED, pt.id() + " expired at " + pt.expiresAt().get());
        }
        Outcome.Rejected refusal = executionRefusal(s, pt);
        if (refusal != null) {
            return refusal;
        }
        AccountState from = s.accounts.get(pt.fromAccountId());
        AccountState to = s.accounts.get(pt.toAccountId());
        Duration delay = s.trusted(from, to, ctx.at()) ? Duration.ZERO : s.transferPolicy(pt.organizationId()).untrustedDelay();
        Instant executeAt = ctx.at().plus(delay);
        List<LedgerEvent> events = new ArrayList<>(2);
        events.add(new PendingTransferApproved(s.nextSeq, ctx.at(), actor, pt.id(), executeAt));
        if (delay.isZero()) {
            execute(s, pt, s.nextSeq + 1, ctx, events);
        }
        return new Outcome.Accepted(events);
    }

    static Outcome cancel(LedgerData s, CancelPendingTransfer c, CommandContext ctx) {
        Outcome r = found(s, c.pendingTransferId(), ctx.actor());
        if (r != null) {
            return r;
        }
        PendingTransfer pt = s.pendingTransfers.get(c.pendingTransferId());
        if (!pt.status().open()) {
            return reject(Rejection.PROPOSAL_NOT_PENDING, pt.id() + " can no longer be cancelled: " + describe(pt));
        }
        return accept(new PendingTransferCancelled(s.nextSeq, ctx.at(), ctx.actor(), pt.id(), c.reason()));
    }

    /**
     * Every open pending transfer due at the command's time, in order of its instant (then id):
     * a scheduled one executes (or is cancelled with the rejection code if it may no longer
     * execute), one still awaiting approval expires. Nothing due: accepted with no event.
     */
    static Outcome processDue(LedgerData s, ProcessDueTransfers c, CommandContext ctx) {
        Actor actor = ctx.actor();
        if (actor.role() != Role.OPERATOR || !ProcessDueTransfers.SYSTEM_SUBJECT.equals(actor.subject())) {
            return reject(Rejection.FORBIDDEN_ROLE, "only the writer (operator " + ProcessDueTransfers.SYSTEM_SUBJECT
                    + ") processes due transfers");
        }
        List<PendingTransfer> due = new ArrayList<>();
        for (PendingTransfer pt : s.openTransfers.values()) {
            Optional<Instant> dueAt = pt.dueAt();
            if (dueAt.isPresent() && !dueAt.get().isAfter(ctx.at())) {
                due.add(pt);
            }
        }
        if (due.isEmpty()) {
            return new Outcome.Accepted(List.of());
        }
        due.sort(Comparator.comparing((PendingTransfer pt) -> pt.dueAt().orElseThrow()).thenComparing(PendingTransfer::id));
        List<LedgerEvent> events = new ArrayList<>();
        for (PendingTransfer pt : due) {
            long seq = s.nextSeq + events.size();
            if (pt.status() == PendingTransferStatus.AWAITING_APPROVAL) {
                events.add(new PendingTransferExpired(seq, ctx.at(), actor, pt.id()));
                continue;
            }
            Outcome.Rejected refusal = executionRefusal(s, pt);
            if (refusal != null) {
                events.add(new PendingTransferCancelled(seq, ctx.at(), actor, pt.id(), refusal.rejection().code()));
            } else {
                execute(s, pt, seq, ctx, events);
            }
        }
        return new Outcome.Accepted(events);
    }

    /** forbidden_role, proposal_not_found and forbidden_scope: an account holder of the transfer's organization. */
    private static Outcome found(LedgerData s, PendingTransferId id, Actor actor) {
        if (actor.role() != Role.ACCOUNT_HOLDER) {
            return ReferenceRules.role(actor, Role.ACCOUNT_HOLDER);
        }
        PendingTransfer pt = s.pendingTransfers.get(id);
        if (pt == null) {
            return reject(Rejection.PROPOSAL_NOT_FOUND, "pending transfer " + id + " does not exist");
        }
        if (!pt.organizationId().value().equals(actor.scope())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "pending transfer " + id + " is of organization " + pt.organizationId()
                    + ", not " + actor.scope());
        }
        return null;
    }

    private static String describe(PendingTransfer pt) {
        switch (pt.status()) {
            case SCHEDULED:
                return pt.approver().isPresent() ? "already approved by " + pt.approver().get().subject()
                        + ", it executes at " + pt.executeAt().orElseThrow() : "it needs no approval and executes at "
                        + pt.executeAt().orElseThrow();
            case EXECUTED:
                return "already executed at " + pt.endedAt().orElseThrow();
            case CANCELLED:
                return "cancelled at " + pt.endedAt().orElseThrow() + " (" + pt.endReason().orElse("") + ")";
            case EXPIRED:
                return "expired at " + pt.endedAt().orElseThrow();
            default:
                return "it awaits approval";
        }
    }

    /**
     * What a transfer checks that can have changed since it was initiated: an account closed
     * (account_closed), the source or the destination frozen (account_frozen). The units are
     * reserved, so they are still active and held by the source.
     */
    private static Outcome.Rejected executionRefusal(LedgerData s, PendingTransfer pt) {
        AccountState from = s.accounts.get(pt.fromAccountId());
        AccountState to = s.accounts.get(pt.toAccountId());
        if (from.closed || to.closed) {
            return reject(Rejection.ACCOUNT_CLOSED, "account " + (from.closed ? from.id : to.id) + " is closed");
        }
        if (from.frozen || to.frozen) {
            return reject(Rejection.ACCOUNT_FROZEN, (from.frozen ? "source account " + from.id
                    : "destination account " + to.id) + " is frozen");
        }
        return null;
    }

    /**
     * Appends the execution of {@code pt} with sequence number {@code seq}, then the first
     * transfers it triggers (as a direct transfer would), to {@code out}.
     */
    private static void execute(LedgerData s, PendingTransfer pt, long seq, CommandContext ctx, List<LedgerEvent> out) {
        // The reserved units as the live blocks hold them now: a reserved range may have been split
        // since (e.g. an authorization of part of it), and an event range lies within one block.
        List<Units.Piece> pieces = new ArrayList<>();
        for (BlockRange r : pt.ranges()) {
            Units.collect(s, r, pieces);
        }
        List<LedgerEvent> part = new ArrayList<>(1);
        part.add(new PendingTransferExecuted(seq, ctx.at(), ctx.actor(), pt.id(), pt.fromAccountId(), pt.toAccountId(),
                pt.quantity(), Units.ranges(pieces), pt.trade(), pt.memo()));
        MovementRules.Selected selected = new MovementRules.Selected();
        boolean firstTransfers = false;
        for (Units.Piece p : pieces) {
            selected.ranges.add(p.range());
            selected.blocks.add(p.block());
            firstTransfers |= p.block().authorization != null && !p.block().firstTransferred;
        }
        if (firstTransfers) {
            MovementRules.FirstTransfers.afterTransfer(selected, s.accounts.get(pt.toAccountId()).party, seq, ctx, part);
        }
        out.addAll(part);
    }
}
