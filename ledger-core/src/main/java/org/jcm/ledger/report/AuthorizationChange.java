package org.jcm.ledger.report;

/** What an AEF table 2 row records: the original authorization, an amendment (a new version) or a revocation. */
public enum AuthorizationChange {
    ORIGINAL("None"),
    AMENDMENT("Amended"),
    REVOCATION("Revoked");

    private final String aefName;

    AuthorizationChange(String aefName) {
        this.aefName = aefName;
    }

    /** The wording in the column "Changes to authorization". */
    public String aefName() {
        return aefName;
    }
}
