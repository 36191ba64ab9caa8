package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered JCM project with its participants and the credits issued for it. */
@Schema(description = "A registered JCM project with its participants and issuances")
public record ProjectDetails(
        @Schema(description = "The Joint Committee's id: host alpha-2 + 3 digits", example = "MN001") String id,
        @Schema(description = "Host Party, ISO alpha-3", example = "MNG") String hostParty,
        @Schema(description = "The registry that registered it", example = "MNG01") String registryId,
        @Schema(example = "Centralized heat supply in Ulaanbaatar") String title,
        @Schema(example = "MN_AM001") String methodologyId,
        @Schema(description = "Participants, in registration order") List<ProjectParticipant> participants,
        @Schema(description = "Issuances, in ledger order") List<IssuanceDetails> issuances) {
}
