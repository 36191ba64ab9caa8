package org.jcm.settlement.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A webhook endpoint as its owner sees it. {@code secret} is present only in the answers that
 * create it (registration, rotation): the service shows a secret once.
 *
 * @param id the endpoint's id, {@code wh_...}
 * @param ownerKind ORGANIZATION or VENUE
 * @param ownerId the organization id or venue
 * @param url where deliveries are sent
 * @param description the owner's own note
 * @param events the event types it receives
 * @param createdAt when it was registered (RFC 3339)
 * @param fromSeq the ledger position at registration: only later events are delivered
 * @param previousSecretExpiresAt until when the secret before the last rotation still signs, or null
 * @param secret the signing secret, only when just created
 */
public record EndpointView(String id, String ownerKind, String ownerId, String url, String description,
                           List<String> events, String createdAt, long fromSeq, String previousSecretExpiresAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    /** The same endpoint with its new secret, for the one answer that shows it. */
    public EndpointView withSecret(String newSecret) {
        return new EndpointView(id, ownerKind, ownerId, url, description, events, createdAt, fromSeq,
                previousSecretExpiresAt, newSecret);
    }
}
