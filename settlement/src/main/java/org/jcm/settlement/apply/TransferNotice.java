package org.jcm.settlement.apply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A transfer as its two sides hear of it: who sent what to whom, with the organizations that hold
 * the two accounts (null for an account no organization holds). Collected by the fold for the
 * webhooks of those organizations.
 *
 * @param seq the ledger seq of the transfer (or of the execution of a pending transfer)
 * @param at its event time
 * @param fromAccountId the sending account
 * @param fromOrganization the organization holding it, or null
 * @param toAccountId the receiving account
 * @param toOrganization the organization holding it, or null
 * @param quantity tonnes moved
 * @param instruments the tonnes of each instrument, in the order they first appear in the ranges
 * @param venue the venue of the trade the transfer names, or null
 * @param tradeId the trade id it names, or null
 */
public record TransferNotice(long seq, Instant at, String fromAccountId, String fromOrganization, String toAccountId,
                             String toOrganization, long quantity, List<InstrumentTonnes> instruments, String venue,
                             String tradeId) implements LedgerNotice {

    /** Tonnes of one instrument in a transfer. */
    public record InstrumentTonnes(String instrument, long quantity) {
    }

    /** Copies the list. */
    public TransferNotice {
        Objects.requireNonNull(at, "at");
        instruments = List.copyOf(instruments);
    }
}
