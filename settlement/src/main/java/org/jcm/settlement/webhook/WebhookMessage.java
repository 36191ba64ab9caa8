package org.jcm.settlement.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One event for the endpoints of one owner that asked for its type.
 *
 * @param owner whose endpoints receive it
 * @param type the event type
 * @param messageId the {@code webhook-id}: the same for every attempt and every time the event is derived again
 * @param seq the ledger seq that caused it, or 0 for a trade the deadline sweep failed
 * @param at the event time (for the sweep, the trade's deadline)
 * @param payload the JSON body, exactly as sent and signed
 */
public record WebhookMessage(Owner owner, EventType type, String messageId, long seq, Instant at, String payload) {

    /** Checks the values. */
    public WebhookMessage {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(payload, "payload");
    }
}
