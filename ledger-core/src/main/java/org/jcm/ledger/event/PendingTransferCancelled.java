package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.PendingTransferId;

/**
 * The pending transfer ended without executing and its reserved units are free again: cancelled
 * by an account holder ({@code reason} theirs), or refused when it came due ({@code reason} the
 * rejection code, the actor the writer's system actor).
 */
public record PendingTransferCancelled(long seq, Instant at, Actor actor, PendingTransferId pendingTransferId, String reason)
        implements LedgerEvent {
    public PendingTransferCancelled {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(pendingTransferId, "pendingTransferId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitPendingTransferCancelled(this);
    }
}
