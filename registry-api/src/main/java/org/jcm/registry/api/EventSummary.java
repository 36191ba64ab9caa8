package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event a mutation appended. */
@Schema(description = "One ledger event appended by the mutation")
public record EventSummary(
        @Schema(description = "Sequence number in the ledger", example = "42") long seq,
        @Schema(description = "Event type", example = "CreditsTransferred") String type,
        @Schema(description = "When it was applied (RFC 3339, UTC, milliseconds)", example = "2025-04-01T09:30:00.000Z") String at,
        @Schema(description = "Blocks the event placed into an account (issuances, transfers, cancellations, retirements); "
                + "empty for other events") List<BlockSummary> blocks) {
}
