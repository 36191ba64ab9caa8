package org.jcm.ledger.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PendingTransferId;

/**
 * A transfer the organization's policy does not let execute at once: its units ({@code ranges},
 * resolved now, in selection order) are reserved in the source account. {@code approvalRequired}:
 * it waits for a second account holder's approval until {@code expiresAt}; otherwise it executes
 * at {@code executeAt}. {@code destinationTrusted} and {@code delay} are the policy's verdict at
 * this moment, recorded so that reading the event needs no configuration.
 */
public record TransferPended(long seq, Instant at, Actor actor, PendingTransferId pendingTransferId,
                             OrganizationId organizationId, AccountId fromAccountId, AccountId toAccountId, long quantity,
                             List<BlockRange> ranges, Optional<Trade> trade, Optional<String> memo,
                             boolean destinationTrusted, boolean approvalRequired, Duration delay,
                             Optional<Instant> expiresAt, Optional<Instant> executeAt) implements LedgerEvent {
    public TransferPended {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(pendingTransferId, "pendingTransferId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(fromAccountId, "fromAccountId");
        Objects.requireNonNull(toAccountId, "toAccountId");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(executeAt, "executeAt");
        if (approvalRequired == expiresAt.isEmpty() || approvalRequired == executeAt.isPresent()) {
            throw new IllegalArgumentException("a pending transfer has expiresAt if it needs approval, executeAt otherwise");
        }
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitTransferPended(this);
    }
}
