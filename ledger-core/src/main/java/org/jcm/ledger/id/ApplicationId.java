package org.jcm.ledger.id;

/**
 * A project application (from the Project Idea Note to the Joint Committee's registration),
 * numbered by the ledger in the order applications are submitted: {@code AP} plus exactly 8
 * digits (from 1), e.g. {@code AP00000001}.
 */
public record ApplicationId(String value) implements Comparable<ApplicationId> {

    /** The largest application number: 8 digits. */
    public static final long MAX_NUMBER = 99_999_999L;

    public ApplicationId {
        Checks.notNull("ApplicationId", value);
        if (value.length() != 10 || !value.startsWith("AP") || !Checks.digitRun(value, 2, 10)
                || Long.parseLong(value.substring(2)) < 1) {
            throw new InvalidValueException("ApplicationId", value, "must be 'AP' and 8 digits (from 1), e.g. AP00000001");
        }
    }

    public static ApplicationId parse(String text) {
        return new ApplicationId(text);
    }

    /** The application with this number (1 to {@link #MAX_NUMBER}). */
    public static ApplicationId of(long number) {
        if (number < 1 || number > MAX_NUMBER) {
            throw new InvalidValueException("ApplicationId", Long.toString(number), "must be numbered from 1 to 99999999");
        }
        return new ApplicationId("AP" + OrganizationId.pad(number, 8));
    }

    public long number() {
        return Long.parseLong(value.substring(2));
    }

    @Override
    public int compareTo(ApplicationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
