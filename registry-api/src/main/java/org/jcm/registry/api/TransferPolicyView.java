package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The transfer policy that applies to an organization: its own, or the configured default. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The effective transfer policy of an organization")
public record TransferPolicyView(
        @Schema(example = "MNG01-O0001") String organizationId,
        @Schema(description = "Above this quantity a transfer needs approval; absent for none", example = "1000")
        Long approvalThreshold,
        @Schema(description = "Whether a transfer to an untrusted account needs a second holder's approval") boolean untrustedNeedsApproval,
        @Schema(description = "The delay of a transfer to an untrusted account, ISO 8601", example = "PT26H") String untrustedDelay,
        @Schema(description = "ORGANIZATION (set by its registry administrator) or DEFAULT (the ledger's configured default)",
                example = "ORGANIZATION") String source,
        @Schema(description = "When it was set; absent for the default", example = "2025-04-01T09:30:00.000Z") String setAt,
        @Schema(description = "Who set it (token subject); absent for the default") String setBy) {
}
