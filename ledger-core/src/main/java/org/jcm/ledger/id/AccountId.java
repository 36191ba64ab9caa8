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
        // Checked in place, without substrings: replay constructs two account ids per transfer.
        if (!Checks.upperRun(value, 0, 3) || !Checks.digitRun(value, 3, 5)) {
            throw new InvalidValueException("AccountId", value, "must start with a registry id, e.g. JPN01");
        }
        int restLength = value.length() - 5;
        boolean holding = restLength >= 7 && restLength <= 18 && value.charAt(5) == '-' && value.charAt(6) == 'H'
                && Checks.digitRun(value, 7, value.length()) && !allZeros(value, 7);
        if (!holding && !isSuffix(value, CANCELLATION) && !isSuffix(value, RETIREMENT)) {
            throw new InvalidValueException("AccountId", value,
                    "must be {registryId}-H and at least 5 digits (from 1), {registryId}-CANCELLATION or {registryId}-RETIREMENT");
        }
    }

    /** True if {@code value} is a registry id (5 characters) followed by exactly {@code suffix}. */
    private static boolean isSuffix(String value, String suffix) {
        return value.length() == 5 + suffix.length() && value.startsWith(suffix, 5);
    }

    /** True if every character from {@code from} on is '0' (the number would be 0). */
    private static boolean allZeros(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
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
