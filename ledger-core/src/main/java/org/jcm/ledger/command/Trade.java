package org.jcm.ledger.command;

import java.math.BigDecimal;
import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.InvalidValueException;

/**
 * The priced agreement a transfer delivers: trade id and venue (exchange code), price per tonne
 * (positive, at most 6 decimal places and 18 significant digits; recorded as a plain decimal
 * string with the scale given) and ISO 4217 currency.
 */
public record Trade(String tradeId, String venue, BigDecimal pricePerTonne, String currency) {

    public static final int MAX_PRICE_SCALE = 6;
    public static final int MAX_PRICE_PRECISION = 18;

    public Trade {
        Checks.reference("tradeId", tradeId, 64, "._:/-");
        Checks.notNull("venue", venue);
        if (venue.length() < 2 || venue.length() > 16) {
            throw new InvalidValueException("venue", venue, "must be 2 to 16 upper-case letters or digits");
        }
        for (int i = 0; i < venue.length(); i++) {
            if (!Checks.isUpper(venue.charAt(i)) && !Checks.isDigit(venue.charAt(i))) {
                throw new InvalidValueException("venue", venue, "must be 2 to 16 upper-case letters or digits");
            }
        }
        Objects.requireNonNull(pricePerTonne, "pricePerTonne");
        if (pricePerTonne.signum() <= 0 || pricePerTonne.scale() < 0 || pricePerTonne.scale() > MAX_PRICE_SCALE
                || pricePerTonne.precision() > MAX_PRICE_PRECISION) {
            throw new InvalidValueException("pricePerTonne", pricePerTonne.toPlainString(),
                    "must be positive with 0 to 6 decimal places and at most 18 digits");
        }
        Checks.notNull("currency", currency);
        if (currency.length() != 3 || !Checks.upperRun(currency, 0, 3)) {
            throw new InvalidValueException("currency", currency, "must be an ISO 4217 code of 3 upper-case letters");
        }
    }
}
