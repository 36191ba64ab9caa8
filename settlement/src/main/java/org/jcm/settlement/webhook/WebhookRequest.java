package org.jcm.settlement.webhook;

import java.util.List;

/**
 * The body of {@code POST /api/v1/webhooks}.
 *
 * @param url the https URL deliveries are sent to
 * @param events the event types to receive (at least one)
 * @param description the owner's own note, at most 200 characters (optional)
 */
public record WebhookRequest(String url, List<String> events, String description) {
}
