package org.jcm.settlement.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.ProblemException;

/**
 * What an organization or a venue does with its webhook endpoints: register one (checked, with a
 * new secret shown once), list, read, delete, rotate its secret, read its delivery log. Refusals
 * are problems with stable codes; nothing is stored by a refused request.
 */
@ApplicationScoped
public class Webhooks {

    /** The longest description. */
    public static final int MAX_DESCRIPTION = 200;
    /** The most deliveries on one page of the log. */
    public static final int MAX_PAGE = 100;

    private final WebhookStore store;
    private final WebhookConfig config;
    private final UrlGuard guard;

    Webhooks(WebhookStore store, WebhookConfig config) {
        this.store = store;
        this.config = config;
        this.guard = new UrlGuard(config.allowLoopback(), config.allowPrivateAddresses());
    }

    /** Registers an endpoint for {@code owner}; the answer carries the secret, the only time it is shown. */
    public EndpointView register(Owner owner, WebhookRequest request, String by) {
        if (request == null) {
            throw new ProblemException(400, ProblemCodes.MALFORMED_JSON,
                    "The body must be a JSON object with url, events and an optional description.");
        }
        Optional<String> refused = guard.refusal(request.url());
        if (refused.isPresent()) {
            throw new ProblemException(400, ProblemCodes.WEBHOOK_URL_REFUSED, "The URL is refused: " + refused.get() + ".",
                    List.of(new FieldError("url", refused.get())));
        }
        List<String> events = events(owner, request.events());
        String description = request.description() == null ? "" : request.description();
        if (description.length() > MAX_DESCRIPTION) {
            throw invalidField("description", "At most " + MAX_DESCRIPTION + " characters.");
        }
        try {
            return store.register(owner, request.url(), events, description, Signatures.newSecret(), by,
                    config.maxEndpointsPerOwner());
        } catch (WebhookStore.TooManyEndpoints e) {
            throw new ProblemException(409, ProblemCodes.TOO_MANY_WEBHOOKS, "At most " + config.maxEndpointsPerOwner()
                    + " live webhook endpoints per organization or venue; delete one first.");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event types asked for, each known and meant for the owner's kind, without repeats. */
    private static List<String> events(Owner owner, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw invalidField("events", "At least one event type is required.");
        }
        Set<String> events = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String name = requested.get(i);
            Optional<EventType> type = name == null ? Optional.empty() : EventType.ofWireName(name);
            if (type.isEmpty()) {
                throw invalidField("events[" + i + "]", "Unknown event type; one of " + names(null) + ".");
            }
            if (type.get().owner() != owner.kind()) {
                throw invalidField("events[" + i + "]", "Not an event for this caller; one of "
                        + names(owner.kind()) + ".");
            }
            events.add(name);
        }
        return new ArrayList<>(events);
    }

    private static String names(OwnerKind kind) {
        List<String> names = new ArrayList<>();
        for (EventType type : EventType.values()) {
            if (kind == null || type.owner() == kind) {
                names.add(type.wireName());
            }
        }
        return String.join(", ", names);
    }

    private static ProblemException invalidField(String field, String detail) {
        return new ProblemException(400, ProblemCodes.INVALID_FIELD, "Field '" + field + "' is not valid.",
                List.of(new FieldError(field, detail)));
    }

    /** The owner's live endpoints. */
    public List<EndpointView> list(Owner owner) {
        try {
            return store.list(owner);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The owner's endpoint, or 404 {@code unknown_webhook}. */
    public EndpointView get(Owner owner, String id) {
        try {
            return store.find(owner, id).orElseThrow(() -> unknown(id));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the owner's endpoint, or 404 {@code unknown_webhook}. */
    public void delete(Owner owner, String id, String by) {
        try {
            if (!store.delete(owner, id, by)) {
                throw unknown(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new secret for the owner's endpoint (shown once); the old one signs beside it for the overlap. */
    public EndpointView rotate(Owner owner, String id) {
        try {
            return store.rotate(owner, id, Signatures.newSecret(), config.rotationOverlap())
                    .orElseThrow(() -> unknown(id));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of the endpoint's delivery log, oldest first. */
    public DeliveryView.Page deliveries(Owner owner, String id, long after, int limit) {
        EndpointView endpoint = get(owner, id);
        try {
            List<DeliveryView> items = store.deliveries(endpoint.id(), after, limit);
            Long next = items.size() == limit ? items.get(items.size() - 1).id() : null;
            return new DeliveryView.Page(endpoint.id(), next, items);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException unknown(String id) {
        return new ProblemException(404, ProblemCodes.UNKNOWN_WEBHOOK,
                "No webhook endpoint '" + id + "' is registered for the caller's organization or venue.");
    }
}
