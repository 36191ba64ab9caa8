package org.jcm.settlement.trade;

import java.util.Objects;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;

/**
 * A fungible class of credits (docs/domain.md section 6): host Party, vintage and Article 6 label,
 * written {@code JCM-{host}-{vintage}-{label}}, for example {@code JCM-MNG-2024-AUTHORIZED}.
 */
public record Instrument(PartyCode hostParty, Vintage vintage, Label label) {

    private static final String PREFIX = "JCM-";

    /** Checks that every part is present. */
    public Instrument {
        Objects.requireNonNull(hostParty, "hostParty");
        Objects.requireNonNull(vintage, "vintage");
        Objects.requireNonNull(label, "label");
    }

    /** Reads {@code JCM-MNG-2024-AUTHORIZED}; throws {@link InvalidValueException} for anything else. */
    public static Instrument parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw invalid(text);
        }
        String[] parts = text.substring(PREFIX.length()).split("-", -1);
        if (parts.length != 3) {
            throw invalid(text);
        }
        try {
            PartyCode host = new PartyCode(parts[0]);
            Vintage vintage = Vintage.parse(parts[1]);
            Label label = Label.valueOf(parts[2]);
            return new Instrument(host, vintage, label);
        } catch (IllegalArgumentException e) {
            // InvalidValueException is one; the label's valueOf throws the plain kind.
            throw invalid(text);
        }
    }

    private static InvalidValueException invalid(String text) {
        return new InvalidValueException("instrument", text,
                "must be JCM-{host Party alpha-3}-{vintage}-{NONE|AUTHORIZED|CA_APPLIED}, e.g. JCM-MNG-2024-AUTHORIZED");
    }

    /** The instrument code, for example {@code JCM-MNG-2024-AUTHORIZED}. */
    public String code() {
        return PREFIX + hostParty.value() + "-" + vintage.year() + "-" + label.name();
    }

    @Override
    public String toString() {
        return code();
    }
}
