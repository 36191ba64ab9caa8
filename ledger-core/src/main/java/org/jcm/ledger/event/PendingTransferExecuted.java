package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PendingTransferId;

/**
 * The pending transfer executed: its reserved units ({@code ranges}, as the live blocks hold them
 * at execution, so one range of the pending transfer may appear split) moved from the source to the
 * destination, exactly as a {@link CreditsTransferred} with the same fields would move them (first
 * transfers included). The transfer's fields are repeated so that readers need not look back.
 */
public record PendingTransferExecuted(long seq, Instant at, Actor actor, PendingTransferId pendingTransferId,
                                      AccountId fromAccountId, AccountId toAccountId, long quantity, List<BlockRange> ranges,
                                      Optional<Trade> trade, Optional<String> memo) implements LedgerEvent {
    public PendingTransferExecuted {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(pendingTransferId, "pendingTransferId");
        Objects.requireNonNull(fromAccountId, "fromAccountId");
        Objects.requireNonNull(toAccountId, "toAccountId");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(memo, "memo");
    }

    /** The transfer this execution carries out, as the event a direct transfer would have been. */
    public CreditsTransferred asTransfer() {
        return new CreditsTransferred(seq, at, actor, fromAccountId, toAccountId, quantity, ranges, trade, memo);
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitPendingTransferExecuted(this);
    }
}
