package org.jcm.ledger.id;

/**
 * A proposal of a four-eyes action, numbered by the ledger in the order proposals are made:
 * {@code PR} plus exactly 8 digits (from 1), e.g. {@code PR00000001}. A pending cancellation for
 * correction reserves its units under its proposal's id.
 */
public record ProposalId(String value) implements Comparable<ProposalId>, PendingActionId {

    /** The largest proposal number: 8 digits. */
    public static final long MAX_NUMBER = 99_999_999L;

    public ProposalId {
        Checks.notNull("ProposalId", value);
        if (value.length() != 10 || !value.startsWith("PR") || !Checks.digitRun(value, 2, 10)
                || Long.parseLong(value.substring(2)) < 1) {
            throw new InvalidValueException("ProposalId", value, "must be 'PR' and 8 digits (from 1), e.g. PR00000001");
        }
    }

    public static ProposalId parse(String text) {
        return new ProposalId(text);
    }

    /** The proposal with this number (1 to {@link #MAX_NUMBER}). */
    public static ProposalId of(long number) {
        if (number < 1 || number > MAX_NUMBER) {
            throw new InvalidValueException("ProposalId", Long.toString(number), "must be numbered from 1 to 99999999");
        }
        return new ProposalId("PR" + OrganizationId.pad(number, 8));
    }

    public long number() {
        return Long.parseLong(value.substring(2));
    }

    @Override
    public int compareTo(ProposalId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
