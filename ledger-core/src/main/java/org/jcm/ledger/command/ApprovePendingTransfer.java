package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.PendingTransferId;

/**
 * Approves a pending transfer that needs a second account holder's approval: an account holder
 * of the same organization, another subject than the initiator. The transfer executes at once
 * (same command) when no delay applies, otherwise when {@link ProcessDueTransfers} finds it due.
 */
public record ApprovePendingTransfer(PendingTransferId pendingTransferId) implements Command {
    public ApprovePendingTransfer {
        Objects.requireNonNull(pendingTransferId, "pendingTransferId");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitApprovePendingTransfer(this);
    }
}
