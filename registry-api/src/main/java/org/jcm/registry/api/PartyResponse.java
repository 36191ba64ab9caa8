package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Party or partner region as the ledger knows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A Party or partner region")
public record PartyResponse(
        @Schema(description = "ISO 3166 alpha-3", example = "MNG") String code,
        @Schema(description = "ISO 3166 alpha-2", example = "MN") String iso2,
        @Schema(example = "Mongolia") String name,
        @Schema(description = "JAPAN, PARTNER or CANDIDATE", example = "PARTNER") String jcmStatus,
        @Schema(description = "Whether it is a Party to the Paris Agreement (only those authorize ITMOs)") boolean parisAgreementParty,
        @Schema(description = "Cooperative approach id of the JCM partnership, if any", example = "CA0001") String cooperativeApproachId) {
}
