package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a freeze or unfreeze: why. */
@Schema(description = "Optional body of a freeze or unfreeze")
public record AccountStatusRequest(
        @Schema(description = "Why, up to 1,000 characters", example = "Court order 2025-117") String reason) {
}
