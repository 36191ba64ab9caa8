package org.jcm.settlement.trade;

import java.util.Objects;

/** A trade's identity: the venue (exchange code) and the trade id the venue gave it. */
public record TradeKey(String venue, String tradeId) {

    /** Checks that both parts are present. */
    public TradeKey {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(tradeId, "tradeId");
    }
}
