package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
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
        @Schema(description = "Cooperative approach id of the JCM partnership, if any", example = "CA0001") String cooperativeApproachId,
        @Schema(description = "Date its JCM partnership document was signed (partners; absent for Japan, candidates and "
                + "partners of ledgers older than this member)", example = "2013-01-08") String signingDate,
        @Schema(description = "UNFCCC sectoral scope numbers its agreement covers, ascending", example = "[1, 3, 7]")
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Integer> sectoralScopes) {
}
