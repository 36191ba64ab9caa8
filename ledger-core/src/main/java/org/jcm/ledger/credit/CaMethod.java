package org.jcm.ledger.credit;

/** How a Party applies corresponding adjustments; fixed per Party and NDC period. */
public enum CaMethod {
    TRAJECTORY,
    AVERAGING,
    MULTI_YEAR_BUDGET
}
