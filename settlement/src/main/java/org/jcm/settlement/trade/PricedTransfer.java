package org.jcm.settlement.trade;

import java.time.Instant;
import java.util.List;

/**
 * A registry transfer that carries trade data, as delivery versus payment sees it.
 *
 * @param seq the ledger sequence number
 * @param at the event time
 * @param venue the exchange code of its trade
 * @param tradeId the trade id
 * @param fromAccountId the account the units left
 * @param toAccountId the account the units went to
 * @param legs one per instrument moved
 */
public record PricedTransfer(long seq, Instant at, String venue, String tradeId, String fromAccountId,
                             String toAccountId, List<TradeLeg> legs) {

    /** Copies the legs. */
    public PricedTransfer {
        legs = List.copyOf(legs);
    }

    /** The venue and trade id, the key of a registered trade. */
    public TradeKey key() {
        return new TradeKey(venue, tradeId);
    }

    /** Tonnes moved over all legs. */
    public long quantity() {
        long total = 0;
        for (TradeLeg leg : legs) {
            total += leg.quantity();
        }
        return total;
    }
}
