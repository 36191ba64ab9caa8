package org.jcm.ledger.serial;

import org.jcm.ledger.id.InvalidValueException;

/**
 * A positive whole number of credits (tonnes CO2e), at most 2^53 - 1 so it is exact in JSON and
 * in RFC 8785 canonical form.
 */
public record Quantity(long tonnes) implements Comparable<Quantity> {

    /** 2^53 - 1: the largest quantity and the largest unit number. */
    public static final long MAX = (1L << 53) - 1;

    public Quantity {
        if (tonnes < 1 || tonnes > MAX) {
            throw new InvalidValueException("Quantity", Long.toString(tonnes), "must be from 1 to 2^53 - 1");
        }
    }

    public static Quantity of(long tonnes) {
        return new Quantity(tonnes);
    }

    public static Quantity parse(String text) {
        if (text == null) {
            throw new InvalidValueException("Quantity", null, "must not be null");
        }
        return new Quantity(org.jcm.ledger.id.Checks.parseUnsignedLong("Quantity", text, text));
    }

    @Override
    public int compareTo(Quantity other) {
        return Long.compare(tonnes, other.tonnes);
    }

    @Override
    public String toString() {
        return Long.toString(tonnes);
    }
}
