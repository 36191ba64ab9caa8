package org.jcm.settlement.webhook;

import java.util.Optional;

/** The events a webhook endpoint may ask for, by the kind of owner that may ask for them. */
public enum EventType {
    /** Units arrived in an account of the organization. */
    TRANSFER_INCOMING("transfer.incoming", OwnerKind.ORGANIZATION),
    /** Units left an account of the organization. */
    TRANSFER_OUTGOING("transfer.outgoing", OwnerKind.ORGANIZATION),
    /** The organization's approvers are asked: a transfer waits for approval, or a participant change for consent. */
    APPROVAL_REQUESTED("approval.requested", OwnerKind.ORGANIZATION),
    /** A pending transfer out of an account of the organization was approved, executed, cancelled or expired. */
    PENDING_TRANSFER_UPDATED("pending_transfer.updated", OwnerKind.ORGANIZATION),
    /** An application (or one of its monitoring cycles) that names the organization changed. */
    APPLICATION_CHANGED("application.changed", OwnerKind.ORGANIZATION),
    /** A trade of the venue settled: the seller's transfer delivered it. */
    TRADE_SETTLED("trade.settled", OwnerKind.VENUE),
    /** The seller's first in-time transfer naming a trade of the venue differs from the trade. */
    TRADE_MISMATCHED("trade.mismatched", OwnerKind.VENUE),
    /** A trade of the venue failed: no delivery by its deadline, or a late one. */
    TRADE_FAILED("trade.failed", OwnerKind.VENUE);

    private final String wireName;
    private final OwnerKind owner;

    EventType(String wireName, OwnerKind owner) {
        this.wireName = wireName;
        this.owner = owner;
    }

    /** The name in requests and payloads, e.g. {@code transfer.incoming}. */
    public String wireName() {
        return wireName;
    }

    /** The kind of owner that may subscribe to it. */
    public OwnerKind owner() {
        return owner;
    }

    /** The type with this wire name, if any. */
    public static Optional<EventType> ofWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
