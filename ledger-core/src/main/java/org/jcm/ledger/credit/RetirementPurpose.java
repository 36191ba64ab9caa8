package org.jcm.ledger.credit;

/** What retired units count towards: a Party's NDC, another international mitigation purpose, or a voluntary claim. */
public enum RetirementPurpose {
    NDC,
    OIMP,
    VOLUNTARY
}
