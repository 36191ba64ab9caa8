package org.jcm.ledger.credit;

/** What an authorization allows the units to be used for (AEF table 2). */
public enum AuthorizationPurpose {
    NDC,
    OIMP,
    NDC_AND_OIMP;

    public boolean includesNdc() {
        return this != OIMP;
    }

    public boolean includesOimp() {
        return this != NDC;
    }
}
