package org.jcm.settlement.webhook;

/** Who owns a webhook endpoint: an organization (its account holders) or a venue (its exchange). */
public enum OwnerKind {
    ORGANIZATION,
    VENUE
}
