package org.jcm.registry.api;

import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.RegisterMethodology;
import org.jcm.ledger.command.UpdateMethodology;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.MethodologyStatus;
import org.jcm.ledger.id.PartyCode;

/**
 * A methodology as the JC secretariat of its host records it ({@code POST /methodologies}, with its
 * id) or replaces it ({@code PUT /methodologies/{id}}, the id in the path; an id in the body must
 * be the same).
 */
@Schema(description = "A methodology adopted by the Joint Committee of its host: its whole record")
public record MethodologyRequest(
        @Schema(description = "Methodology id: the host's alpha-2, _AM and 3 digits (POST; in PUT optional and equal to "
                + "the path's)", example = "MY_AM001") String id,
        @Schema(description = "Host Party, ISO 3166 alpha-3", example = "MYS", required = true) String hostParty,
        @Schema(description = "Title, 1 to 200 characters", example = "Energy saving by high-efficiency chillers",
                required = true) String title,
        @Schema(description = "UNFCCC sectoral scope number, 1 to 15", example = "3", required = true) Integer sectoralScope,
        @Schema(description = "Version, 1 to 999", example = "1", required = true) Integer version,
        @Schema(description = "DRAFT, APPROVED, SUSPENDED or WITHDRAWN", example = "APPROVED", required = true) String status,
        @Schema(description = "Longest monitoring period it allows, in days (1 to 36600); absent: any length",
                example = "366") Integer maxMonitoringDays,
        @Schema(description = "Whether the entity that validated a project may also verify it (default false)")
        Boolean sameEntityMayVerify) {

    /** The command of {@code POST /methodologies}. */
    public RegisterMethodology toRegister() {
        return new RegisterMethodology(methodology(Fields.parse("id", id, MethodologyId::parse)));
    }

    /** The command of {@code PUT /methodologies/{id}}. */
    public UpdateMethodology toUpdate(String pathId) {
        MethodologyId path = Fields.parse("id", pathId, MethodologyId::parse);
        if (id != null && !id.equals(path.value())) {
            throw Fields.invalid("id", "must be the id of the path (" + path.value() + ") or absent.");
        }
        return new UpdateMethodology(methodology(path));
    }

    private Methodology methodology(MethodologyId methodology) {
        PartyCode host = Fields.parse("hostParty", hostParty, PartyCode::parse);
        Fields.required("title", title);
        var scope = CycleFields.scope("sectoralScope", sectoralScope);
        int v = Fields.required("version", version);
        MethodologyStatus s = CycleFields.enumValue("status", status, MethodologyStatus.class);
        boolean same = sameEntityMayVerify != null && sameEntityMayVerify;
        return Fields.shape(() -> new Methodology(methodology, host, title, scope, v, s,
                Optional.ofNullable(maxMonitoringDays), same));
    }
}
