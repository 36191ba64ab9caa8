package org.jcm.settlement.trade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A trade an exchange registered for delivery versus payment, with its current status.
 *
 * @param key venue and trade id
 * @param sellerAccountId the account that must deliver
 * @param buyerAccountId the account that must receive
 * @param instrument the instrument that must be delivered, all of it
 * @param quantity tonnes
 * @param pricePerTonne the executed price, as registered
 * @param currency ISO 4217
 * @param deliverBy the deadline: a transfer whose event time is after it does not deliver
 * @param status where the trade stands
 * @param statusSeq the ledger seq that decided SETTLED or MISMATCHED (or a late delivery for FAILED), or 0
 * @param statusAt the event time of that seq, or the deadline for FAILED, or null while pending
 * @param mismatches the fields that differed, for MISMATCHED; empty otherwise
 */
public record RegisteredTrade(TradeKey key, String sellerAccountId, String buyerAccountId, Instrument instrument,
                              long quantity, BigDecimal pricePerTonne, String currency, Instant deliverBy,
                              TradeStatus status, long statusSeq, Instant statusAt, List<String> mismatches) {

    /** Checks the fields and copies the list. */
    public RegisteredTrade {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(deliverBy, "deliverBy");
        Objects.requireNonNull(status, "status");
        mismatches = List.copyOf(mismatches);
    }

    /** The same trade with another status. */
    public RegisteredTrade withStatus(TradeStatus newStatus, long seq, Instant at, List<String> newMismatches) {
        return new RegisteredTrade(key, sellerAccountId, buyerAccountId, instrument, quantity, pricePerTonne, currency,
                deliverBy, newStatus, seq, at, newMismatches);
    }

    /** The same trade back to pending, as a rebuild leaves it before the ledger is applied again. */
    public RegisteredTrade pending() {
        return withStatus(TradeStatus.PENDING_DELIVERY, 0, null, List.of());
    }

    /** Price times quantity, exact: what the buyer owes the seller. */
    public BigDecimal amount() {
        return pricePerTonne.multiply(BigDecimal.valueOf(quantity));
    }
}
