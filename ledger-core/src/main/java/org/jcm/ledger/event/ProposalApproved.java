package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ProposalId;

/**
 * The actor (a second subject of the proposer's role and scope) approved the proposal; the
 * proposed action's own events follow in the same command, with the approver as their actor.
 * {@code proposer} names who proposed it.
 */
public record ProposalApproved(long seq, Instant at, Actor actor, ProposalId proposalId, Actor proposer)
        implements LedgerEvent {
    public ProposalApproved {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(proposer, "proposer");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitProposalApproved(this);
    }
}
