package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 1,000 transfers, each with its own idempotency key and its own outcome. */
@Schema(description = "1 to 1,000 transfers, applied in order in one ledger batch; each has its own outcome")
public record TransferBatchRequest(
        @Schema(description = "The transfers", required = true) List<TransferBatchItem> items) {

    /** The most items in one batch. */
    public static final int MAX_ITEMS = 1000;
}
