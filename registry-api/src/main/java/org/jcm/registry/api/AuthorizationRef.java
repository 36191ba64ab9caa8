package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The Article 6.2 authorization that covers a block. */
@Schema(description = "The Article 6.2 authorization that covers a block")
public record AuthorizationRef(
        @Schema(description = "The authorizing Party's own reference", example = "MNG-AUTH-2025-001") String id,
        @Schema(description = "NDC, OIMP or NDC_AND_OIMP", example = "NDC") String purpose) {
}
