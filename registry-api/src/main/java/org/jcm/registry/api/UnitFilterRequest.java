package org.jcm.registry.api;

import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.UnitFilter;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;

/** Restricts which units are selected: by project, vintage and Article 6 label; an absent field means any. */
@Schema(description = "Restricts which units of the source account are taken; absent fields match anything.")
public record UnitFilterRequest(
        @Schema(description = "JCM project id", example = "MN001") String projectId,
        @Schema(description = "Vintage year", example = "2024") Integer vintage,
        @Schema(description = "Article 6 label: NONE, AUTHORIZED or CA_APPLIED", example = "NONE") Label label) {

    UnitFilter toFilter(String field) {
        Optional<Vintage> year = Optional.empty();
        if (vintage != null) {
            year = Optional.of(Fields.parse(field + ".vintage", vintage.toString(), text -> Vintage.of(Integer.parseInt(text))));
        }
        return new UnitFilter(Fields.optional(field + ".projectId", projectId, ProjectId::parse), year,
                Optional.ofNullable(label));
    }
}
