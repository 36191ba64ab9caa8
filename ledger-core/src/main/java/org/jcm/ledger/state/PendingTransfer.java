package org.jcm.ledger.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PendingTransferId;

/**
 * A transfer out of a holding account that waits for approval or for its delay, and how it ended.
 * Its units ({@code ranges}) are reserved in the source account while {@link #status} is open.
 * {@code executeAt} is known once no approval is missing; {@code endedAt} and {@code endReason}
 * once it ended (the reason of a cancellation).
 */
public record PendingTransfer(PendingTransferId id, OrganizationId organizationId, Actor initiator, Instant pendedAt,
                              AccountId fromAccountId, AccountId toAccountId, long quantity, List<BlockRange> ranges,
                              Optional<Trade> trade, Optional<String> memo, boolean destinationTrusted,
                              boolean approvalRequired, Duration delay, Optional<Instant> expiresAt,
                              Optional<Instant> executeAt, PendingTransferStatus status, Optional<Actor> approver,
                              Optional<Instant> endedAt, Optional<String> endReason) {

    public PendingTransfer {
        Objects.requireNonNull(id, "id");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(status, "status");
    }

    /** Approved by {@code by}: scheduled for {@code at}. */
    PendingTransfer approved(Actor by, Instant at) {
        return new PendingTransfer(id, organizationId, initiator, pendedAt, fromAccountId, toAccountId, quantity, ranges, trade,
                memo, destinationTrusted, approvalRequired, delay, expiresAt, Optional.of(at), PendingTransferStatus.SCHEDULED,
                Optional.of(by), endedAt, endReason);
    }

    /** Ended at {@code at} with {@code how} (executed, cancelled or expired). */
    PendingTransfer ended(PendingTransferStatus how, Instant at, Optional<String> reason) {
        return new PendingTransfer(id, organizationId, initiator, pendedAt, fromAccountId, toAccountId, quantity, ranges, trade,
                memo, destinationTrusted, approvalRequired, delay, expiresAt, executeAt, how, approver, Optional.of(at), reason);
    }

    /** The instant the ledger acts on next without a request: the approval's expiry, or the execution. */
    Optional<Instant> dueAt() {
        if (status == PendingTransferStatus.AWAITING_APPROVAL) {
            return expiresAt;
        }
        return status == PendingTransferStatus.SCHEDULED ? executeAt : Optional.empty();
    }
}
