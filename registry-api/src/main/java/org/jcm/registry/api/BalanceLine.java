package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The units of one vintage and label that an account holds. */
@Schema(description = "The units of one vintage and Article 6 label that an account holds")
public record BalanceLine(
        @Schema(example = "2024") int vintage,
        @Schema(description = "NONE, AUTHORIZED or CA_APPLIED", example = "NONE") String label,
        @Schema(description = "Units, tonnes CO2e", example = "750") long quantity,
        @Schema(description = "How many live blocks hold them", example = "2") long blockCount) {
}
