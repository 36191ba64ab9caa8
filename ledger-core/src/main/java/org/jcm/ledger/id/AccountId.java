package org.jcm.ledger.id;

/**
 * An account: a holding account {@code {registryId}-H{n}} (n at least 5 digits, e.g.
 * {@code JPN01-H00001}), or a registry's terminal account {@code {registryId}-CANCELLATION} /
 * {@code {registryId}-RETIREMENT}.
 */
public record AccountId(String value) implements Comparable<AccountId> {

    private static final String CANCELLATION = "-CANCELLATION";
    private static final String RETIREMENT = "-RETIREMENT";

    public AccountId {
        Checks.notNull("AccountId", value);
        if (value.length() < 6) {
            throw new InvalidValueException("AccountId", value, "is too short");
        }
        try {
            new RegistryId(value.substring(0, 5));
        } catch (InvalidValueException e) {
            throw new InvalidValueException("AccountId", value, "must start with a registry id, e.g. JPN01");
        }
        String rest = value.substring(5);
        boolean holding = rest.length() >= 7 && rest.length() <= 18 && rest.charAt(0) == '-' && rest.charAt(1) == 'H'
                && Checks.digitRun(rest, 2, rest.length()) && Long.parseLong(rest.substring(2)) >= 1;
        if (!holding && !rest.equals(CANCELLATION) && !rest.equals(RETIREMENT)) {
            throw new InvalidValueException("AccountId", value,
                    "must be {registryId}-H and at least 5 digits (from 1), {registryId}-CANCELLATION or {registryId}-RETIREMENT");
        }
    }

    public static AccountId parse(String text) {
        return new AccountId(text);
    }

    /** The n-th holding account of a registry. */
    public static AccountId holding(RegistryId registry, long number) {
        return new AccountId(registry.value() + "-H" + OrganizationId.pad(number, 5));
    }

    public static AccountId cancellation(RegistryId registry) {
        return new AccountId(registry.value() + CANCELLATION);
    }

    public static AccountId retirement(RegistryId registry) {
        return new AccountId(registry.value() + RETIREMENT);
    }

    public RegistryId registryId() {
        return new RegistryId(value.substring(0, 5));
    }

    /** The account type this id's format implies. */
    public AccountType type() {
        if (value.endsWith(CANCELLATION)) {
            return AccountType.CANCELLATION;
        }
        return value.endsWith(RETIREMENT) ? AccountType.RETIREMENT : AccountType.HOLDING;
    }

    /** The number of a holding account; 0 for terminal accounts. */
    public long number() {
        return type() == AccountType.HOLDING ? Long.parseLong(value.substring(7)) : 0;
    }

    @Override
    public int compareTo(AccountId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
