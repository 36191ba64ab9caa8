package org.jcm.ledger.id;

/** The reviewed steps of a project application, in route order. */
public enum ReviewStep {
    /** The host governments' confirmation of the Project Idea Note. */
    PROJECT_IDEA,
    /** A third-party entity's validation of the project design document. */
    VALIDATION,
    /** The Joint Committee's registration decision. */
    REGISTRATION
}
