package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as listed under its organization. */
@Schema(description = "An account as listed under its organization")
public record AccountSummary(
        @Schema(example = "JPN01-H00001") String id,
        @Schema(description = "HOLDING (organizations hold no other kind)", example = "HOLDING") String type,
        @Schema(example = "Main holding account") String name,
        @Schema(description = "OPEN or CLOSED", example = "OPEN") String status,
        @Schema(description = "Whether units may not leave it") boolean frozen) {
}
