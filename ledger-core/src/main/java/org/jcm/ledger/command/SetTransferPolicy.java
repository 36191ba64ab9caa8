package org.jcm.ledger.command;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.serial.Quantity;

/**
 * Sets the organization's policy for transfers out of its holding accounts: a transfer of more
 * than {@code approvalThreshold} units (absent: no threshold) needs a second account holder's
 * approval; a transfer to an account that is not trusted needs one if
 * {@code untrustedNeedsApproval}, and executes {@code untrustedDelay} after it is initiated (or
 * approved). Registry administrator of the organization's registry. Until it is set, the
 * ledger's default policy applies ({@code LedgerConfig.defaultTransferPolicy}).
 */
public record SetTransferPolicy(OrganizationId organizationId, Optional<Quantity> approvalThreshold,
                                boolean untrustedNeedsApproval, Duration untrustedDelay) implements Command {
    public SetTransferPolicy {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(approvalThreshold, "approvalThreshold");
        untrustedDelay = Delays.check("untrustedDelay", untrustedDelay);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitSetTransferPolicy(this);
    }
}
