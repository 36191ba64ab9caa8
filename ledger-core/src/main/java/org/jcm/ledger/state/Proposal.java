package org.jcm.ledger.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposalKind;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.id.ProposalId;

/**
 * A proposal of a four-eyes action as the ledger knows it: what is proposed, by whom, when it
 * expires, who may approve it ({@link #approverRole()} and {@link #approverScope()}: the proposer's
 * role and scope, another subject), the units it reserves while pending (a cancellation for
 * correction), and once ended its outcome ({@code status}), by whom, when and why. Immutable: the
 * fold replaces it when it ends.
 */
public record Proposal(ProposalId id, ProposalKind kind, ProposableAction action, Actor proposer, Instant madeAt,
                       Instant expiresAt, List<BlockRange> reserved, ProposalStatus status, Optional<Actor> endedBy,
                       Optional<Instant> endedAt, Optional<String> reason) {

    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(proposer, "proposer");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        reserved = List.copyOf(reserved);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endedBy, "endedBy");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** A new pending proposal. */
    static Proposal pending(ProposalId id, ProposableAction action, Actor proposer, Instant madeAt, Instant expiresAt,
                            List<BlockRange> reserved) {
        return new Proposal(id, action.kind(), action, proposer, madeAt, expiresAt, reserved, ProposalStatus.PENDING,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This proposal ended with {@code status} by {@code by} at {@code at}. */
    Proposal ended(ProposalStatus status, Actor by, Instant at, Optional<String> reason) {
        return new Proposal(id, kind, action, proposer, madeAt, expiresAt, reserved, status, Optional.of(by),
                Optional.of(at), reason);
    }

    public boolean isPending() {
        return status == ProposalStatus.PENDING;
    }

    /** The role that may approve or reject it: the proposer's. */
    public Role approverRole() {
        return proposer.role();
    }

    /** The scope (registry id or Party code) that may approve or reject it: the proposer's. */
    public String approverScope() {
        return proposer.scope();
    }

    /**
     * True if {@code actor} may approve it, as far as the ledger checks: the same role and scope
     * as the proposer and another subject (the HTTP edge also requires the token's {@code approver}
     * claim).
     */
    public boolean mayBeApprovedBy(Actor actor) {
        return actor.role() == approverRole() && actor.scope().equals(approverScope())
                && !actor.subject().equals(proposer.subject());
    }

    /** Units the proposal reserves while pending. */
    public long reservedQuantity() {
        long total = 0;
        for (BlockRange r : reserved) {
            total += r.size();
        }
        return total;
    }
}
