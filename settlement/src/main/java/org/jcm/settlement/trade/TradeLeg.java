package org.jcm.settlement.trade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The part of one priced transfer that moved one instrument: a transfer spanning several
 * instruments has one leg per instrument (numbered from 1 in the order the instruments first
 * appear in its ranges), each at the transfer's price per tonne.
 *
 * @param seq the ledger sequence number of the transfer
 * @param leg the leg number within the transfer, from 1
 * @param at the event time of the transfer
 * @param instrument the instrument moved
 * @param quantity tonnes of that instrument moved
 * @param pricePerTonne the transfer's price, as recorded (scale kept)
 * @param currency ISO 4217
 * @param venue the exchange code the transfer names
 * @param tradeId the trade id the transfer names
 * @param fromAccountId the seller's account
 * @param toAccountId the buyer's account
 */
public record TradeLeg(long seq, int leg, Instant at, Instrument instrument, long quantity, BigDecimal pricePerTonne,
                       String currency, String venue, String tradeId, String fromAccountId, String toAccountId) {

    /** Checks the values a leg cannot do without. */
    public TradeLeg {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(pricePerTonne, "pricePerTonne");
        Objects.requireNonNull(currency, "currency");
        if (quantity <= 0 || leg < 1) {
            throw new IllegalArgumentException("a leg has a positive quantity and a number from 1");
        }
    }

    /**
     * A settled trade as the feeds show it: one leg (a delivering transfer moves exactly the
     * registered instrument) at the seq and time of the delivering transfer, with the quantity,
     * price and currency the venue registered.
     */
    public static TradeLeg settled(RegisteredTrade trade) {
        if (trade.status() != TradeStatus.SETTLED) {
            throw new IllegalArgumentException("only a settled trade reaches the feeds: " + trade.key());
        }
        return new TradeLeg(trade.statusSeq(), 1, trade.statusAt(), trade.instrument(), trade.quantity(),
                trade.pricePerTonne(), trade.currency(), trade.key().venue(), trade.key().tradeId(),
                trade.sellerAccountId(), trade.buyerAccountId());
    }

    /** Price times quantity, exact. */
    public BigDecimal notional() {
        return pricePerTonne.multiply(BigDecimal.valueOf(quantity));
    }

    /** The feed cursor of this leg, {@code {seq}-{leg}}. */
    public String cursor() {
        return seq + "-" + leg;
    }
}
