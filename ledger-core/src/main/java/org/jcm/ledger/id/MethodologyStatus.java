package org.jcm.ledger.id;

/**
 * Where a methodology stands with its Joint Committee: drafted, approved (projects may apply it),
 * suspended (no new application may use it until approved again) or withdrawn (for good).
 */
public enum MethodologyStatus {
    DRAFT,
    APPROVED,
    SUSPENDED,
    WITHDRAWN
}
