package org.jcm.ledger.id;

/** A participant's issuance request, numbered by the ledger: {@code IR} plus at least 6 digits, e.g. {@code IR000001}. */
public record IssuanceRequestId(String value) implements Comparable<IssuanceRequestId> {

    public IssuanceRequestId {
        Checks.notNull("IssuanceRequestId", value);
        if (value.length() < 8 || value.length() > 18 || !value.startsWith("IR") || !Checks.digitRun(value, 2, value.length())
                || Long.parseLong(value.substring(2)) < 1) {
            throw new InvalidValueException("IssuanceRequestId", value, "must be 'IR' and at least 6 digits (from 1), e.g. IR000001");
        }
    }

    public static IssuanceRequestId parse(String text) {
        return new IssuanceRequestId(text);
    }

    public static IssuanceRequestId of(long number) {
        return new IssuanceRequestId("IR" + OrganizationId.pad(number, 6));
    }

    public long number() {
        return Long.parseLong(value.substring(2));
    }

    @Override
    public int compareTo(IssuanceRequestId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
