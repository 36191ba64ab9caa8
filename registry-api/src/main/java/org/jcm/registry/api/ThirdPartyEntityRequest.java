package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.AccreditThirdPartyEntity;
import org.jcm.ledger.command.UpdateThirdPartyEntity;
import org.jcm.ledger.id.AccreditationStatus;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.id.ThirdPartyEntityId;

/**
 * A third-party entity as the operator accredits it ({@code POST /third-party-entities}, with its
 * id) or replaces its record ({@code PUT /third-party-entities/{id}}; an id in the body must be the
 * path's).
 */
@Schema(description = "A third-party entity (validator and verifier) and its accreditation")
public record ThirdPartyEntityRequest(
        @Schema(description = "TPE- and 4 digits (POST; in PUT optional and equal to the path's)", example = "TPE-0001") String id,
        @Schema(description = "Name, 1 to 200 characters", example = "Example Verification Ltd.", required = true) String name,
        @Schema(description = "Sectoral scope numbers of the accreditation (1 to 15 of them)", example = "[1, 3]",
                required = true) java.util.List<Integer> sectoralScopes,
        @Schema(description = "Host Parties (alpha-3) of the accreditation, 1 to 200", example = "[\"MNG\"]", required = true)
        java.util.List<String> hostParties,
        @Schema(description = "ACTIVE or SUSPENDED", example = "ACTIVE", required = true) String status) {

    /** The command of {@code POST /third-party-entities}. */
    public AccreditThirdPartyEntity toAccredit() {
        return new AccreditThirdPartyEntity(entity(Fields.parse("id", id, ThirdPartyEntityId::parse)));
    }

    /** The command of {@code PUT /third-party-entities/{id}}. */
    public UpdateThirdPartyEntity toUpdate(String pathId) {
        ThirdPartyEntityId path = Fields.parse("id", pathId, ThirdPartyEntityId::parse);
        if (id != null && !id.equals(path.value())) {
            throw Fields.invalid("id", "must be the id of the path (" + path.value() + ") or absent.");
        }
        return new UpdateThirdPartyEntity(entity(path));
    }

    private ThirdPartyEntity entity(ThirdPartyEntityId entity) {
        Fields.required("name", name);
        var scopes = CycleFields.scopes("sectoralScopes", Fields.required("sectoralScopes", sectoralScopes));
        var hosts = CycleFields.parties("hostParties", Fields.required("hostParties", hostParties));
        AccreditationStatus s = CycleFields.enumValue("status", status, AccreditationStatus.class);
        return Fields.shape(() -> new ThirdPartyEntity(entity, name, scopes, hosts, s));
    }
}
