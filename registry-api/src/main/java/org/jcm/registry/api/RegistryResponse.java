package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registry hosted on this system. */
@Schema(description = "A registry hosted on this system")
public record RegistryResponse(
        @Schema(example = "MNG01") String id,
        @Schema(description = "The Party's alpha-3 code", example = "MNG") String party,
        @Schema(example = "Mongolia JCM Registry") String name,
        @Schema(example = "MNG01-CANCELLATION") String cancellationAccountId,
        @Schema(example = "MNG01-RETIREMENT") String retirementAccountId) {
}
