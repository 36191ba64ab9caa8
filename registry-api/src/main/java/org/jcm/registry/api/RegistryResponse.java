package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.ledger.RegistryInfo;

/** A registry hosted on this system. */
@Schema(description = "A registry hosted on this system")
public record RegistryResponse(
        @Schema(example = "MNG01") String id,
        @Schema(description = "The Party's alpha-3 code", example = "MNG") String party,
        @Schema(example = "Mongolia JCM Registry") String name,
        @Schema(example = "MNG01-CANCELLATION") String cancellationAccountId,
        @Schema(example = "MNG01-RETIREMENT") String retirementAccountId) {

    public static RegistryResponse of(RegistryInfo registry) {
        return new RegistryResponse(registry.id().value(), registry.party().value(), registry.name(),
                registry.cancellationAccountId().value(), registry.retirementAccountId().value());
    }
}
