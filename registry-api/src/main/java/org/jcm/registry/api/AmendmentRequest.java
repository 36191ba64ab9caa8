package org.jcm.registry.api;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;

/** A new version of an authorization: present fields replace the old terms; units may be added. */
@Schema(description = "An amendment, which makes the next version of the authorization. Present fields replace the "
        + "current terms (an empty vintages list means any vintage); absent ones keep them. Units may be added by "
        + "issuanceId or serialRanges. Purpose and OIMP terms are fixed for the life of an authorization.")
public record AmendmentRequest(
        @Schema(description = "New cap on the units of all versions", example = "8000") Long authorizedQuantity,
        @Schema(description = "New vintages allowed; empty means any", example = "[2024, 2025]") List<Integer> vintages,
        @Schema(description = "New list of authorized entities") List<String> authorizedEntities,
        @Schema(description = "Add all units of this issuance", example = "MN001-2025-01") String issuanceId,
        @Schema(description = "Or add these units", example = "[\"JCM-MN001-2024-501-800\"]") List<String> serialRanges,
        @Schema(description = "Why, up to 1,000 characters", example = "Second tranche") String reason) {

    public AmendAuthorization toCommand(AuthorizationId id) {
        Optional<Quantity> cap = authorizedQuantity == null ? Optional.empty()
                : Optional.of(Fields.quantity("authorizedQuantity", authorizedQuantity));
        Optional<List<Vintage>> years = vintages == null ? Optional.empty()
                : Optional.of(AuthorizationRequest.vintages("vintages", vintages));
        var issuance = Fields.optional("issuanceId", issuanceId, IssuanceId::parse);
        var serials = Fields.serialRanges("serialRanges", serialRanges);
        return Fields.shape(() -> new AmendAuthorization(id, cap, years, Optional.ofNullable(authorizedEntities), issuance,
                serials, Optional.ofNullable(reason)));
    }
}
