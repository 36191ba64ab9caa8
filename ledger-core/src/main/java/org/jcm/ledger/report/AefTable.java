package org.jcm.ledger.report;

/** The tables of the Agreed Electronic Format (decision 6/CMA.4, annex II) that the registry derives from its ledger. */
public enum AefTable {
    /** Table 2: authorizations, one row per version and per revocation. */
    T2,
    /** Table 3: actions (first transfer, transfer, acquisition, use, cancellation) on authorized units. */
    T3,
    /** Table 4: holdings of authorized units at 31 December. */
    T4
}
