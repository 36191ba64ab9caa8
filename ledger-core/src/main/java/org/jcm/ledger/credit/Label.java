package org.jcm.ledger.credit;

/** The Article 6 label of an instrument and of a balance line: derived from {@link CaState}. */
public enum Label {
    NONE,
    AUTHORIZED,
    CA_APPLIED;

    private static final Label[] VALUES = values();

    public static Label ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
