package org.jcm.ledger.id;

/** A JCM project: host ISO alpha-2 plus 3 digits, the Joint Committee's id, e.g. {@code MN001}. */
public record ProjectId(String value) implements Comparable<ProjectId> {

    public ProjectId {
        Checks.notNull("ProjectId", value);
        if (value.length() != 5 || !Checks.upperRun(value, 0, 2) || !Checks.digitRun(value, 2, 5)) {
            throw new InvalidValueException("ProjectId", value, "must be a host ISO alpha-2 code and 3 digits, e.g. MN001");
        }
    }

    public static ProjectId parse(String text) {
        return new ProjectId(text);
    }

    /** The host Party's ISO alpha-2 code. */
    public String hostIso2() {
        return value.substring(0, 2);
    }

    @Override
    public int compareTo(ProjectId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
