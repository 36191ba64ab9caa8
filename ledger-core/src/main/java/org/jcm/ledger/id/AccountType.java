package org.jcm.ledger.id;

/** What an account means (docs/domain.md section 2): only HOLDING accounts can send units. */
public enum AccountType {
    HOLDING,
    CANCELLATION,
    RETIREMENT
}
