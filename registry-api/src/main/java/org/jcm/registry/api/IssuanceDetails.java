package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One Joint Committee decision to issue credits, as issued. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An issuance: a Joint Committee decision, as issued")
public record IssuanceDetails(
        @Schema(description = "The JC decision reference", example = "MN001-2024-01") String id,
        @Schema(description = "Sequence number of its CreditsIssued event", example = "17") long seq,
        @Schema(description = "When it was issued (RFC 3339, UTC, milliseconds)", example = "2025-04-01T09:30:00.000Z")
        String issuedAt,
        @Schema(example = "2024") int vintage,
        @Schema(example = "2024-01-01") String monitoringPeriodStart,
        @Schema(example = "2024-12-31") String monitoringPeriodEnd,
        @Schema(description = "Units issued in total", example = "10000") long totalQuantity,
        @Schema(description = "The participants' issuance request it answers, if any", example = "IR000001")
        String issuanceRequestId,
        @Schema(description = "The units each allocation received, in allocation order") List<AllocationDetails> allocations) {
}
