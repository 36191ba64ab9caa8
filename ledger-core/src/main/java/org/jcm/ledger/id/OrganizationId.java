package org.jcm.ledger.id;

/** A legal entity known to a registry: {@code {registryId}-O{n}}, n at least 4 digits, e.g. {@code JPN01-O0001}. */
public record OrganizationId(String value) implements Comparable<OrganizationId> {

    public OrganizationId {
        Checks.notNull("OrganizationId", value);
        if (value.length() < 11 || value.length() > 22 || value.charAt(5) != '-' || value.charAt(6) != 'O'
                || !Checks.digitRun(value, 7, value.length())) {
            throw new InvalidValueException("OrganizationId", value, "must be a registry id, '-O' and at least 4 digits, e.g. JPN01-O0001");
        }
        new RegistryId(value.substring(0, 5));
        if (Long.parseLong(value.substring(7)) < 1) {
            throw new InvalidValueException("OrganizationId", value, "number must be at least 1");
        }
    }

    public static OrganizationId parse(String text) {
        return new OrganizationId(text);
    }

    /** The n-th organization of a registry. */
    public static OrganizationId of(RegistryId registry, long number) {
        return new OrganizationId(registry.value() + "-O" + pad(number, 4));
    }

    public RegistryId registryId() {
        return new RegistryId(value.substring(0, 5));
    }

    public long number() {
        return Long.parseLong(value.substring(7));
    }

    static String pad(long number, int width) {
        String digits = Long.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    @Override
    public int compareTo(OrganizationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
