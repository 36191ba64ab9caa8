package org.jcm.registry.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;

/** Authorizes units as Article 6.2 ITMOs (AEF table 2), version 1. */
@Schema(description = "An Article 6.2 authorization by the host Party's government; units by issuanceId or serialRanges")
public record AuthorizationRequest(
        @Schema(description = "The Party's own reference", example = "MNG-AUTH-2025-001", required = true) String authorizationId,
        @Schema(description = "The authorizing (host) Party, alpha-3", example = "MNG", required = true) String party,
        @Schema(description = "The Party's cooperative approach", example = "CA0001", required = true) String cooperativeApproachId,
        @Schema(description = "NDC, OIMP or NDC_AND_OIMP", example = "NDC", required = true) AuthorizationPurpose purpose,
        @Schema(description = "The OIMP, for OIMP purposes", example = "CORSIA") String oimp,
        @Schema(description = "For OIMP purposes: AUTHORIZATION, ISSUANCE or USE_OR_CANCELLATION") OimpFirstTransfer firstTransferDefinition,
        @Schema(description = "Cap on the units of all versions", example = "50000") Long authorizedQuantity,
        @Schema(description = "Allowed vintages; empty or absent means any", example = "[2024, 2025]") List<Integer> vintages,
        @Schema(description = "Authorized entities", example = "[\"Example Airline\"]") List<String> authorizedEntities,
        @Schema(description = "All units of this issuance", example = "MN001-2024-01") String issuanceId,
        @Schema(description = "Or exactly these units", example = "[\"JCM-MN001-2024-1-5000\"]") List<String> serialRanges) {

    public AuthorizeUnits toCommand() {
        AuthorizationId id = Fields.parse("authorizationId", authorizationId, AuthorizationId::parse);
        PartyCode code = Fields.parse("party", party, PartyCode::parse);
        CooperativeApproachId ca = Fields.parse("cooperativeApproachId", cooperativeApproachId, CooperativeApproachId::parse);
        Fields.required("purpose", purpose);
        var cap = authorizedQuantity == null ? java.util.Optional.<org.jcm.ledger.serial.Quantity>empty()
                : java.util.Optional.of(Fields.quantity("authorizedQuantity", authorizedQuantity));
        List<Vintage> years = vintages("vintages", vintages);
        var issuance = Fields.optional("issuanceId", issuanceId, IssuanceId::parse);
        var serials = Fields.serialRanges("serialRanges", serialRanges);
        return Fields.shape(() -> new AuthorizeUnits(id, code, ca, purpose, java.util.Optional.ofNullable(oimp),
                java.util.Optional.ofNullable(firstTransferDefinition), cap, years,
                authorizedEntities == null ? List.of() : authorizedEntities, issuance, serials));
    }

    static List<Vintage> vintages(String field, List<Integer> years) {
        List<Vintage> list = new ArrayList<>();
        if (years != null) {
            for (int i = 0; i < years.size(); i++) {
                Integer year = Fields.required(field + "[" + i + "]", years.get(i));
                list.add(Fields.parse(field + "[" + i + "]", year.toString(), text -> Vintage.of(Integer.parseInt(text))));
            }
        }
        return list;
    }
}
