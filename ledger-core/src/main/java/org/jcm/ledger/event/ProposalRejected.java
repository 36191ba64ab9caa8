package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ProposalId;

/**
 * The proposal ended without executing: rejected by the actor (a second subject of the proposer's
 * role and scope), or withdrawn when the actor is the proposer itself. Units it reserved are free
 * again. {@code proposer} names who proposed it.
 */
public record ProposalRejected(long seq, Instant at, Actor actor, ProposalId proposalId, Actor proposer, String reason)
        implements LedgerEvent {
    public ProposalRejected {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(proposer, "proposer");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when the proposer withdrew its own proposal. */
    public boolean withdrawn() {
        return actor().subject().equals(proposer.subject());
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitProposalRejected(this);
    }
}
