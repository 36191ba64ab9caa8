package org.jcm.registry.api;

import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.id.Financing;
import org.jcm.ledger.id.FinancingKind;

/** How a project is financed, as its Project Idea Note states it. */
@Schema(description = "How the project is financed: government-financed (programme and agency) or private, and Japan's "
        + "share of the financing, which the Joint Committee's allocation to the Japanese government follows")
public record FinancingRequest(
        @Schema(description = "GOVERNMENT_FINANCED or PRIVATE", example = "GOVERNMENT_FINANCED", required = true) String kind,
        @Schema(description = "The supporting programme (government-financed only), 1 to 200 characters",
                example = "JCM Model Projects") String programme,
        @Schema(description = "The agency (government-financed only), 1 to 200 characters",
                example = "Ministry of the Environment, Japan") String agency,
        @Schema(description = "Japan's share of the financing in basis points, 0 to 10000", example = "5000", required = true)
        Integer japanShareBasisPoints) {

    /** The ledger's value; 400 {@code invalid_field} when a member is missing or they do not agree. */
    public Financing toFinancing(String field) {
        FinancingKind k = CycleFields.enumValue(field + ".kind", kind, FinancingKind.class);
        int share = Fields.required(field + ".japanShareBasisPoints", japanShareBasisPoints);
        return Fields.shape(() -> new Financing(k, Optional.ofNullable(programme), Optional.ofNullable(agency), share));
    }
}
