package org.jcm.registry.api;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;

/** A new version of an authorization: present values replace the old ones; units may be added. */
@Schema(description = "Changes to an authorization, making a new version; absent fields keep their value")
public record AmendmentRequest(
        @Schema(description = "New cap", example = "60000") Long authorizedQuantity,
        @Schema(description = "New allowed vintages (empty: any)", example = "[2024, 2025, 2026]") List<Integer> vintages,
        @Schema(description = "New authorized entities") List<String> authorizedEntities,
        @Schema(description = "Add all units of this issuance") String issuanceId,
        @Schema(description = "Or add exactly these units") List<String> serialRanges,
        @Schema(description = "Why, up to 1,000 characters") String reason) {

    public AmendAuthorization toCommand(String authorizationId) {
        AuthorizationId id = Fields.parse("authorizationId", authorizationId, AuthorizationId::parse);
        var cap = authorizedQuantity == null ? Optional.<org.jcm.ledger.serial.Quantity>empty()
                : Optional.of(Fields.quantity("authorizedQuantity", authorizedQuantity));
        var years = vintages == null ? Optional.<List<org.jcm.ledger.id.Vintage>>empty()
                : Optional.of(AuthorizationRequest.vintages("vintages", vintages));
        var issuance = Fields.optional("issuanceId", issuanceId, IssuanceId::parse);
        var serials = Fields.serialRanges("serialRanges", serialRanges);
        return Fields.shape(() -> new AmendAuthorization(id, cap, years, Optional.ofNullable(authorizedEntities), issuance,
                serials, Optional.ofNullable(reason)));
    }
}
