package org.jcm.settlement.api;

import org.jcm.settlement.trade.TradeLeg;

/**
 * One priced trade leg in the public trade feed. Counterparty accounts are left out: the feed
 * is public, and only the venue sees who traded (through its trade status and statements).
 */
public record TradeView(String cursor, long seq, int leg, String at, String instrument, long quantity,
                        String pricePerTonne, String currency, String venue, String tradeId) {

    /** The view of a leg. */
    public static TradeView of(TradeLeg leg) {
        return new TradeView(leg.cursor(), leg.seq(), leg.leg(), Times.format(leg.at()), leg.instrument().code(),
                leg.quantity(), leg.pricePerTonne().toPlainString(), leg.currency(), leg.venue(), leg.tradeId());
    }
}
