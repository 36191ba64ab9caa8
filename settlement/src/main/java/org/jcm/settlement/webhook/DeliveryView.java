package org.jcm.settlement.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * One delivery in an endpoint's log, with every attempt.
 *
 * @param id its position in the endpoint's order (the cursor for {@code after})
 * @param messageId the {@code webhook-id} header
 * @param type the event type
 * @param state PENDING, DELIVERED or FAILED
 * @param createdAt when the consumer wrote it
 * @param nextAttemptAt when the next attempt is due, while PENDING
 * @param finishedAt when it was delivered or given up
 * @param payload the body, exactly as signed and sent
 * @param attempts each attempt, oldest first
 */
public record DeliveryView(long id, String messageId, String type, String state, String createdAt,
                           String nextAttemptAt, String finishedAt, String payload, List<Attempt> attempts) {

    /**
     * One attempt.
     *
     * @param attempt 1 for the first
     * @param at when it was sent (RFC 3339)
     * @param statusCode the receiver's HTTP status, or null when no answer came
     * @param latencyMillis from sending to the answer (or the error)
     * @param error why it did not count as delivered, or null when it did
     */
    public record Attempt(int attempt, String at, Integer statusCode, long latencyMillis, String error) {
    }

    /** A page of deliveries, oldest first; {@code next} is the cursor for {@code after}, null at the end. */
    @Schema(name = "WebhookDeliveryPage")
    public record Page(String endpointId, Long next, List<DeliveryView> items) {
    }
}
