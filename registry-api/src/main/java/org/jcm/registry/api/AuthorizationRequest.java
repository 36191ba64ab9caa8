package org.jcm.registry.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;

/** A Party's government authorizes units of its host projects as Article 6.2 ITMOs (AEF table 2, version 1). */
@Schema(description = "An Article 6.2 authorization by the government of the host Party: units named by issuanceId or "
        + "serialRanges (exactly one), purposes, the OIMP and its first-transfer definition, an optional cap")
public record AuthorizationRequest(
        @Schema(description = "The Party's own reference, 1 to 64 of A-Z a-z 0-9 . _ / -", example = "MNG-AUTH-2025-001",
                required = true) String authorizationId,
        @Schema(description = "The authorizing Party (alpha-3), the token's own", example = "MNG", required = true) String party,
        @Schema(description = "The Party's cooperative approach", example = "CA0001", required = true) String cooperativeApproachId,
        @Schema(description = "NDC, OIMP or NDC_AND_OIMP", example = "NDC", required = true) AuthorizationPurpose purpose,
        @Schema(description = "For OIMP purposes: which OIMP", example = "CORSIA") String oimp,
        @Schema(description = "For OIMP purposes: AUTHORIZATION, ISSUANCE or USE_OR_CANCELLATION", example = "ISSUANCE")
        OimpFirstTransfer firstTransferDefinition,
        @Schema(description = "Cap on the units of all versions, tonnes CO2e", example = "5000") Long authorizedQuantity,
        @Schema(description = "Vintages allowed; absent or empty means any", example = "[2024]") List<Integer> vintages,
        @Schema(description = "Entities authorized to use or transfer the units", example = "[\"Ulaanbaatar Solar LLC\"]")
        List<String> authorizedEntities,
        @Schema(description = "All units of this issuance", example = "MN001-2024-01") String issuanceId,
        @Schema(description = "Or these units, as block serials", example = "[\"JCM-MN001-2024-1-500\"]") List<String> serialRanges) {

    public AuthorizeUnits toCommand() {
        AuthorizationId id = Fields.parse("authorizationId", authorizationId, AuthorizationId::parse);
        PartyCode code = Fields.parse("party", party, PartyCode::parse);
        CooperativeApproachId ca = Fields.parse("cooperativeApproachId", cooperativeApproachId, CooperativeApproachId::parse);
        Fields.required("purpose", purpose);
        Optional<Quantity> capQuantity = authorizedQuantity == null ? Optional.empty()
                : Optional.of(Fields.quantity("authorizedQuantity", authorizedQuantity));
        var years = vintages("vintages", vintages);
        var issuance = Fields.optional("issuanceId", issuanceId, IssuanceId::parse);
        var serials = Fields.serialRanges("serialRanges", serialRanges);
        return Fields.shape(() -> new AuthorizeUnits(id, code, ca, purpose, Optional.ofNullable(oimp),
                Optional.ofNullable(firstTransferDefinition), capQuantity, years,
                authorizedEntities == null ? List.of() : authorizedEntities, issuance, serials));
    }

    /** Vintage years, each checked (2013 to 2100); null is none. */
    static List<Vintage> vintages(String field, List<Integer> years) {
        if (years == null) {
            return List.of();
        }
        List<Vintage> list = new ArrayList<>(years.size());
        for (int i = 0; i < years.size(); i++) {
            Integer year = years.get(i);
            list.add(Fields.parse(field + "[" + i + "]", year == null ? null : year.toString(),
                    text -> Vintage.of(Integer.parseInt(text))));
        }
        return list;
    }
}
