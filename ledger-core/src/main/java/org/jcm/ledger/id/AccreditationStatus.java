package org.jcm.ledger.id;

/** A third-party entity's accreditation: active (it may validate and verify) or suspended (it may not). */
public enum AccreditationStatus {
    ACTIVE,
    SUSPENDED
}
