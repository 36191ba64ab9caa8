package org.jcm.ledger.id;

/** A Party (country or region) by its ISO 3166 alpha-3 code, e.g. {@code MNG}; Japan is {@code JPN}. */
public record PartyCode(String value) implements Comparable<PartyCode> {

    /** Japan, the one Party the ledger knows by name: it is on the other side of every partnership. */
    public static final PartyCode JAPAN = new PartyCode("JPN");

    public PartyCode {
        Checks.notNull("PartyCode", value);
        if (value.length() != 3 || !Checks.upperRun(value, 0, 3)) {
            throw new InvalidValueException("PartyCode", value, "must be 3 upper-case letters (ISO 3166 alpha-3)");
        }
    }

    public static PartyCode parse(String text) {
        return new PartyCode(text);
    }

    public boolean isJapan() {
        return value.equals("JPN");
    }

    @Override
    public int compareTo(PartyCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
