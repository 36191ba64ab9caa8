package org.jcm.settlement.apply;

import java.time.Instant;
import java.util.Objects;

/**
 * A pending transfer (docs/four-eyes.md) at one of its turns, for the organization whose account
 * it leaves: {@code AWAITING_APPROVAL} when it was pended and needs a second holder's approval (its
 * approvers are asked), then {@code APPROVED}, {@code EXECUTED}, {@code CANCELLED} or {@code EXPIRED}.
 *
 * @param seq the ledger seq of the event
 * @param at its event time
 * @param organizationId the organization of the pending transfer (the holder of the sending account)
 * @param pendingTransferId its id, e.g. {@code PT00000012}
 * @param status the turn: AWAITING_APPROVAL, APPROVED, EXECUTED, CANCELLED or EXPIRED
 * @param fromAccountId the sending account
 * @param toAccountId the receiving account
 * @param quantity tonnes
 * @param expiresAt when an approval not given lets it expire (awaiting approval), else null
 * @param executeAt when it executes (approved), else null
 * @param reason why it was cancelled (cancelled), else null
 * @param venue the venue of the trade it names, or null
 * @param tradeId the trade id it names, or null
 */
public record PendingTransferNotice(long seq, Instant at, String organizationId, String pendingTransferId,
                                    String status, String fromAccountId, String toAccountId, long quantity,
                                    Instant expiresAt, Instant executeAt, String reason, String venue,
                                    String tradeId) implements LedgerNotice {

    /** The turn of a transfer that waits for approval: its approvers are asked. */
    public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";

    /** Checks the values. */
    public PendingTransferNotice {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(pendingTransferId, "pendingTransferId");
        Objects.requireNonNull(status, "status");
    }

    /** True when the organization's approvers are asked to approve it. */
    public boolean asksForApproval() {
        return AWAITING_APPROVAL.equals(status);
    }
}
