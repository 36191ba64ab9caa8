package org.jcm.ledger.id;

/** A Party's place in the JCM: Japan itself, a partner country, or a candidate named by business. */
public enum JcmStatus {
    JAPAN,
    PARTNER,
    CANDIDATE
}
