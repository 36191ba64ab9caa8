package org.jcm.registry.api;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.id.AccountId;

/** Moves units between holding accounts. */
@Schema(description = "A transfer between holding accounts: the first units in selection order (vintage, project, "
        + "first unit) matching the filter, or the named serial ranges")
public record TransferRequest(
        @Schema(description = "Source holding account (the token's organization's)", example = "MNG01-H00001", required = true)
        String fromAccountId,
        @Schema(description = "Destination holding account, in any hosted registry", example = "JPN01-H00002", required = true)
        String toAccountId,
        @Schema(description = "Units, tonnes CO2e, 1 to 2^53 - 1", example = "250", required = true) Long quantity,
        @Schema(description = "Exact units as block serials (at most 1,000, not overlapping); their sizes add up to quantity",
                example = "[\"JCM-MN001-2024-1001-1250\"]") List<String> serialRanges,
        @Schema(description = "Which units to select; not together with serialRanges") UnitFilterRequest filter,
        @Schema(description = "The trade this transfer delivers") TradeRequest trade,
        @Schema(description = "Free text, up to 1,000 characters", example = "Delivery for contract 17") String memo) {

    public TransferCredits toCommand() {
        return toCommand("");
    }

    /** The command, naming fields under {@code prefix} (e.g. {@code items[3].}) in errors. */
    public TransferCredits toCommand(String prefix) {
        AccountId from = Fields.parse(prefix + "fromAccountId", fromAccountId, AccountId::parse);
        AccountId to = Fields.parse(prefix + "toAccountId", toAccountId, AccountId::parse);
        var units = Fields.quantity(prefix + "quantity", quantity);
        var serials = Fields.serialRanges(prefix + "serialRanges", serialRanges);
        var unitFilter = filter == null ? Optional.<org.jcm.ledger.command.UnitFilter>empty()
                : Optional.of(filter.toFilter(prefix + "filter"));
        var deal = trade == null ? Optional.<org.jcm.ledger.command.Trade>empty() : Optional.of(trade.toTrade(prefix + "trade"));
        return Fields.shape(() -> new TransferCredits(from, to, units, serials, unitFilter, deal, Optional.ofNullable(memo)));
    }
}
