package org.jcm.registry.api;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.id.AccountId;

/** Moves units to the registry's cancellation account, for good. */
@Schema(description = "A cancellation: units leave a holding account for the registry's cancellation account, for good")
public record CancellationRequest(
        @Schema(description = "Source holding account", example = "JPN01-H00002", required = true) String fromAccountId,
        @Schema(description = "Units, tonnes CO2e", example = "100", required = true) Long quantity,
        @Schema(description = "Exact units as block serials", example = "[\"JCM-MN001-2024-1001-1100\"]") List<String> serialRanges,
        @Schema(description = "Which units to select; not together with serialRanges") UnitFilterRequest filter,
        @Schema(description = "VOLUNTARY, OMGE or CORRECTION (CORRECTION also by the registry administrator)",
                example = "VOLUNTARY", required = true) CancellationReason reason,
        @Schema(description = "Free text, up to 1,000 characters") String note) {

    public CancelCredits toCommand() {
        AccountId from = Fields.parse("fromAccountId", fromAccountId, AccountId::parse);
        var units = Fields.quantity("quantity", quantity);
        var serials = Fields.serialRanges("serialRanges", serialRanges);
        var unitFilter = filter == null ? Optional.<org.jcm.ledger.command.UnitFilter>empty() : Optional.of(filter.toFilter("filter"));
        Fields.required("reason", reason);
        return Fields.shape(() -> new CancelCredits(from, units, serials, unitFilter, reason, Optional.ofNullable(note)));
    }
}
