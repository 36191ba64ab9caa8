package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a Joint Committee allocation. */
@Schema(description = "One allocation line: a holding account and its share")
public record AllocationRequest(
        @Schema(description = "Holding account of a registry of Japan or the host Party", example = "MNG01-H00001", required = true)
        String accountId,
        @Schema(description = "Units, tonnes CO2e", example = "7000", required = true) Long quantity) {
}
