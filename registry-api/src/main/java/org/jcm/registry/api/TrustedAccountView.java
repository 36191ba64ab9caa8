package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entry of an organization's trusted-account list. */
@Schema(description = "An entry of an organization's trusted-account list")
public record TrustedAccountView(
        @Schema(example = "JPN01-H00002") String accountId,
        @Schema(description = "When it was added", example = "2025-04-01T09:30:00.000Z") String addedAt,
        @Schema(description = "Who added it (token subject)") String addedBy,
        @Schema(description = "From when the account is trusted", example = "2025-04-08T09:30:00.000Z") String effectiveAt,
        @Schema(description = "TRUSTED (effective) or PENDING (before effectiveAt)", example = "PENDING") String status) {
}
