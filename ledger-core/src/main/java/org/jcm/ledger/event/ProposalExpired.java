package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ProposalId;

/**
 * A pending proposal reached its {@code expiresAt} unapproved and ended without executing; units
 * it reserved are free again. The actor is the writer's system actor; {@code proposer} names who
 * proposed it.
 */
public record ProposalExpired(long seq, Instant at, Actor actor, ProposalId proposalId, Actor proposer, Instant expiresAt)
        implements LedgerEvent {
    public ProposalExpired {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(proposer, "proposer");
        expiresAt = EventTimes.millis(Objects.requireNonNull(expiresAt, "expiresAt"));
        if (at.isBefore(expiresAt)) {
            throw new IllegalArgumentException("a proposal expiring at " + expiresAt + " cannot expire at " + at);
        }
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitProposalExpired(this);
    }
}
