package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A live block as the read endpoints show it: serial and ITMO ids, origin and flags. Public
 * endpoints add {@code holder} (registry and account type, never the account); holdings leave it
 * out because the account is the one asked about.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A live block: a contiguous range of units with identical attributes")
public record BlockView(
        @Schema(description = "JCM-{projectId}-{vintage}-{firstUnit}-{lastUnit}, inclusive", example = "JCM-MN001-2024-1001-1250")
        String serial,
        @Schema(description = "Article 6.2 id of the first unit; absent when the host Party has no cooperative approach",
                example = "CA0001-MNG01-MNG-1001-2024") String firstItmoId,
        @Schema(description = "Article 6.2 id of the last unit; absent likewise", example = "CA0001-MNG01-MNG-1250-2024")
        String lastItmoId,
        @Schema(description = "Host Party, ISO alpha-3", example = "MNG") String hostParty,
        @Schema(example = "MN001") String projectId,
        @Schema(example = "2024") int vintage,
        @Schema(description = "First unit number (inclusive)", example = "1001") long firstUnit,
        @Schema(description = "Last unit number (inclusive)", example = "1250") long lastUnit,
        @Schema(description = "Units in the block, tonnes CO2e", example = "250") long quantity,
        @Schema(description = "The issuance that created the units", example = "MN001-2024-01") String issuanceId,
        @Schema(description = "The registry that issued the units: the registry in their ITMO ids", example = "MNG01")
        String issuingRegistryId,
        @Schema(description = "ACTIVE, CANCELLED or RETIRED", example = "ACTIVE") String status,
        @Schema(description = "Article 6 label: NONE, AUTHORIZED or CA_APPLIED", example = "NONE") String label,
        @Schema(description = "The Article 6.2 authorization; absent when the units are not authorized")
        AuthorizationRef authorization,
        @Schema(description = "Corresponding-adjustment state: NOT_REQUIRED, COMMITTED, PENDING or APPLIED",
                example = "NOT_REQUIRED") String caState,
        @Schema(description = "Whether the units were first transferred (set once, never reset)") boolean firstTransferred,
        @Schema(description = "Where the block is held; public endpoints only") HolderView holder,
        @Schema(description = "Holdings only: the pending action its units are reserved for (PT... or PR...); absent when "
                + "they are available", example = "PT00000001") String reservedFor) {
}
