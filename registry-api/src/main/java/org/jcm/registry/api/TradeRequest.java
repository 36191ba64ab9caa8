package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.Trade;

/** The priced agreement a transfer delivers. */
@Schema(description = "The trade this transfer delivers (optional)")
public record TradeRequest(
        @Schema(description = "The venue's trade id", example = "T-20250401-0001", required = true) String tradeId,
        @Schema(description = "Exchange code, 2 to 16 upper-case letters or digits", example = "JPX", required = true) String venue,
        @Schema(description = "Price per tonne as a decimal string, at most 6 decimal places", example = "1250.50", required = true)
        String pricePerTonne,
        @Schema(description = "ISO 4217 currency", example = "JPY", required = true) String currency) {

    Trade toTrade(String field) {
        Fields.required(field + ".tradeId", tradeId);
        Fields.required(field + ".venue", venue);
        Fields.required(field + ".currency", currency);
        var price = Fields.decimal(field + ".pricePerTonne", pricePerTonne);
        return Fields.shape(field, () -> new Trade(tradeId, venue, price, currency));
    }
}
