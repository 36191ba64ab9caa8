package org.jcm.ledger.report;

/** The kind of an AEF table 3 action, with the wording the AEF uses. */
public enum ActionType {
    FIRST_TRANSFER("First transfer"),
    TRANSFER("Transfer"),
    ACQUISITION("Acquisition"),
    USE("Use"),
    CANCELLATION("Cancellation");

    private final String aefName;

    ActionType(String aefName) {
        this.aefName = aefName;
    }

    /** The action type as the AEF spells it, e.g. {@code First transfer}. */
    public String aefName() {
        return aefName;
    }
}
