package org.jcm.ledger.id;

/** How a JCM project is financed: with a government programme's support, or privately. */
public enum FinancingKind {
    GOVERNMENT_FINANCED,
    PRIVATE
}
