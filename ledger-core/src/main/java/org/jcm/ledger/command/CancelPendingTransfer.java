package org.jcm.ledger.command;

import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.PendingTransferId;

/**
 * Cancels a pending transfer before it executes, freeing its reserved units: its initiator or any
 * account holder of the organization. {@code reason} is required free text.
 */
public record CancelPendingTransfer(PendingTransferId pendingTransferId, String reason) implements Command {
    public CancelPendingTransfer {
        Objects.requireNonNull(pendingTransferId, "pendingTransferId");
        Checks.freeText("reason", reason, Texts.NOTE_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitCancelPendingTransfer(this);
    }
}
