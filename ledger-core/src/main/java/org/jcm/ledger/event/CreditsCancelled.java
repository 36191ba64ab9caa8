package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.id.AccountId;

/** Units moved to a registry's cancellation account and became CANCELLED. */
public record CreditsCancelled(long seq, Instant at, Actor actor, AccountId fromAccountId, AccountId toAccountId,
                               long quantity, List<BlockRange> ranges, CancellationReason reason, Optional<String> note)
        implements LedgerEvent {
    public CreditsCancelled {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(fromAccountId, "fromAccountId");
        Objects.requireNonNull(toAccountId, "toAccountId");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(note, "note");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitCreditsCancelled(this);
    }
}
