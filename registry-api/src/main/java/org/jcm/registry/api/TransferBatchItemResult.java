package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.support.problem.Problem;

/** The outcome of one batch item: what POST /transfers would have answered for it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One item's outcome: its status and either the result (201) or a problem")
public record TransferBatchItemResult(
        @Schema(description = "The item's idempotency key", example = "order-17-leg-1") String idempotencyKey,
        @Schema(description = "The HTTP status POST /transfers would have answered", example = "201") int status,
        @Schema(description = "The accepted transfer (status 201)") MutationResponse result,
        @Schema(description = "Why the item was refused (status 4xx or 5xx)") Problem problem) {
}
