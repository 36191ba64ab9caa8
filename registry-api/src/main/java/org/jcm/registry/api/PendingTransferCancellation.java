package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.CancelPendingTransfer;
import org.jcm.ledger.id.PendingTransferId;

/** Why a pending transfer is cancelled. */
@Schema(description = "Cancels a pending transfer before it executes")
public record PendingTransferCancellation(
        @Schema(description = "Why, 1 to 500 characters", example = "Destination not confirmed by the buyer", required = true)
        String reason) {

    /** The command for the pending transfer in the path. */
    public CancelPendingTransfer toCommand(String pendingTransferId) {
        PendingTransferId id = Fields.parse("pendingTransferId", pendingTransferId, PendingTransferId::parse);
        Fields.required("reason", reason);
        return Fields.shape(() -> new CancelPendingTransfer(id, reason));
    }
}
