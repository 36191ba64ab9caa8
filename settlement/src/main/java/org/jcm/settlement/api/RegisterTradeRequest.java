package org.jcm.settlement.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.serial.Quantity;
import org.jcm.settlement.trade.Instrument;

/**
 * The body of {@code POST /api/v1/trades}: an executed trade that an exchange registers for
 * delivery versus payment. Field rules are ledger-core's: the venue, trade id, price (a decimal
 * string, positive, at most 6 decimal places) and currency obey the same rules as a transfer's
 * trade, so that the transfer that delivers it can name it.
 */
public record RegisterTradeRequest(String tradeId, String venue, String sellerAccountId, String buyerAccountId,
                                   String instrument, Long quantity, String pricePerTonne, String currency,
                                   String deliverBy) {

    /** Checks every field; a failure names the field. */
    public RegisterTradeRequest {
        required("tradeId", tradeId);
        required("venue", venue);
        required("sellerAccountId", sellerAccountId);
        required("buyerAccountId", buyerAccountId);
        required("instrument", instrument);
        required("pricePerTonne", pricePerTonne);
        required("currency", currency);
        required("deliverBy", deliverBy);
        if (quantity == null) {
            throw new InvalidValueException("quantity", null, "is required");
        }
        new Trade(tradeId, venue, price(pricePerTonne), currency);
        AccountId seller = AccountId.parse(sellerAccountId);
        AccountId buyer = AccountId.parse(buyerAccountId);
        if (seller.equals(buyer)) {
            throw new InvalidValueException("buyerAccountId", buyerAccountId, "must differ from sellerAccountId");
        }
        Instrument.parse(instrument);
        Quantity.of(quantity);
        deadline(deliverBy);
    }

    /** The price as a decimal. */
    public BigDecimal price() {
        return price(pricePerTonne);
    }

    /** The deadline as an instant. */
    public Instant deadline() {
        return deadline(deliverBy);
    }

    /** The instrument. */
    public Instrument parsedInstrument() {
        return Instrument.parse(instrument);
    }

    /** A canonical text of the request, whose hash tells a retry from another request under the same key. */
    public String canonical() {
        return String.join("\n", tradeId, venue, sellerAccountId, buyerAccountId, instrument, Long.toString(quantity),
                price().toPlainString(), currency, deadline().toString());
    }

    private static void required(String field, String value) {
        if (value == null) {
            throw new InvalidValueException(field, null, "is required");
        }
    }

    private static BigDecimal price(String text) {
        // Only plain decimal strings: "1250.50", never "1.2505E3".
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c == '.' && i > 0 && i < text.length() - 1)) {
                throw new InvalidValueException("pricePerTonne", text, "must be a plain decimal string such as \"1250.50\"");
            }
        }
        if (text.isEmpty() || text.indexOf('.') != text.lastIndexOf('.')) {
            throw new InvalidValueException("pricePerTonne", text, "must be a plain decimal string such as \"1250.50\"");
        }
        return new BigDecimal(text);
    }

    private static Instant deadline(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("deliverBy", text, "must be an RFC 3339 time such as 2025-04-01T09:30:00Z");
        }
    }
}
