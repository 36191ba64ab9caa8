package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.PendingTransferId;

/** Nobody approved the pending transfer before its {@code expiresAt}: it ended and its reserved units are free again. */
public record PendingTransferExpired(long seq, Instant at, Actor actor, PendingTransferId pendingTransferId)
        implements LedgerEvent {
    public PendingTransferExpired {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(pendingTransferId, "pendingTransferId");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitPendingTransferExpired(this);
    }
}
