package org.jcm.settlement.registration;

import java.util.List;
import org.jcm.settlement.messaging.ConsumerStatus;
import org.jcm.settlement.trade.TradeKey;
import org.jcm.settlement.trade.TradeStatus;

/**
 * What became of a request to cancel a trade ({@link TradeCancellations#cancel}): the answer stored
 * under its Idempotency-Key, or why nothing was stored. The REST layer turns each into its response
 * or problem.
 */
public sealed interface CancellationOutcome {

    /**
     * The answer remembered for the key: just made, or stored by an earlier request with the same
     * key for the same trade.
     *
     * @param status the status stored with the answer
     * @param body the JSON of the trade's status as the cancellation left it
     */
    record Answered(int status, String body) implements CancellationOutcome {
    }

    /** The key was used before with a different request (another trade, or a registration). */
    record KeyReused(String idempotencyKey) implements CancellationOutcome {
    }

    /** The venue registered no trade with this id. */
    record UnknownTrade(TradeKey key) implements CancellationOutcome {
    }

    /**
     * The trade is no longer pending: a transfer decided it, its deadline passed, or it was cancelled
     * before (under another key).
     *
     * @param status where it stands (FAILED also for a pending trade whose deadline is behind the clock)
     */
    record NotCancellable(TradeKey key, TradeStatus status) implements CancellationOutcome {
    }

    /**
     * The registry holds a transfer from the seller account naming the trade (a transfer policy
     * pended it): its units are reserved for the buyer and may still move, so the trade stands until
     * that transfer is cancelled or expires.
     *
     * @param pendingTransferIds the registry's ids of those pending transfers
     */
    record DeliveryHeld(TradeKey key, List<String> pendingTransferIds) implements CancellationOutcome {
    }

    /** The consumer is not caught up with the ledger, so a delivery may be on its way unread. */
    record LedgerBehind(ConsumerStatus consumer) implements CancellationOutcome {
    }
}
