package org.jcm.ledger.serial;

import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;

/**
 * The Article 6.2 unique identifier of one unit (decision 6/CMA.4):
 * {@code {cooperativeApproachId}-{issuingRegistryId}-{hostParty}-{unit}-{vintage}}, e.g.
 * {@code CA0012-MNG01-MNG-1001-2024}; it matches {@code CA\d{4}-[A-Z]{3}\d{2}-[A-Z]{3}-[1-9]\d*-\d{4}}.
 */
public record ItmoId(CooperativeApproachId cooperativeApproachId, RegistryId issuingRegistryId, PartyCode hostParty,
                     long unit, Vintage vintage) {

    public ItmoId {
        Objects.requireNonNull(cooperativeApproachId, "cooperativeApproachId");
        Objects.requireNonNull(issuingRegistryId, "issuingRegistryId");
        Objects.requireNonNull(hostParty, "hostParty");
        Objects.requireNonNull(vintage, "vintage");
        if (unit < 1 || unit > Quantity.MAX) {
            throw new InvalidValueException("ItmoId", Long.toString(unit), "unit must be from 1 to 2^53 - 1");
        }
    }

    public static ItmoId parse(String text) {
        Checks.notNull("ItmoId", text);
        // CA0012 (6) - MNG01 (5) - MNG (3) - unit - 2024 (4)
        int n = text.length();
        if (n < 23 || text.charAt(6) != '-' || text.charAt(12) != '-' || text.charAt(16) != '-' || text.charAt(n - 5) != '-') {
            throw new InvalidValueException("ItmoId", text,
                    "must be {caId}-{registryId}-{hostParty}-{unit}-{vintage}, e.g. CA0012-MNG01-MNG-1001-2024");
        }
        if (!Checks.digitRun(text, n - 4, n)) {
            throw new InvalidValueException("ItmoId", text, "must end with a 4-digit vintage");
        }
        String unitText = text.substring(17, n - 5);
        if (unitText.isEmpty() || unitText.charAt(0) == '0') {
            throw new InvalidValueException("ItmoId", text, "unit must be a number from 1 without leading zeros");
        }
        try {
            return new ItmoId(CooperativeApproachId.parse(text.substring(0, 6)), RegistryId.parse(text.substring(7, 12)),
                    PartyCode.parse(text.substring(13, 16)), Checks.parseUnsignedLong("ItmoId", text, unitText),
                    Vintage.parse(text.substring(n - 4)));
        } catch (InvalidValueException e) {
            throw new InvalidValueException("ItmoId", text, e.reason());
        }
    }

    public String format() {
        return cooperativeApproachId.value() + "-" + issuingRegistryId.value() + "-" + hostParty.value() + "-" + unit + "-"
                + vintage.year();
    }

    @Override
    public String toString() {
        return format();
    }
}
