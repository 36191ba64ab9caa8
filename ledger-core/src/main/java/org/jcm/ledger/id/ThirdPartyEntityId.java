package org.jcm.ledger.id;

/**
 * A third-party entity (validator and verifier): {@code TPE-} and exactly 4 digits, e.g.
 * {@code TPE-0001}. It is the scope of the {@code third-party-entity} role's tokens.
 */
public record ThirdPartyEntityId(String value) implements Comparable<ThirdPartyEntityId> {

    public ThirdPartyEntityId {
        Checks.notNull("ThirdPartyEntityId", value);
        if (value.length() != 8 || !value.startsWith("TPE-") || !Checks.digitRun(value, 4, 8)) {
            throw new InvalidValueException("ThirdPartyEntityId", value, "must be 'TPE-' and 4 digits, e.g. TPE-0001");
        }
    }

    public static ThirdPartyEntityId parse(String text) {
        return new ThirdPartyEntityId(text);
    }

    @Override
    public int compareTo(ThirdPartyEntityId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
