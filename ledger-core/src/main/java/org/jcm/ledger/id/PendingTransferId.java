package org.jcm.ledger.id;

/**
 * A transfer that waits for a second account holder's approval or for its delay, numbered by the
 * ledger: {@code PT} plus exactly 8 digits (from 1), e.g. {@code PT00000001}.
 */
public record PendingTransferId(String value) implements PendingActionId, Comparable<PendingTransferId> {

    /** The largest number that fits the 8 digits. */
    public static final long MAX_NUMBER = 99_999_999L;

    public PendingTransferId {
        Checks.notNull("PendingTransferId", value);
        if (value.length() != 10 || !value.startsWith("PT") || !Checks.digitRun(value, 2, 10)
                || Long.parseLong(value.substring(2)) < 1) {
            throw new InvalidValueException("PendingTransferId", value, "must be 'PT' and 8 digits (from 1), e.g. PT00000001");
        }
    }

    public static PendingTransferId parse(String text) {
        return new PendingTransferId(text);
    }

    public static PendingTransferId of(long number) {
        return new PendingTransferId("PT" + OrganizationId.pad(number, 8));
    }

    public long number() {
        return Long.parseLong(value.substring(2));
    }

    @Override
    public int compareTo(PendingTransferId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
