package org.jcm.ledger.id;

/** A cooperative approach (one per JCM partnership), configured as data: {@code CA} plus 4 digits, e.g. {@code CA0012}. */
public record CooperativeApproachId(String value) {

    public CooperativeApproachId {
        Checks.notNull("CooperativeApproachId", value);
        if (value.length() != 6 || !value.startsWith("CA") || !Checks.digitRun(value, 2, 6)) {
            throw new InvalidValueException("CooperativeApproachId", value, "must be 'CA' and 4 digits, e.g. CA0012");
        }
    }

    public static CooperativeApproachId parse(String text) {
        return new CooperativeApproachId(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
