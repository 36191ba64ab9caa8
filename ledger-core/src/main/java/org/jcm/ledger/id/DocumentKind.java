package org.jcm.ledger.id;

/** What a document cited by a project-cycle step is. */
public enum DocumentKind {
    /** Project Idea Note. */
    PIN,
    /** Project design document. */
    PDD,
    VALIDATION_REPORT,
    MONITORING_REPORT,
    VERIFICATION_REPORT,
    /** A Joint Committee's decision (registration, issuance). */
    JC_DECISION,
    OTHER
}
