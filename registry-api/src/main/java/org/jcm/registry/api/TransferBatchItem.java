package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One transfer of a batch, with its own idempotency key. */
@Schema(description = "One transfer of a batch: the fields of POST /transfers plus its own idempotency key")
public record TransferBatchItem(
        @Schema(description = "This item's Idempotency-Key (1 to 128 visible ASCII characters)", example = "order-17-leg-1",
                required = true) String idempotencyKey,
        @Schema(example = "MNG01-H00001", required = true) String fromAccountId,
        @Schema(example = "JPN01-H00002", required = true) String toAccountId,
        @Schema(example = "250", required = true) Long quantity,
        List<String> serialRanges,
        UnitFilterRequest filter,
        TradeRequest trade,
        String memo) {

    /** The same transfer as a single request, whose hash it shares. */
    public TransferRequest transfer() {
        return new TransferRequest(fromAccountId, toAccountId, quantity, serialRanges, filter, trade, memo);
    }
}
