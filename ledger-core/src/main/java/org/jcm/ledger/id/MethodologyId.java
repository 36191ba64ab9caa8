package org.jcm.ledger.id;

/** A JCM methodology: host ISO alpha-2, {@code _AM} and 3 digits, e.g. {@code MN_AM001}. */
public record MethodologyId(String value) {

    public MethodologyId {
        Checks.notNull("MethodologyId", value);
        if (value.length() != 8 || !Checks.upperRun(value, 0, 2) || !value.startsWith("_AM", 2)
                || !Checks.digitRun(value, 5, 8)) {
            throw new InvalidValueException("MethodologyId", value, "must be ISO alpha-2, '_AM' and 3 digits, e.g. MN_AM001");
        }
    }

    public static MethodologyId parse(String text) {
        return new MethodologyId(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
