package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a revocation: why. */
@Schema(description = "Optional body of a revocation")
public record RevocationRequest(
        @Schema(description = "Why, up to 1,000 characters", example = "Superseded by MNG-AUTH-2025-002") String reason) {
}
