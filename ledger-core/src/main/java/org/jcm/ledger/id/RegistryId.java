package org.jcm.ledger.id;

/** A registry: its Party's alpha-3 code plus two digits, e.g. {@code JPN01}, {@code MNG01}. */
public record RegistryId(String value) implements Comparable<RegistryId> {

    public RegistryId {
        Checks.notNull("RegistryId", value);
        if (value.length() != 5 || !Checks.upperRun(value, 0, 3) || !Checks.digitRun(value, 3, 5)) {
            throw new InvalidValueException("RegistryId", value, "must be a Party alpha-3 code and 2 digits, e.g. JPN01");
        }
    }

    public static RegistryId parse(String text) {
        return new RegistryId(text);
    }

    /** The Party that runs this registry. */
    public PartyCode party() {
        return new PartyCode(value.substring(0, 3));
    }

    @Override
    public int compareTo(RegistryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
