package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.PendingTransferId;

/**
 * A second account holder (the actor) approved the pending transfer; it executes at
 * {@code executeAt} (in the same command when that is the approval's own time).
 */
public record PendingTransferApproved(long seq, Instant at, Actor actor, PendingTransferId pendingTransferId,
                                      Instant executeAt) implements LedgerEvent {
    public PendingTransferApproved {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(pendingTransferId, "pendingTransferId");
        Objects.requireNonNull(executeAt, "executeAt");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitPendingTransferApproved(this);
    }
}
