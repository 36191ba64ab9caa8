package org.jcm.settlement.trade;

/**
 * A registered trade as it stands, with the number of transfers that named it and decided nothing
 * (its unmatched references): what {@code GET /api/v1/trades/{venue}/{tradeId}} shows.
 *
 * @param trade the trade and its status
 * @param unmatchedReferences the transfers naming the trade other than the one that decided it
 */
public record TradeStanding(RegisteredTrade trade, long unmatchedReferences) {
}
