package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposalKind;
import org.jcm.ledger.id.ProposalId;

/**
 * A four-eyes action was proposed by the actor; it waits for a second subject of the same role
 * and scope until {@code expiresAt} (the proposal's time plus the ledger's proposal time-out, fixed
 * here so that replay never depends on today's configuration). {@code action} is the proposed
 * command as submitted. {@code reserved}: the units a cancellation for correction reserves from
 * now until it is approved, rejected or expired (empty for every other kind).
 */
public record ProposalMade(long seq, Instant at, Actor actor, ProposalId proposalId,
                           ProposalKind kind, ProposableAction action, Instant expiresAt, List<BlockRange> reserved)
        implements LedgerEvent {
    public ProposalMade {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        if (action.kind() != kind) {
            throw new IllegalArgumentException("kind " + kind + " does not match the action " + action.kind());
        }
        expiresAt = EventTimes.millis(Objects.requireNonNull(expiresAt, "expiresAt"));
        if (!expiresAt.isAfter(at)) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " must be after the proposal's time " + at);
        }
        reserved = List.copyOf(reserved);
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitProposalMade(this);
    }
}
