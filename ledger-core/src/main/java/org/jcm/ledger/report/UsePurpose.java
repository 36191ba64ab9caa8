package org.jcm.ledger.report;

/** Why authorized units left circulation in an AEF use or cancellation action, with the wording of the report. */
public enum UsePurpose {
    /** Retired towards the using Party's NDC. */
    NDC("NDC"),
    /** Retired for another international mitigation purpose (e.g. CORSIA). */
    OIMP("OIMP"),
    /** Retired voluntarily or cancelled voluntarily: no Party or OIMP counts them. */
    VOLUNTARY("Voluntary cancellation"),
    /** Cancelled for overall mitigation in global emissions. */
    OMGE("OMGE"),
    /** Cancelled by the registry administrator to correct an error. */
    CORRECTION("Correction");

    private final String aefName;

    UsePurpose(String aefName) {
        this.aefName = aefName;
    }

    public String aefName() {
        return aefName;
    }
}
