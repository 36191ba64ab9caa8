package org.jcm.ledger.state;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PendingActionId;

/**
 * Units reserved for one pending action: they stay in {@code accountId} (its balances count them)
 * but nothing else can select them until the action ends. {@code ranges} are exactly the reserved
 * units as the pending action's event named them.
 */
public record Reservation(PendingActionId actionId, AccountId accountId, long quantity, List<BlockRange> ranges) {
    public Reservation {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(accountId, "accountId");
        ranges = List.copyOf(ranges);
    }
}
