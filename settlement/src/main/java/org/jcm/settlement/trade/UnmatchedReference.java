package org.jcm.settlement.trade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A transfer that named a venue's trade but did not decide it: delivery versus payment ignored it.
 *
 * @param seq the transfer's ledger sequence number
 * @param at its event time
 * @param tradeId the trade id it named
 * @param fromAccountId the account the units left
 * @param toAccountId the account they went to
 * @param quantity tonnes moved, over all instruments
 * @param instruments the instruments moved, in the order they first appear in the transfer
 * @param pricePerTonne the price the transfer carries, as recorded in the ledger
 * @param currency the currency the transfer carries
 * @param reason why it decided nothing
 */
public record UnmatchedReference(long seq, Instant at, String tradeId, String fromAccountId, String toAccountId,
                                 long quantity, List<String> instruments, BigDecimal pricePerTonne, String currency,
                                 Reason reason) {

    /** Why a transfer naming a trade decided nothing. */
    public enum Reason {
        /** No trade with this id is registered for the venue (it may still be registered later). */
        NOT_REGISTERED,
        /** The trade is registered, and the transfer does not come from its seller account. */
        NOT_FROM_SELLER,
        /** From the seller account, after an earlier transfer from it had decided the trade (even FAILED, when late). */
        AFTER_DECISION,
        /** From the seller account, after the deadline, when no transfer had decided the trade (the sweep failed it). */
        AFTER_DEADLINE,
        /** From the seller account, after the exchange cancelled the trade (and not in time to decide it before). */
        AFTER_CANCELLATION
    }

    /** Copies the list. */
    public UnmatchedReference {
        instruments = List.copyOf(instruments);
    }
}
