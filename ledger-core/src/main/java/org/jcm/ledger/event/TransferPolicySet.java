package org.jcm.ledger.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.OrganizationId;

/** The registry administrator set the organization's transfer policy (see {@code SetTransferPolicy}). */
public record TransferPolicySet(long seq, Instant at, Actor actor, OrganizationId organizationId,
                                Optional<Long> approvalThreshold, boolean untrustedNeedsApproval, Duration untrustedDelay)
        implements LedgerEvent {
    public TransferPolicySet {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(approvalThreshold, "approvalThreshold");
        Objects.requireNonNull(untrustedDelay, "untrustedDelay");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitTransferPolicySet(this);
    }
}
