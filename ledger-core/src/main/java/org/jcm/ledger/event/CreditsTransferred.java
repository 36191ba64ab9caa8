package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.id.AccountId;

/** Units moved between holding accounts; {@code ranges} are exactly the units moved, in selection order. */
public record CreditsTransferred(long seq, Instant at, Actor actor, AccountId fromAccountId, AccountId toAccountId,
                                 long quantity, List<BlockRange> ranges, Optional<Trade> trade, Optional<String> memo)
        implements LedgerEvent {
    public CreditsTransferred {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(fromAccountId, "fromAccountId");
        Objects.requireNonNull(toAccountId, "toAccountId");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(memo, "memo");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitCreditsTransferred(this);
    }
}
