package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A third-party entity as the public sees it: name, accreditation and status. */
@Schema(description = "A third-party entity (validator and verifier)")
public record ThirdPartyEntityResponse(
        @Schema(example = "TPE-0001") String id,
        String name,
        @Schema(description = "Sectoral scope numbers of its accreditation, ascending") List<Integer> sectoralScopes,
        @Schema(description = "Host Parties (alpha-3) of its accreditation, ascending") List<String> hostParties,
        @Schema(description = "ACTIVE or SUSPENDED") String status) {
}
